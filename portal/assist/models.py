"""What the staff side keeps: staff accounts, their server-side sessions, sign-in
throttling, assisted sessions and the append-only audit log."""

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import now
from portal.extensions import Model


def aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every time we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class StaffMember(Model):
    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    # A department slug from the taxonomy; None only for admins who span all departments.
    department: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    # Base32 TOTP secret once the person has set up a second factor.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # The last time step a code was accepted for: a code works once.
    totp_last_step: Mapped[int | None]
    # The secret shown while the person sets up their app, until a code from it confirms.
    totp_pending_secret: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class StaffSession(Model):
    """A signed-in browser. The cookie holds a random token; only its hash is here, so
    signing out (or an admin) ends the session for real, on every server."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    staff: Mapped[StaffMember] = relationship(lazy="joined")


class TwoFactorRequirement(Model):
    """Whether a role must use a second factor, as an administrator last set it."""

    __tablename__ = "two_factor_requirements"

    role: Mapped[str] = mapped_column(String(20), primary_key=True)
    required: Mapped[bool] = mapped_column(default=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))


class SignInThrottle(Model):
    """Failed sign-ins by email address, whether or not an account has it, so the
    answer never tells anyone which addresses have accounts."""

    __tablename__ = "sign_in_throttles"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The latest failure, so a purge can tell an old row (None: from before it was kept).
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)


class AssistedSession(Model):
    """A staff member helping one person, with the person's consent."""

    __tablename__ = "assisted_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"), index=True)
    staff_session_id: Mapped[int] = mapped_column(ForeignKey("staff_sessions.id"), index=True)
    # How help is given: in_person, phone, video or webchat.
    channel: Mapped[str] = mapped_column(String(20))
    consent_given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The person's declared needs while the session lasts (never in their browser).
    needs: Mapped[dict] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    staff: Mapped[StaffMember] = relationship(lazy="joined")


class AuditEvent(Model):
    """One staff action: who, what, when (UTC) and from where. Rows are only ever added."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), index=True)
    # As typed, for failed sign-ins with no account behind them.
    email: Mapped[str | None] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(45))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    staff: Mapped[StaffMember | None] = relationship(lazy="joined")


class AuditLogIsAppendOnly(RuntimeError):
    pass


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_change(_mapper, _connection, target: AuditEvent) -> None:
    raise AuditLogIsAppendOnly(f"audit event {target.id} cannot be changed or deleted")
