"""Putting a message in the outbox, in the caller's transaction.

A feature calls `queue(...)` before it commits what the message confirms: the message and
the submission are stored together or not at all (an acknowledged submission always has
its message, and no message is ever sent about something that was never stored). Nothing
here talks to a provider; the workers do, after the request (portal/messages/worker.py).
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from flask import current_app, url_for
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import select, update

from portal.clock import now
from portal.extensions import db, rows_changed
from portal.form_fields import is_uk_mobile
from portal.messages.kinds import CHANNELS, KINDS, MESSAGE_LANGUAGES
from portal.messages.models import Message, MessageStop

# How the portal's ways of contact (portal.needs.model.CHANNELS) map to a message channel.
# The others (phone, relay_uk, bsl_video, in_person, online) are ways to talk, not to be
# written to: a person who prefers them still gets their confirmation by email or text
# message if they gave an address for one.
# Messages about something sent earlier, which "stop these messages" stops.
FOLLOW_UPS = frozenset({"draft-expiring", "request-updated"})

MESSAGE_CHANNEL_FOR = {"email": "email", "text_message": "sms", "post": "letter"}


@dataclass(frozen=True)
class Contacts:
    """The addresses a person gave us, any of which may be missing."""

    email: str | None = None
    phone: str | None = None
    # A letter needs the lines of the address and its postcode.
    address: dict | None = None

    def address_for(self, channel: str) -> dict | None:
        if channel == "email" and self.email:
            return {"email": self.email}
        if channel == "sms" and self.phone and is_uk_mobile(self.phone):
            return {"phone": self.phone}
        if channel == "letter" and self.address and self.address.get("postcode"):
            return {
                "lines": list(self.address.get("lines", [])),
                "postcode": self.address["postcode"],
            }
        return None


def provider_channels() -> tuple[str, ...]:
    """The channels the configured provider can carry: SMTP sends email only."""
    provider = current_app.config["MESSAGES_PROVIDER"]
    return {"off": (), "smtp": ("email",)}.get(provider, ("email", "sms", "letter"))


def choose(kind: str, preferred: tuple[str, ...], contacts: Contacts) -> tuple[str, dict] | None:
    """The channel and address for a message: the first of the person's preferred ways we
    can write to them by, then email, then a text message (a letter only when asked for:
    it is slow, and costs the council). None when we have no way to send it."""
    possible = [c for c in KINDS[kind].channels if c in provider_channels()]
    declared = [MESSAGE_CHANNEL_FOR[c] for c in preferred if c in MESSAGE_CHANNEL_FOR]
    for channel in [*declared, "email", "sms"]:
        address = contacts.address_for(channel) if channel in possible else None
        if address is not None:
            return channel, address
    return None


def message_language(language: str | None) -> str:
    """Messages are written in English and Welsh; another interface language gets English
    unless the person chose Welsh for messages (they are asked where we take an address)."""
    return language if language in MESSAGE_LANGUAGES else MESSAGE_LANGUAGES[0]


def queue(
    kind: str,
    language: str,
    preferred: tuple[str, ...],
    contacts: Contacts,
    values: dict,
    about: str,
    service: str | None = None,
    due_at: datetime | None = None,
) -> Message | None:
    """Add a message to the session (the caller commits). None if there is no way to send
    it, or it is a follow-up to an address whose owner asked us to stop. (A confirmation
    of what the person has just sent, to the address they have just given, always goes.)"""
    chosen = choose(kind, preferred, contacts)
    if chosen is None or kind not in current_app.extensions["content"].messages:
        return None
    channel, to = chosen
    if kind in FOLLOW_UPS and stopped(to):
        return None
    language = message_language(language)
    if channel == "email":
        values = {**values, "stop_link": stop_link(to, channel, language)}
    message = Message(
        reference=str(uuid.uuid4()),
        kind=kind,
        channel=channel,
        language=language,
        to=to,
        values={name: str(value) for name, value in values.items()},
        about=about,
        service=service,
        due_at=due_at or now(),
    )
    db.session.add(message)
    return message


def cancel(about: str, kind: str) -> int:
    """Messages not yet sent that are no longer wanted (a reminder about a draft that has
    been sent): in the caller's transaction; how many."""
    return rows_changed(
        update(Message)
        .where(Message.about == about, Message.kind == kind, Message.status == "queued")
        .values(status="cancelled")
    )


def address_hash(to: dict) -> str:
    """One form for an address however it was typed: "Name@Example.com " is the same
    inbox as "name@example.com", "07700 900 982" the same phone as "+447700900982"."""
    if "email" in to:
        key = "email:" + to["email"].strip().lower()
    elif "phone" in to:
        digits = "".join(ch for ch in to["phone"] if ch.isdigit())
        key = "phone:" + digits.removeprefix("0044").removeprefix("44").removeprefix("0")
    else:
        key = "post:" + to.get("postcode", "").replace(" ", "").upper()
        key += ":" + (to.get("lines") or [""])[0].strip().lower()
    return hashlib.sha256(key.encode()).hexdigest()


def stopped(to: dict) -> bool:
    wanted = address_hash(to)
    return (
        db.session.scalar(select(MessageStop.id).where(MessageStop.address_hash == wanted))
        is not None
    )


def stop(wanted: str, channel: str) -> None:
    """Never write to the address with this hash again, and drop what is still waiting to
    go to it; committed. Saying stop twice is fine."""
    if db.session.scalar(select(MessageStop.id).where(MessageStop.address_hash == wanted)) is None:
        db.session.add(MessageStop(address_hash=wanted, channel=channel))
    waiting = db.session.execute(
        select(Message.id, Message.to).where(Message.status == "queued", Message.channel == channel)
    )
    ids = [id_ for id_, to in waiting if address_hash(to) == wanted]
    if ids:
        db.session.execute(
            update(Message)
            .where(Message.id.in_(ids), Message.status == "queued")
            .values(status="cancelled", last_error="The person asked us to stop")
        )
    db.session.commit()


def stop_link(to: dict, channel: str, language: str) -> str:
    lang = None if language == MESSAGE_LANGUAGES[0] else language
    return url_for(
        "messages.stop_messages", token=stop_token(to, channel), lang=lang, _external=True
    )


def _stop_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="stop-messages")


def stop_token(to: dict, channel: str) -> str:
    """For the link in every email: signed, holding only the address's hash, and never
    expiring (an old email's link must still work)."""
    return _stop_serializer().dumps({"h": address_hash(to), "c": channel})


def read_stop_token(token: str) -> tuple[str, str] | None:
    try:
        data = _stop_serializer().loads(token)
    except BadData:
        return None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("h"), str)
        or data.get("c") not in CHANNELS
    ):
        return None
    return data["h"], data["c"]
