"""The outbox: every message we mean to send, written in the same transaction as what it
confirms, and what became of it. Workers (portal/messages/worker.py) claim and deliver."""

from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import now
from portal.extensions import Model

# queued: waiting (or waiting to be tried again); sending: a worker holds it until
# lease_until; sent: the provider took it; failed: the provider refused it, or it ran out
# of tries (staff can send it again); cancelled: no longer wanted (the draft was sent).
STATUSES = ("queued", "sending", "sent", "failed", "cancelled")


class Message(Model):
    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The idempotency reference the provider sees: a worker that died mid-send asks the
    # provider for it before sending again.
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(8))
    # The address: {"email": ...}, {"phone": ...} or {"lines": [...], "postcode": ...}.
    to: Mapped[dict] = mapped_column(JSON)
    # The placeholders' values. Codes that open something (a return code) are blanked once
    # the message is sent: only their hashes are kept anywhere else.
    values: Mapped[dict] = mapped_column(JSON)
    # What it is about, for staff and for cancelling: "submission:ABCD-1234", "draft:<id>".
    about: Mapped[str] = mapped_column(String(60), index=True)
    service: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    provider_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class MessageStop(Model):
    """Someone asked us to stop: no message is queued to this address again. Only a hash
    of the address is kept, so the list of people who said stop is not a mailing list."""

    __tablename__ = "message_stops"

    id: Mapped[int] = mapped_column(primary_key=True)
    address_hash: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class DevelopmentInbox(Model):
    """Under `make run` (the development provider), what would have arrived: shown at
    /development/messages. Production refuses that provider, so this stays empty there."""

    __tablename__ = "development_inbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_reference: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(8))
    to: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
