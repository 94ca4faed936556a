"""The three sample forms, and a good answer to every question of each, in order: shared by
the integration, browser and system tiers."""

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
    ("collection-date", {"answer": ["3", "11", "2026"]}),
    ("more-details", {"answer": "The lorry passed at 6am."}),
    ("email", {"answer": "sam@example.com"}),
]
CARE_ANSWERS = [
    ("who", {"answer": ["me", "someone-i-care-for"]}),
    ("full-name", {"answer": "Sam Jones"}),
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
    ("start-date", {"answer": ["1", "12", "2026"]}),
    ("email", {"answer": "alex@example.com"}),
    ("phone", {"answer": ""}),
]
