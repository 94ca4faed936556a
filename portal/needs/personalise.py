"""Pure functions from declared needs to what a page shows and wears. No request, no app,
no I/O (labels are lazy strings, translated only when a page shows them).

Each decision comes with its reason, so the page can say why it looks the way it does.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from flask_babel import lazy_gettext as _l

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
    # A BSL user, and the service has no BSL video relay: offer to book an interpreter.
    offer_interpreter: bool = False


def plan_channels(offered: Collection[str], needs: Needs) -> ChannelPlan:
    """The service's channels in the order this person asked for."""
    plan = _ordered_channels(offered, needs)
    if needs.bsl and "bsl_video" not in offered:
        return replace(plan, offer_interpreter=True)
    return plan


def _ordered_channels(offered: Collection[str], needs: Needs) -> ChannelPlan:
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
    """Which version of a page to show, and why."""

    variant: str | None
    # The person declared Easy Read but this page has no Easy Read version.
    easy_read_missing: bool
    # The Easy Read version is shown because the person told us it helps (not only asked).
    declared: bool = False


def choose_variant(needs: Needs, available: Sequence[str], asked: str | None) -> VariantChoice:
    """Easy Read when declared (or asked for in the URL) and the page has one."""
    if asked == "standard":
        return VariantChoice(None, False)
    wants_easy_read = needs.easy_read or asked == "easy-read"
    if wants_easy_read and "easy-read" in available:
        return VariantChoice("easy-read", False, declared=needs.easy_read)
    return VariantChoice(None, wants_easy_read)


@dataclass(frozen=True)
class PagePlan:
    """What one content page shows this person: the version, the ways to use the service
    in their order, and whether help comes first."""

    choice: VariantChoice
    channels: ChannelPlan | None
    # "Get help to use this service" before every other way, for people who told us
    # someone helps them.
    help_first: bool


def plan_page(
    needs: Needs,
    variants: Sequence[str],
    asked: str | None,
    offered: Collection[str] | None,
) -> PagePlan:
    """Every decision a content page makes from declared needs, with its reasons."""
    return PagePlan(
        choice=choose_variant(needs, variants, asked),
        channels=plan_channels(offered, needs) if offered is not None else None,
        help_first=needs.someone_helps,
    )


@dataclass(frozen=True)
class Adjustment:
    """A declared need that changes how every page looks: the class on <html> that our
    stylesheet themes, and how the "this page uses what you told us" line names it."""

    key: str
    page_class: str
    label: str  # lazily translated: named in the reader's language when shown
    applies: Callable[[Needs], bool]
    # Its class is styled in needs.css (static/src/scss/needs.scss); lite's only changes
    # what the server sends.
    styled: bool = True


# The one table from needs to what the page wears, in the order the page names them.
ADJUSTMENTS = (
    Adjustment("text_large", "app-text-large", _l("large text"), lambda n: n.text_size == "large"),
    Adjustment(
        "text_largest", "app-text-largest", _l("largest text"), lambda n: n.text_size == "largest"
    ),
    Adjustment(
        "contrast_high", "app-contrast-high", _l("high contrast"), lambda n: n.contrast == "high"
    ),
    Adjustment(
        "contrast_dark", "app-theme-dark", _l("dark colours"), lambda n: n.contrast == "dark"
    ),
    Adjustment(
        "more_spacing",
        "app-more-spacing",
        _l("more space between letters and lines"),
        lambda n: n.more_spacing,
    ),
    Adjustment("less_motion", "app-less-motion", _l("less movement"), lambda n: n.less_motion),
    Adjustment(
        "lite", "app-lite", _l("small pages for a slow connection"), lambda n: n.lite, False
    ),
)
ADJUSTMENT_NAMES = {adjustment.key: adjustment.label for adjustment in ADJUSTMENTS}


@dataclass(frozen=True)
class Chrome:
    """What every page's layout wears for this person."""

    page_classes: tuple[str, ...]
    adjustments: tuple[Adjustment, ...]
    # Whether the page links needs.css: one of its adjustments is drawn by it.
    styled: bool
    # Lite mode sends no JavaScript: every journey works without it.
    scripts: bool
    # Lite mode also leaves out what only search engines and a browser's own interface use
    # (the other languages' addresses, the description, the theme colour): these pages are
    # personal, so no search engine sees them, and the bytes go on what the person came for.
    extras: bool
    declared: bool


def chrome(needs: Needs) -> Chrome:
    """The layout's classes, the adjustments it names, and whether it sends scripts."""
    applied = tuple(adjustment for adjustment in ADJUSTMENTS if adjustment.applies(needs))
    return Chrome(
        page_classes=tuple(adjustment.page_class for adjustment in applied),
        adjustments=applied,
        styled=any(adjustment.styled for adjustment in applied),
        scripts=not needs.lite,
        extras=not needs.lite,
        declared=needs.declared,
    )


def body_classes(needs: Needs) -> tuple[str, ...]:
    """Classes that switch on the themes compiled into our stylesheet."""
    return chrome(needs).page_classes


def page_adjustments(needs: Needs) -> tuple[str, ...]:
    """The keys of the declared needs that change how every page looks."""
    return tuple(adjustment.key for adjustment in chrome(needs).adjustments)


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


def visible_segments(segments: Sequence, needs: Needs) -> tuple:
    """The segments of a page's body (see publishing) this person should see."""
    return tuple(segment for segment in segments if block_shown(segment.condition, needs))
