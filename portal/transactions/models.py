"""What citizens create through forms: drafts (answers so far) and submissions."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import now
from portal.extensions import Model


class Draft(Model):
    """Answers given so far, saved after every page and tied to a browser by its session.

    Only the draft's id travels in the (signed) session cookie; the answers stay here.
    """

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    form: Mapped[str] = mapped_column(String(100), index=True)
    form_version: Mapped[int]
    language: Mapped[str] = mapped_column(String(8))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # "Save and come back later": only a hash of the code, so a database leak gives none away.
    return_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=now, onupdate=now, index=True
    )


class Submission(Model):
    """A sent form: validated answers and what staff need to follow it up."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(9), unique=True)
    # One draft makes at most one submission: a double click or a replayed POST is a no-op.
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    form: Mapped[str] = mapped_column(String(100), index=True)
    form_version: Mapped[int]
    service: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), index=True)
    language: Mapped[str] = mapped_column(String(8))
    # "online", or "assisted" when a staff member helped (the session says who and how).
    channel: Mapped[str] = mapped_column(String(20), default="online")
    assisted_session_id: Mapped[int | None] = mapped_column(ForeignKey("assisted_sessions.id"))
    # The declared needs that matter for following up: language, channels, help, formats.
    needs: Mapped[dict] = mapped_column(JSON, default=dict)
    answers: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=now, server_default=func.now()
    )


class FormStart(Model):
    """A journey begun: one row when the first answer is saved. Drafts are deleted when
    they expire, so completion rates are counted from these, which hold no answers."""

    __tablename__ = "form_starts"

    id: Mapped[int] = mapped_column(primary_key=True)
    form: Mapped[str] = mapped_column(String(100))
    service: Mapped[str] = mapped_column(String(100), index=True)
    language: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=now, server_default=func.now(), index=True
    )
