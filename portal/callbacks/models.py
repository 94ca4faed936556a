"""Requests from people who would rather talk: a call back or an appointment."""

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import now
from portal.extensions import Model

STATUSES = ("new", "claimed", "completed")


class ContactRequest(Model):
    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(9), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    service: Mapped[str] = mapped_column(String(100), index=True)
    department: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(30))
    best_time: Mapped[str] = mapped_column(String(20))
    # The language to contact the person in: "cy" requests are marked in the queue.
    language: Mapped[str] = mapped_column(String(8), index=True)
    # Needs that change how staff make contact: bsl, someone_helps, step_free...
    needs: Mapped[list] = mapped_column(JSON, default=list)
    anything_else: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    # Set when a staff member sent it for the person during an assisted session.
    assisted_session_id: Mapped[int | None] = mapped_column(ForeignKey("assisted_sessions.id"))
    # The hash of the answers' id the sending browser held: if the answer to sending never
    # reached it, sending again finds this request instead of making a second.
    sent_from: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)

    claimed_by = relationship("StaffMember", lazy="joined")
    notes: Mapped[list["ContactRequestNote"]] = relationship(
        order_by="ContactRequestNote.created_at", lazy="selectin"
    )


class ContactRequestDraft(Model):
    """What someone has typed into the call-back form, between the form and check your
    answers. Kept here, not in the session cookie (signed, but anyone holding the cookie
    can read it): the cookie holds only this row's random id."""

    __tablename__ = "contact_request_drafts"

    id: Mapped[str] = mapped_column(String(43), primary_key=True)
    service: Mapped[str] = mapped_column(String(100))
    answers: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=now, onupdate=now, index=True
    )


class ContactRequestNote(Model):
    __tablename__ = "contact_request_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("contact_requests.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    staff = relationship("StaffMember", lazy="joined")
