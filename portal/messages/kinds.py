"""The vocabulary of messages: each kind of message we send, the placeholders the code
fills in for it, and which channels may carry each placeholder.

Content designers write the words (content/messages/<kind>.yaml, English and Welsh side
by side); this table is what the code promises to fill in, so `flask content check` can
refuse a template that uses anything else, or that puts personal data in a text message
or a letter (a phone is often shared; a letter is read by whoever opens the door).
"""

from dataclasses import dataclass

CHANNELS = ("email", "sms", "letter")
# The languages messages are written in: someone using another interface language
# (Arabic) chooses one of these.
MESSAGE_LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class Placeholder:
    name: str
    # The longest value the code fills in, for counting text message fragments.
    longest: int
    # The channels that may carry it. Personal data (what someone wrote, a staff note)
    # goes by email only.
    channels: tuple[str, ...] = CHANNELS


PLACEHOLDERS = {
    p.name: p
    for p in (
        Placeholder("reference", 9),
        Placeholder("form_title", 60),
        Placeholder("service_name", 60),
        # The form's "what happens next", which is content, not anything the person wrote.
        Placeholder("what_happens_next", 600, ("email", "letter")),
        Placeholder("link", 60),
        Placeholder("return_code", 14),
        Placeholder("expires_on", 17),
        Placeholder("best_time", 30),
        Placeholder("status", 30),
        Placeholder("staff_message", 1000, ("email",)),
        Placeholder("needs_code", 12),
        # Every email ends with it: one click stops these messages.
        Placeholder("stop_link", 90, ("email",)),
    )
}


@dataclass(frozen=True)
class Kind:
    name: str
    placeholders: frozenset[str]
    # The channels this message can go by: each needs words in the template file.
    channels: tuple[str, ...]


KINDS = {
    k.name: k
    for k in (
        Kind(
            "form-sent",
            frozenset({"reference", "form_title", "what_happens_next", "link", "stop_link"}),
            ("email", "sms", "letter"),
        ),
        Kind(
            "draft-saved",
            frozenset({"form_title", "return_code", "expires_on", "link", "stop_link"}),
            ("email", "sms"),
        ),
        Kind(
            "draft-expiring",
            frozenset({"form_title", "expires_on", "link", "stop_link"}),
            ("email", "sms"),
        ),
        Kind(
            "callback-received",
            frozenset({"reference", "service_name", "best_time", "stop_link"}),
            ("email", "sms"),
        ),
        Kind(
            "request-updated",
            frozenset(
                {"reference", "service_name", "status", "staff_message", "link", "stop_link"}
            ),
            ("email", "sms", "letter"),
        ),
        Kind(
            "needs-code",
            frozenset({"needs_code", "link", "stop_link"}),
            ("email", "sms"),
        ),
    )
}

# Two fragments at most: a third costs the council a third text and arrives in pieces on
# some phones.
SMS_MOST_FRAGMENTS = 2
