"""The three sample forms, and a good answer to every question of each, in order: shared by
the integration, browser and system tiers."""

from collections.abc import Iterator, Mapping
from datetime import timedelta

from portal.clock import today


class DaysFromToday(Mapping):
    """A date answer `days` from today, by the portal's clock when it is sent: the forms
    accept only dates that make sense on the day (a collection in the last 2 working days,
    a permit from 5 working days ahead), so a fixed date would pass or fail by the day the
    tests run. Works wherever answers are posted or typed as {"answer": [day, month, year]}."""

    def __init__(self, days: int) -> None:
        self.days = days

    def day(self):
        return today() + timedelta(days=self.days)

    @property
    def stored(self) -> str:
        """How the portal keeps the answer: "3 11 2026"."""
        return " ".join(self["answer"])

    def __getitem__(self, key: str) -> list[str]:
        if key != "answer":
            raise KeyError(key)
        day = self.day()
        return [str(day.day), str(day.month), str(day.year)]

    def __iter__(self) -> Iterator[str]:
        return iter(["answer"])

    def __len__(self) -> int:
        return 1


BINS = "/forms/report-a-missed-bin-collection"
PARKING = "/forms/apply-for-a-resident-parking-permit"
CARE = "/forms/ask-for-a-care-needs-assessment"

BIN_ANSWERS = [
    ("bin-type", {"answer": "recycling"}),
    ("put-out", {"answer": "yes"}),
    (
        "address",
        {
            "answer-line_1": "12 Heol y Bryn",
            "answer-line_2": "",
            "answer-town": "Glanmor",
            "answer-postcode": "cf99 1ab",
        },
    ),
    # Today: within "2 working days ago to today" on any day, even if midnight passes.
    ("collection-date", DaysFromToday(0)),
    ("more-details", {"answer": "The lorry passed at 6am."}),
    ("email", {"answer": "sam@example.com"}),
]
CARE_ANSWERS = [
    ("who", {"answer": ["me", "someone-i-care-for"]}),
    ("full-name", {"answer": "Sam Jones"}),
    ("date-of-birth", {"answer": ["27", "3", "1950"]}),
    ("phone", {"answer": "07700 900 982"}),
    ("best-time", {"answer": "none"}),
    ("call-language", {"answer": "welsh"}),
    ("postcode", {"answer": "CF99 1AA"}),
    ("ni-number", {"answer": "jh 12 34 56 c"}),
    ("about", {"answer": "Help getting washed and dressed."}),
]
PARKING_ANSWERS = [
    ("in-zone", {"answer": "yes"}),
    ("full-name", {"answer": "Alex Price"}),
    (
        "address",
        {
            "answer-line_1": "4 Stryd y Farchnad",
            "answer-town": "Glanmor",
            "answer-postcode": "CF99 2BD",
        },
    ),
    ("registration", {"answer": "CU57 ABC"}),
    ("engine-size", {"answer": "1.6"}),
    ("permits", {"answer": "2"}),
    # A month ahead: always after the 5 working days checks take, and within 3 months.
    ("start-date", DaysFromToday(30)),
    ("email", {"answer": "alex@example.com"}),
    ("phone", {"answer": ""}),
]
