"""Delivering the outbox: claim due messages, send each once, record what happened.

Why the outbox table itself, not a queue library: the message must be written in the same
transaction as the submission it confirms, on SQLite under `make run` and on PostgreSQL
in production. A library queue in Redis cannot join that transaction; the PostgreSQL-only
ones cannot run on the embedded default. A claim here is one conditional UPDATE (the
status, and the lease it had, must still be what this worker saw), which both engines
make atomic: of several workers on several servers, exactly one wins each message.

Exactly once: a worker holds a message under a lease. One that dies mid-send leaves it
"sending" with a lease that runs out; the next worker to claim it first asks the provider
whether it already took a message with this reference (Notify can say; SMTP cannot, and
resends with the same Message-ID). So does a worker trying again after a try that ended
without the provider's answer (a timeout): the provider may have taken it. Each message's
lease starts again just before it goes, and is longer than any provider call may take,
so a slow worker is never taken for a dead one.
"""

import random
import signal
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, or_, select, update

from portal.clock import now
from portal.extensions import db, rows_changed
from portal.messages.models import Message
from portal.messages.providers import Provider, Rejected, Retry, configured_provider

# Codes that open something: kept only until the message is sent.
SECRET_VALUES = ("return_code", "needs_code")


@dataclass(frozen=True)
class Claim:
    message_id: int
    lease_until: datetime
    # The provider may have taken it already: it was "sending" under a lease that ran out
    # (a worker died, maybe after the provider took it), or an earlier try ended without
    # the provider's answer (a timeout, a dropped connection).
    in_doubt: bool


def _due(moment: datetime):
    return or_(
        and_(Message.status == "queued", Message.due_at <= moment),
        and_(Message.status == "sending", Message.lease_until < moment),
    )


def claim(limit: int) -> list[Claim]:
    """Up to `limit` due messages, each claimed by this worker alone; committed."""
    moment = now()
    lease_until = moment + timedelta(seconds=current_app.config["MESSAGES_LEASE_SECONDS"])
    seen = db.session.execute(
        select(Message.id, Message.status, Message.lease_until, Message.attempts)
        .where(_due(moment))
        .order_by(Message.due_at, Message.id)
        .limit(limit)
    ).all()
    db.session.rollback()  # end the read before the writes: SQLite allows one writer
    claims = []
    for message_id, status, held_until, attempts in seen:
        won = rows_changed(
            update(Message)
            .where(Message.id == message_id, Message.status == status)
            .where(
                Message.lease_until.is_(None)
                if held_until is None
                else Message.lease_until == held_until
            )
            .values(status="sending", lease_until=lease_until, attempts=Message.attempts + 1)
        )
        db.session.commit()
        if won:
            in_doubt = status == "sending" or attempts > 0
            claims.append(Claim(message_id, lease_until, in_doubt=in_doubt))
    return claims


def _renewed(claimed: Claim) -> Claim | None:
    """The claim with a whole lease from now, taken just before its message goes to the
    provider: a batch is claimed at once, and its last message may come after the batch's
    lease ran out. None if this worker no longer holds it (another took it meanwhile)."""
    lease_until = now() + timedelta(seconds=current_app.config["MESSAGES_LEASE_SECONDS"])
    won = rows_changed(
        update(Message)
        .where(
            Message.id == claimed.message_id,
            Message.status == "sending",
            Message.lease_until == claimed.lease_until,
        )
        .values(lease_until=lease_until)
    )
    db.session.commit()
    return replace(claimed, lease_until=lease_until) if won else None


def deliver(claimed: Claim, provider: Provider) -> str:
    """Send one claimed message; returns what became of it."""
    renewed = _renewed(claimed)
    if renewed is None:
        # Its lease ran out while the batch's earlier messages went, and another worker
        # took it over: that one sends it.
        return "lost"
    claimed = renewed
    message = db.session.get(Message, claimed.message_id)
    if message is None:
        return "gone"
    try:
        if claimed.in_doubt and (taken := provider.already_sent(message)) is not None:
            return _record_sent(message, claimed, taken)
        rendered = (
            current_app.extensions["content"]
            .messages[message.kind]
            .render(message.channel, message.language, message.values)
        )
        return _record_sent(message, claimed, provider.send(message, rendered, _stop_url(message)))
    except Retry as problem:
        return _record_problem(message, claimed, str(problem), permanent=False)
    except (Rejected, KeyError) as problem:
        # KeyError: the template needs a value this message was not given (the template
        # changed after it was queued). Staff see why, and can send it again once fixed.
        reason = str(problem) if isinstance(problem, Rejected) else f"no value for {problem}"
        return _record_problem(message, claimed, reason, permanent=True)


def _stop_url(message: Message) -> str | None:
    return message.values.get("stop_link") if message.channel == "email" else None


def _held(message: Message, claimed: Claim):
    """Only while this worker still holds the lease it claimed with."""
    return and_(
        Message.id == message.id,
        Message.status == "sending",
        Message.lease_until == claimed.lease_until,
    )


def _record_sent(message: Message, claimed: Claim, provider_id: str) -> str:
    values = {k: ("" if k in SECRET_VALUES else v) for k, v in message.values.items()}
    rows_changed(
        update(Message)
        .where(_held(message, claimed))
        .values(
            status="sent",
            provider_id=provider_id[:64],
            sent_at=now(),
            lease_until=None,
            values=values,
            last_error=None,
        )
    )
    db.session.commit()
    return "sent"


def _record_problem(message: Message, claimed: Claim, reason: str, permanent: bool) -> str:
    config = current_app.config
    out_of_tries = message.attempts >= config["MESSAGES_MOST_ATTEMPTS"]
    if permanent or out_of_tries:
        changes: dict = {"status": "failed", "lease_until": None, "last_error": reason}
    else:
        wait = min(
            config["MESSAGES_RETRY_SECONDS"] * 2 ** (message.attempts - 1),
            config["MESSAGES_LONGEST_WAIT_SECONDS"],
        )
        # A little randomness, so that messages refused together are not retried together.
        wait *= random.uniform(0.8, 1.2)
        changes = {
            "status": "queued",
            "lease_until": None,
            "due_at": now() + timedelta(seconds=wait),
            "last_error": reason,
        }
    rows_changed(update(Message).where(_held(message, claimed)).values(**changes))
    db.session.commit()
    return changes["status"]


def retry(message_id: int) -> bool:
    """Staff: send a failed message again, now; committed. False if it had not failed."""
    changed = rows_changed(
        update(Message)
        .where(Message.id == message_id, Message.status == "failed")
        .values(status="queued", due_at=now(), attempts=0)
    )
    db.session.commit()
    return bool(changed)


class Worker:
    """`flask messages work`: runs until stopped. SIGTERM or Ctrl-C lets the message in
    hand finish first; SIGKILL does not, and the lease covers that."""

    def __init__(self, batch: int = 10, poll_seconds: float = 1.0):
        self.batch, self.poll_seconds = batch, poll_seconds
        self.stopping = False
        self.provider = configured_provider()

    def stop(self, *_args) -> None:
        self.stopping = True

    def run(self, until_idle: bool = False) -> dict[str, int]:
        signal.signal(signal.SIGTERM, self.stop)
        outcomes: dict[str, int] = {}
        while not self.stopping:
            claims = claim(self.batch)
            for claimed in claims:
                outcome = deliver(claimed, self.provider)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if not claims:
                if until_idle and not _waiting():
                    break
                time.sleep(self.poll_seconds)
        return outcomes


def _waiting() -> bool:
    """Whether any message could still become due (queued, or held by a worker)."""
    return (
        db.session.scalar(
            select(Message.id).where(Message.status.in_(("queued", "sending"))).limit(1)
        )
        is not None
    )
