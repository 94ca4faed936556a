"""The published performance figures, counted from the database over the published period
(portal.performance.period). Counts only: no figure is about one person, and a count below
the threshold is never shown (it could be).

The four figures UK public services publish, per service:
- digital take-up: transactions done online by the person themselves, of all transactions;
- completion rate: forms sent, of forms started (a journey starts with its first answer);
- user satisfaction: "satisfied" and "very satisfied", of answers to the five-point
  question after sending;
- cost per transaction: each channel's transactions times its cost (from the service's
  content), divided by all transactions.
Plus how many were made in Welsh, with a member of staff's help, and by people who told us
of an access need.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

from sqlalchemy import func, select

from portal.extensions import db
from portal.feedback.models import SatisfactionResponse
from portal.messages.kinds import CHANNELS as MESSAGE_CHANNELS
from portal.messages.kinds import MESSAGE_LANGUAGES
from portal.messages.models import Message
from portal.performance.period import Period, month_of, published_period
from portal.transactions.models import FormStart, Submission

# A figure's number: a count (int) or a rate or an amount (Decimal).
N = TypeVar("N", int, Decimal)


@dataclass(frozen=True)
class Figure(Generic[N]):
    """A count or a rate, or why it is not shown."""

    value: N | None
    # None, "suppressed" (a count too small to publish) or "no_data".
    withheld: str | None = None

    @property
    def shown(self) -> bool:
        return self.withheld is None


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: Figure[int]


@dataclass(frozen=True)
class ServiceFigures:
    service: str
    period: Period
    transactions: Figure[int]
    digital_take_up: Figure[Decimal]  # per cent
    completion_rate: Figure[Decimal]  # per cent
    satisfaction: Figure[Decimal]  # per cent
    satisfaction_responses: Figure[int]
    cost_per_transaction: Figure[Decimal]  # pounds
    in_welsh: Figure[int]
    assisted: Figure[int]
    with_access_needs: Figure[int]
    monthly: tuple[MonthCount, ...]
    # How the people who got a confirmation chose to hear from us: (channel, count) and
    # (language, count), each count published under the same small-number rule.
    messages_by_channel: tuple[tuple[str, Figure[int]], ...] = ()
    messages_by_language: tuple[tuple[str, Figure[int]], ...] = ()


def count(value: int, minimum: int) -> Figure[int]:
    """A count as published: 1 to minimum - 1 are suppressed; 0 is not disclosive."""
    if 0 < value < minimum:
        return Figure(None, "suppressed")
    return Figure(value)


def rate(part: int, whole: int, minimum: int) -> Figure[Decimal]:
    """A percentage to one decimal place, withheld when either count is too small."""
    if whole == 0:
        return Figure(None, "no_data")
    if whole < minimum or 0 < part < minimum or 0 < whole - part < minimum:
        # A rate from small counts (or one that gives away a small remainder) is withheld.
        return Figure(None, "suppressed")
    return Figure((Decimal(part) * 100 / whole).quantize(Decimal("0.1"), ROUND_HALF_UP))


def service_figures(
    service: str, costs: dict[str, Decimal], minimum: int, period: Period | None = None
) -> ServiceFigures:
    """Every published figure for one service, over `period` (the published one if none)."""
    period = period or published_period()

    submissions = db.session.execute(
        select(Submission.channel, Submission.language, Submission.needs, Submission.created_at)
        .where(Submission.service == service)
        .where(Submission.created_at >= period.starts_at)
        .where(Submission.created_at < period.ends_before)
    ).all()
    started = db.session.execute(
        select(func.count())
        .select_from(FormStart)
        .where(FormStart.service == service)
        .where(FormStart.started_at >= period.starts_at)
        .where(FormStart.started_at < period.ends_before)
    ).scalar_one()
    ratings = db.session.scalars(
        select(SatisfactionResponse.rating)
        .where(SatisfactionResponse.service == service)
        .where(SatisfactionResponse.created_at >= period.starts_at)
        .where(SatisfactionResponse.created_at < period.ends_before)
    ).all()

    total = len(submissions)
    online = sum(1 for row in submissions if row.channel == "online")
    by_channel: dict[str, int] = {}
    for row in submissions:
        by_channel[row.channel] = by_channel.get(row.channel, 0) + 1
    per_month: dict[date, int] = {}
    for row in submissions:
        key = month_of(row.created_at)
        per_month[key] = per_month.get(key, 0) + 1

    return ServiceFigures(
        service=service,
        period=period,
        transactions=count(total, minimum),
        digital_take_up=rate(online, total, minimum),
        # Forms sent may outnumber the journeys started in the period (started just
        # before it): the rate never goes above 100%.
        completion_rate=rate(min(total, started), started, minimum),
        satisfaction=rate(sum(1 for r in ratings if r >= 4), len(ratings), minimum),
        satisfaction_responses=count(len(ratings), minimum),
        cost_per_transaction=_cost(by_channel, total, costs, minimum),
        in_welsh=count(sum(1 for row in submissions if row.language == "cy"), minimum),
        assisted=count(sum(1 for row in submissions if row.channel == "assisted"), minimum),
        with_access_needs=count(
            sum(1 for row in submissions if _access_needs(row.needs or {})), minimum
        ),
        monthly=tuple(
            MonthCount(month, count(per_month.get(month, 0), minimum)) for month in period.months
        ),
        **_messages(service, period, minimum),
    )


def _messages(service: str, period: Period, minimum: int) -> dict:
    """One confirmation per person (a form sent, a call back asked for), by the channel and
    the language it went in."""
    sent = db.session.execute(
        select(Message.channel, Message.language)
        .where(Message.service == service, Message.kind.in_(CONFIRMATIONS))
        .where(Message.created_at >= period.starts_at)
        .where(Message.created_at < period.ends_before)
    ).all()
    return {
        "messages_by_channel": tuple(
            (channel, count(sum(1 for row in sent if row.channel == channel), minimum))
            for channel in MESSAGE_CHANNELS
        ),
        "messages_by_language": tuple(
            (language, count(sum(1 for row in sent if row.language == language), minimum))
            for language in MESSAGE_LANGUAGES
        ),
    }


CONFIRMATIONS = ("form-sent", "callback-received")


def _access_needs(needs: dict) -> bool:
    # Submissions from before "access_needs" was recorded show it in their other answers.
    return bool(
        needs.get("access_needs")
        or needs.get("easy_read")
        or needs.get("bsl")
        or needs.get("someone_helps")
    )


def _cost(by_channel: dict[str, int], total: int, costs: dict, minimum: int) -> Figure[Decimal]:
    if total == 0:
        return Figure(None, "no_data")
    if total < minimum:
        return Figure(None, "suppressed")
    if any(channel not in costs for channel in by_channel):
        # A channel without a published cost: an average without it would mislead.
        return Figure(None, "no_data")
    spent = sum(costs[channel] * number for channel, number in by_channel.items())
    return Figure((Decimal(spent) / total).quantize(Decimal("0.01"), ROUND_HALF_UP))
