"""The moment tests freeze the portal's clock at, unless a test names another."""

from datetime import UTC, datetime

# An ordinary weekday in the middle of a month, well away from any boundary: tests that
# care about boundaries travel to them on purpose.
FROZEN_AT = datetime(2026, 11, 27, 12, tzinfo=UTC)
