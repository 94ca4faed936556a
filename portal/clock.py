"""The one clock the portal reads. Every "now" and "today" comes from here, so that tests
can freeze time in one place (time-machine moves what this module reads) and no figure,
expiry or review date depends on which day the code happens to run.

Moments are kept in UTC. Dates people see (a review date, "today") are in UK time, which
is where the council and its readers are: at 00:30 on 1 June in summer it is already
June here, although UTC still says May.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def now() -> datetime:
    """This moment, timezone-aware, in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in the UK."""
    return now().astimezone(UK).date()
