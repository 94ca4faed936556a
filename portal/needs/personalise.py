"""Pure functions from declared needs to what a page shows. No request, no app, no I/O.

Each decision comes with its reason, so the page can say why it looks the way it does.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from portal.needs.model import CHANNELS, Needs

# For a channel a service lacks, the offered channels that come closest, best first:
# the same kind of contact (written, spoken, face to face) for the same people.
CLOSEST_CHANNELS = {
    "online": ("email", "text_message", "phone", "post"),
    "phone": ("in_person", "relay_uk", "online", "email"),
    "relay_uk": ("text_message", "email", "bsl_video", "online"),
    "bsl_video": ("relay_uk", "in_person", "email", "text_message", "online"),
    "email": ("online", "text_message", "post", "phone"),
    "text_message": ("email", "online", "relay_uk", "phone"),
    "post": ("email", "in_person", "online", "phone"),
    "in_person": ("phone", "bsl_video", "post", "online"),
}


@dataclass(frozen=True)
class ChannelPlan:
    """How to show a service's ways of contact to one person."""

    order: tuple[str, ...]
    # Why order[0] is first: "preferred", "next_preferred" (the preferred way is missing),
    # "closest" (to the missing preferred way), "bsl", or None (the default order).
    first_reason: str | None
    # The person's preferred way, when the service does not offer it, and its closest match.
    missing_preference: str | None
    alternative: str | None


def plan_channels(offered: Sequence[str], needs: Needs) -> ChannelPlan:
    """The service's channels in the order this person asked for."""
    default = [channel for channel in CHANNELS if channel in offered]
    wanted = [channel for channel in needs.channels if channel in offered]
    missing = needs.preferred_channel if needs.preferred_channel not in (None, *offered) else None

    if wanted and not missing:
        first, reason = wanted[0], "preferred"
    elif wanted:
        first, reason = wanted[0], "next_preferred"
    elif missing:
        closest = (c for c in CLOSEST_CHANNELS[missing] if c in offered)
        first, reason = next(closest, default[0]), "closest"
    elif needs.bsl and "bsl_video" in offered:
        first, reason = "bsl_video", "bsl"
    else:
        return ChannelPlan(tuple(default), None, None, None)

    # A BSL user who also stated other preferences still sees video relay straight after.
    if needs.bsl and "bsl_video" in offered and reason != "bsl" and "bsl_video" not in wanted:
        wanted.insert(0, "bsl_video")
    rest = [c for c in (*wanted, *default) if c != first]
    order = tuple(dict.fromkeys([first, *rest]))
    return ChannelPlan(order, reason, missing, first if missing else None)


@dataclass(frozen=True)
class VariantChoice:
    """Which version of a page to show, and whether to explain a missing Easy Read one."""

    variant: str | None
    easy_read_missing: bool


def choose_variant(needs: Needs, available: Sequence[str], asked: str | None) -> VariantChoice:
    """Easy Read when declared (or asked for in the URL) and the page has one."""
    if asked == "standard":
        return VariantChoice(None, False)
    wants_easy_read = needs.easy_read or asked == "easy-read"
    if wants_easy_read and "easy-read" in available:
        return VariantChoice("easy-read", False)
    return VariantChoice(None, wants_easy_read)


def body_classes(needs: Needs) -> tuple[str, ...]:
    """Classes on <body> that switch on the themes compiled into our stylesheet."""
    classes = []
    if needs.text_size != "standard":
        classes.append(f"app-text-{needs.text_size}")
    if needs.contrast == "high":
        classes.append("app-contrast-high")
    elif needs.contrast == "dark":
        classes.append("app-theme-dark")
    if needs.more_spacing:
        classes.append("app-more-spacing")
    if needs.less_motion:
        classes.append("app-less-motion")
    if needs.lite:
        classes.append("app-lite")
    return tuple(classes)


def page_adjustments(needs: Needs) -> tuple[str, ...]:
    """The declared needs that change how every page looks, for the "set up for you" line."""
    adjustments = []
    if needs.text_size != "standard":
        adjustments.append(f"text_{needs.text_size}")
    if needs.contrast != "standard":
        adjustments.append(f"contrast_{needs.contrast}")
    for flag in ("more_spacing", "less_motion", "lite"):
        if getattr(needs, flag):
            adjustments.append(flag)
    return tuple(adjustments)


def block_shown(condition: str | None, needs: Needs) -> bool:
    """Whether a needs-aware block of content (`:phone: ... :phone:`) is shown to this person.

    The safe fallback: a block is hidden only from people whose answers say it does not
    apply to them. Nobody sees less of a page because they told us nothing, so a person
    with no declared needs sees every block, and a person who named no ways of contact
    sees every channel's block.
    """
    if condition is None or not needs.declared:
        return True
    if condition in CHANNELS:
        return not needs.channels or condition in needs.channels
    return bool(getattr(needs, condition))
