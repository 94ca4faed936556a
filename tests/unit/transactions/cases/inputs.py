"""Cases for the answers typed in one input: text, numbers, and text in a known shape."""

from tests.unit.transactions.cases.shape import Cases, Refused, Valid, typed

REGISTRATION = {
    "name": {"en": "your vehicle registration number", "cy": "rif cofrestru eich cerbyd"},
    "name_start": {"en": "your vehicle registration number", "cy": "rhif cofrestru eich cerbyd"},
    "max_length": 8,
}
HELP = {"name": {"en": "what would help most", "cy": "beth fyddai'n helpu fwyaf"}, "max_length": 20}
PERMITS = {
    "name": {
        "en": "how many permits you need",
        "cy": "faint o drwyddedau sydd eu hangen arnoch chi",
    },
    "minimum": 1,
    "maximum": 2,
}
PERMITS_START = "Faint o drwyddedau sydd eu hangen arnoch chi: rhaid i'r ateb"
ENGINE = {
    "name": {"en": "your vehicle's engine size", "cy": "faint injan eich cerbyd"},
    "name_start": {"en": "your vehicle's engine size", "cy": "maint injan eich cerbyd"},
    "minimum": 0.5,
    "maximum": 8,
}
EMAIL = {"name": {"en": "your email address", "cy": "eich cyfeiriad e-bost"}}
PHONE = {"name": {"en": "your phone number", "cy": "eich rhif ffôn"}}
PHONE_EN = "Enter a telephone number, like 01632 960 001 or 07700 900 982"
PHONE_CY = "Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982"
POSTCODE = {"name": {"en": "the postcode", "cy": "y cod post"}}
POSTCODE_EN = "Enter a real postcode, like CF99 1AA"
POSTCODE_CY = "Rhowch god post go iawn, fel CF99 1AA"
NI = {"name": {"en": "the National Insurance number", "cy": "y rhif Yswiriant Gwladol"}}
NI_EN = "Enter a National Insurance number in the correct format, like QQ 12 34 56 C"
NI_CY = "Rhowch rif Yswiriant Gwladol yn y fformat cywir, fel QQ 12 34 56 C"
PLATE_EN = "Enter a registration number using only letters and numbers, like CU57 ABC"
PLATE_CY = "Rhowch rif cofrestru gan ddefnyddio llythrennau a rhifau yn unig, fel CU57 ABC"

INPUTS: dict[str, Cases] = {
    "short_text": Cases(
        REGISTRATION,
        valid=[Valid(typed(" CU57 ABC "), "CU57 ABC", ["CU57 ABC"], ["CU57 ABC"])],
        refused=[
            Refused(
                typed(""),
                "Enter your vehicle registration number",
                "Rhowch rif cofrestru eich cerbyd",
            ),
            Refused(
                typed("CU57 ABCD"),
                "Your vehicle registration number must be 8 characters or fewer",
                "Rhif cofrestru eich cerbyd: rhaid i'r ateb fod yn 8 nod neu lai",
            ),
        ],
    ),
    "long_text": Cases(
        HELP,
        valid=[
            Valid(
                typed("  Help getting up.\n"),
                "Help getting up.",
                ["Help getting up."],
                ["Help getting up."],
            )
        ],
        refused=[
            Refused(
                typed("  \n "), "Enter what would help most", "Rhowch beth fyddai'n helpu fwyaf"
            ),
            Refused(
                typed("x" * 21),
                "What would help most must be 20 characters or fewer",
                "Beth fyddai'n helpu fwyaf: rhaid i'r ateb fod yn 20 nod neu lai",
            ),
        ],
        params={"maxlength": 20},
    ),
    "whole_number": Cases(
        PERMITS,
        valid=[Valid(typed(" 2 "), "2", ["2"], ["2"])],
        refused=[
            Refused(
                typed(""),
                "Enter how many permits you need",
                "Rhowch faint o drwyddedau sydd eu hangen arnoch chi",
            ),
            Refused(
                typed("x" * 5001),
                "How many permits you need must be 5000 characters or fewer",
                f"{PERMITS_START} fod yn 5000 nod neu lai",
            ),
            Refused(
                typed("two"),
                "How many permits you need must be a number",
                f"{PERMITS_START} fod yn rhif",
            ),
            Refused(
                typed("1.5"),
                "How many permits you need must be a whole number",
                f"{PERMITS_START} fod yn rhif cyfan",
            ),
            Refused(
                typed("3"),
                "How many permits you need must be between 1 and 2",
                f"{PERMITS_START} fod yn rhif o 1 i 2",
            ),
        ],
        params={"inputmode": "numeric", "spellcheck": False, "classes": "govuk-input--width-5"},
    ),
    "decimal": Cases(
        ENGINE,
        valid=[
            Valid(typed("1.6"), "1.6", ["1.6"], ["1.6"]),
            # The limits are allowed; the answer is kept as typed.
            Valid(typed(" 0.50 "), "0.50", ["0.50"], ["0.50"]),
        ],
        refused=[
            Refused(
                typed(" "), "Enter your vehicle's engine size", "Rhowch faint injan eich cerbyd"
            ),
            Refused(
                typed("Infinity"),
                "Your vehicle's engine size must be a number",
                "Maint injan eich cerbyd: rhaid i'r ateb fod yn rhif",
            ),
            Refused(
                typed("8.01"),
                "Your vehicle's engine size must be between 0.5 and 8",
                "Maint injan eich cerbyd: rhaid i'r ateb fod yn rhif o 0.5 i 8",
            ),
        ],
        params={"inputmode": "decimal", "spellcheck": False, "classes": "govuk-input--width-5"},
    ),
    "email": Cases(
        EMAIL,
        valid=[
            Valid(
                typed(" sam@example.com "),
                "sam@example.com",
                ["sam@example.com"],
                ["sam@example.com"],
            )
        ],
        refused=[
            Refused(typed(""), "Enter your email address", "Rhowch eich cyfeiriad e-bost"),
            Refused(
                typed("sam@" + "x" * 5000 + ".com"),
                "Your email address must be 5000 characters or fewer",
                "Eich cyfeiriad e-bost: rhaid i'r ateb fod yn 5000 nod neu lai",
            ),
            Refused(
                typed("sam@example"),
                "Enter an email address in the correct format, like name@example.com",
                "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com",
            ),
        ],
        params={"type": "email", "autocomplete": "email", "spellcheck": False},
    ),
    "uk_phone": Cases(
        PHONE,
        valid=[
            Valid(typed("07700 900 982"), "07700 900 982", ["07700 900 982"], ["07700 900 982"]),
            Valid(
                typed(" +44 1632 960001 "),
                "+44 1632 960001",
                ["+44 1632 960001"],
                ["+44 1632 960001"],
            ),
        ],
        refused=[
            Refused(typed(""), "Enter your phone number", "Rhowch eich rhif ffôn"),
            Refused(
                typed("0" * 5001),
                "Your phone number must be 5000 characters or fewer",
                "Eich rhif ffôn: rhaid i'r ateb fod yn 5000 nod neu lai",
            ),
            Refused(typed("call me maybe"), PHONE_EN, PHONE_CY),
            Refused(typed("123"), PHONE_EN, PHONE_CY),
            Refused(typed("0770090098212345"), PHONE_EN, PHONE_CY),
        ],
        params={"type": "tel", "autocomplete": "tel", "classes": "govuk-input--width-20"},
    ),
    "uk_postcode": Cases(
        POSTCODE,
        valid=[
            Valid(typed(" cf991aa "), "CF99 1AA", ["CF99 1AA"], ["CF99 1AA"]),
            Valid(typed("gir 0aa"), "GIR 0AA", ["GIR 0AA"], ["GIR 0AA"]),
        ],
        refused=[
            Refused(typed(""), "Enter the postcode", "Rhowch y cod post"),
            Refused(
                typed("C" * 5001),
                "The postcode must be 5000 characters or fewer",
                "Y cod post: rhaid i'r ateb fod yn 5000 nod neu lai",
            ),
            Refused(typed("CF99"), POSTCODE_EN, POSTCODE_CY),
        ],
        params={"autocomplete": "postal-code", "classes": "govuk-input--width-10"},
    ),
    "ni_number": Cases(
        NI,
        valid=[Valid(typed("jh123456c"), "JH 12 34 56 C", ["JH 12 34 56 C"], ["JH 12 34 56 C"])],
        refused=[
            Refused(
                typed(""), "Enter the National Insurance number", "Rhowch y rhif Yswiriant Gwladol"
            ),
            Refused(
                typed("Q" * 5001),
                "The National Insurance number must be 5000 characters or fewer",
                "Y rhif Yswiriant Gwladol: rhaid i'r ateb fod yn 5000 nod neu lai",
            ),
            # Never issued: BG, GB, NK, KN, TN, NT and ZZ prefixes.
            Refused(typed("BG 12 34 56 A"), NI_EN, NI_CY),
        ],
        params={"spellcheck": False, "classes": "govuk-input--width-10"},
    ),
    "vehicle_registration": Cases(
        # No max_length: spaces are the person's own ("CU 57 ABC"), the shape is the limit.
        {k: v for k, v in REGISTRATION.items() if k != "max_length"},
        valid=[
            Valid(typed("cu57abc"), "CU57 ABC", ["CU57 ABC"], ["CU57 ABC"]),
            Valid(typed(" cu 57 a b c "), "CU57 ABC", ["CU57 ABC"], ["CU57 ABC"]),
            Valid(typed("a123  bcd"), "A123 BCD", ["A123 BCD"], ["A123 BCD"]),
            Valid(typed("1 abc"), "1 ABC", ["1 ABC"], ["1 ABC"]),
        ],
        refused=[
            Refused(
                typed(""),
                "Enter your vehicle registration number",
                "Rhowch rif cofrestru eich cerbyd",
            ),
            Refused(typed("CU57 ABCDE"), PLATE_EN, PLATE_CY),
            Refused(typed("CU57-ABC"), PLATE_EN, PLATE_CY),
            Refused(typed("X"), PLATE_EN, PLATE_CY),
        ],
        params={
            "spellcheck": False,
            "autocapitalize": "characters",
            "classes": "govuk-input--width-10",
        },
    ),
}
