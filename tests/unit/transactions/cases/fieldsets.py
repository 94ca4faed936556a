"""Cases for the answers asked in a fieldset: a date, an address, and choices."""

from tests.unit.transactions.cases.inputs import POSTCODE_CY, POSTCODE_EN
from tests.unit.transactions.cases.shape import Cases, Refused, Valid, address, typed

START = {
    "name": {
        "en": "the date you want your permit to start",
        "cy": "y dyddiad yr hoffech chi i'ch trwydded ddechrau",
    }
}
START_EN = "The date you want your permit to start must"
START_CY = "Y dyddiad yr hoffech chi i'ch trwydded ddechrau: rhaid i'r ateb"
ADDRESS = {"name": {"en": "your address", "cy": "eich cyfeiriad"}}
KERB = {
    "name": {
        "en": "whether your bin was at the kerb by 7am",
        "cy": "a oedd eich bin ar ymyl y palmant erbyn 7am",
    }
}
BEST_TIME = {
    "name": {"en": "the best time to call", "cy": "yr amser gorau i ffonio"},
    "options": [
        {"value": "morning", "label": {"en": "Morning", "cy": "Yn y bore"}},
        {"value": "afternoon", "label": {"en": "Afternoon", "cy": "Yn y prynhawn"}},
    ],
    "none_of_these": {"en": "Any time", "cy": "Unrhyw bryd"},
}
WHO = {
    "name": {"en": "who needs support", "cy": "pwy sydd angen cymorth"},
    "options": [
        {"value": "me", "label": {"en": "Me", "cy": "Fi"}},
        {
            "value": "family-or-friend",
            "label": {"en": "A family member or friend", "cy": "Aelod o'r teulu neu ffrind"},
        },
    ],
    "none_of_these": {"en": "Someone else", "cy": "Rhywun arall"},
}

FIELDSETS: dict[str, Cases] = {
    "date": Cases(
        START,
        valid=[
            Valid(typed(["1", "12", "2026"]), "1 12 2026", ["1 December 2026"], ["1 Rhagfyr 2026"]),
            Valid(typed([" 03", "04 ", "2028"]), "3 4 2028", ["3 April 2028"], ["3 Ebrill 2028"]),
            Valid(
                typed(["29", "2", "2028"]), "29 2 2028", ["29 February 2028"], ["29 Chwefror 2028"]
            ),
        ],
        refused=[
            Refused(
                typed(["", "", ""]),
                "Enter the date you want your permit to start",
                "Rhowch y dyddiad yr hoffech chi i'ch trwydded ddechrau",
            ),
            Refused(
                typed(["", "12", "2026"]),
                f"{START_EN} include a day",
                f"{START_CY} gynnwys diwrnod",
            ),
            Refused(
                typed(["1", "", "2026"]), f"{START_EN} include a month", f"{START_CY} gynnwys mis"
            ),
            Refused(
                typed(["1", "12", ""]), f"{START_EN} include a year", f"{START_CY} gynnwys blwyddyn"
            ),
            Refused(
                typed(["29", "2", "2026"]),
                f"{START_EN} be a real date",
                f"{START_CY} fod yn ddyddiad go iawn",
            ),
            Refused(
                typed(["1", "12", "26"]),
                f"{START_EN} be a real date",
                f"{START_CY} fod yn ddyddiad go iawn",
            ),
        ],
    ),
    "uk_address": Cases(
        ADDRESS,
        valid=[
            Valid(
                address(" 12 Heol y Bryn ", "", "Glanmor ", "cf99 1ab"),
                {
                    "line_1": "12 Heol y Bryn",
                    "line_2": "",
                    "town": "Glanmor",
                    "postcode": "CF99 1AB",
                },
                ["12 Heol y Bryn", "Glanmor", "CF99 1AB"],
                ["12 Heol y Bryn", "Glanmor", "CF99 1AB"],
            )
        ],
        refused=[
            Refused(address(), "Enter your address", "Rhowch eich cyfeiriad"),
            Refused(
                address("x" * 2500, "x" * 2500, "Glanmor", "CF99 1AB"),
                "Your address is too long",
                "Eich cyfeiriad: mae'r ateb yn rhy hir",
            ),
            Refused(
                address("", "Flat 2", "Glanmor", "CF99 1AB"),
                "Enter the building and street",
                "Rhowch yr adeilad a'r stryd",
            ),
            Refused(
                address("12 Heol y Bryn", "", "", "CF99 1AB"),
                "Enter the town or city",
                "Rhowch y dref neu'r ddinas",
            ),
            Refused(address("12 Heol y Bryn", "", "Glanmor", ""), POSTCODE_EN, POSTCODE_CY),
        ],
    ),
    "yes_no": Cases(
        KERB,
        valid=[
            Valid(typed("yes"), "yes", ["Yes"], ["Oes"]),
            Valid(typed("no"), "no", ["No"], ["Nac oes"]),
        ],
        refused=[
            Refused(
                typed(""),
                "Select whether your bin was at the kerb by 7am",
                "Dewiswch a oedd eich bin ar ymyl y palmant erbyn 7am",
            ),
            # Not one of the choices: only a changed request sends it.
            Refused(
                typed("maybe"),
                "Select whether your bin was at the kerb by 7am",
                "Dewiswch a oedd eich bin ar ymyl y palmant erbyn 7am",
            ),
        ],
        params={"classes": "govuk-radios--inline"},
    ),
    "radios": Cases(
        BEST_TIME,
        valid=[
            Valid(typed("morning"), "morning", ["Morning"], ["Yn y bore"]),
            Valid(typed("none"), "none", ["Any time"], ["Unrhyw bryd"]),
        ],
        refused=[
            Refused({}, "Select the best time to call", "Dewiswch yr amser gorau i ffonio"),
            Refused(
                typed("midnight"),
                "Select the best time to call",
                "Dewiswch yr amser gorau i ffonio",
            ),
        ],
        params={"items": [{}, {}, {}]},
    ),
    "checkboxes": Cases(
        WHO,
        valid=[
            Valid(
                typed(["me", "family-or-friend"]),
                ["me", "family-or-friend"],
                ["Me", "A family member or friend"],
                ["Fi", "Aelod o'r teulu neu ffrind"],
            ),
            Valid(typed(["none"]), ["none"], ["Someone else"], ["Rhywun arall"]),
        ],
        refused=[
            Refused({}, "Select who needs support", "Dewiswch pwy sydd angen cymorth"),
            Refused(
                typed(["me", "nobody"]),
                "Select who needs support",
                "Dewiswch pwy sydd angen cymorth",
            ),
            Refused(
                typed(["me", "none"]),
                "Select who needs support, or select ‘Someone else’",  # noqa: RUF001
                "Dewiswch pwy sydd angen cymorth, neu ddewiswch ‘Rhywun arall’",  # noqa: RUF001
            ),
        ],
        params={"items": [{}, {}, {"behaviour": "exclusive"}]},
    ),
}
