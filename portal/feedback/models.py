"""What people tell us about pages and services. Nothing here identifies anyone: no
names, no IP addresses, no link to a submission, and the contact details and National
Insurance numbers some people type into the free text anyway are taken out before it is
kept (portal.redaction)."""

from datetime import datetime

from sqlalchemy import DateTime, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import now
from portal.extensions import Model


class PageFeedback(Model):
    """ "Is this page useful?" answers and "Report a problem" reports, for one page."""

    __tablename__ = "page_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The page's path without its query: "/cy/services/apply-for-a-blue-badge".
    path: Mapped[str] = mapped_column(String(300), index=True)
    language: Mapped[str] = mapped_column(String(8))
    # True "yes", False "no", None a problem report on its own.
    useful: Mapped[bool | None]
    what_doing: Mapped[str | None] = mapped_column(Text)
    what_wrong: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)


class SatisfactionResponse(Model):
    """The five-point satisfaction question asked after someone sends a form."""

    __tablename__ = "satisfaction_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    form: Mapped[str] = mapped_column(String(100))
    service: Mapped[str] = mapped_column(String(100), index=True)
    language: Mapped[str] = mapped_column(String(8))
    # 5 very satisfied ... 1 very dissatisfied.
    rating: Mapped[int] = mapped_column(SmallInteger)
    improve: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)


class PageVote(Model):
    """That a browser has answered "Is this page useful?" for a page: one answer per page
    per browser. The voter is a random token kept in the session (only its hash is
    here), which says nothing about who the person is."""

    __tablename__ = "page_votes"

    voter_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(String(300), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
