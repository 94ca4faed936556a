"""The schema of a place in content/places/<slug>.yaml, and the vocabularies it uses.

A place's own words (name, address, opening hours, notes) are written in English and Welsh
side by side in its file. The names of the kinds of place, the kinds of help and the
accessibility facilities are the same for every place, so they live here, in English,
Welsh and Arabic (for the Arabic interface), and a file names them by key.
docs/content-guide.md documents the fields as a table; keep the two in step.
"""

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, field_validator

from portal.publishing.schema import LocalisedText, Text, _Strict

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def _names(entries: dict[str, tuple[str, str, str]]) -> dict[str, LocalisedText]:
    return {key: LocalisedText(en=en, cy=cy, ar=ar) for key, (en, cy, ar) in entries.items()}


KINDS = _names(
    {
        "library": ("Library", "Llyfrgell", "مكتبة"),
        "community-centre": ("Community centre", "Canolfan gymunedol", "مركز مجتمعي"),
        "council-office": ("Council office", "Swyddfa'r cyngor", "مكتب المجلس"),
        "digital-cafe": ("Digital café", "Caffi digidol", "مقهى رقمي"),
    }
)

HELP = _names(
    {
        "free-computers": ("Free computers", "Cyfrifiaduron am ddim", "أجهزة كمبيوتر مجانية"),
        "free-wifi": ("Free wifi", "Wifi am ddim", "واي فاي مجاني"),
        "help-getting-online": (
            "Help to get online",
            "Help i fynd ar-lein",
            "المساعدة في استخدام الإنترنت",
        ),
        "help-with-council-services": (
            "Help with council services",
            "Help gyda gwasanaethau'r cyngor",
            "المساعدة في خدمات المجلس",
        ),
        "digital-skills-classes": (
            "Classes in computer and online skills",
            "Dosbarthiadau sgiliau cyfrifiadur ac ar-lein",
            "دروس في مهارات الكمبيوتر والإنترنت",
        ),
        "printing-and-scanning": (
            "Printing and scanning",
            "Argraffu a sganio",
            "الطباعة والمسح الضوئي",
        ),
        "device-loans": (
            "Laptops and tablets to borrow",
            "Gliniaduron a thabledi i'w benthyg",
            "أجهزة كمبيوتر محمولة وأجهزة لوحية للاستعارة",
        ),
    }
)

ACCESSIBILITY = _names(
    {
        "step-free-access": ("Step-free access", "Mynediad heb risiau", "مدخل بدون درجات"),
        "accessible-toilet": ("Accessible toilet", "Toiled hygyrch", "مرحاض مهيأ لذوي الإعاقة"),
        "hearing-loop": ("Hearing loop", "Dolen sain", "حلقة سمعية لضعاف السمع"),
        "blue-badge-parking": (
            "Blue Badge parking",
            "Parcio i ddeiliaid Bathodyn Glas",
            "مواقف سيارات لحاملي الشارة الزرقاء",
        ),
        "large-screen-computers": (
            "Computers with large screens",
            "Cyfrifiaduron â sgriniau mawr",
            "أجهزة كمبيوتر بشاشات كبيرة",
        ),
        "screen-reader-software": (
            "Screen reader software",
            "Meddalwedd darllen sgrin",
            "برامج قراءة الشاشة",
        ),
        "quiet-space": ("A quiet space", "Lle tawel", "مكان هادئ"),
    }
)


def _one_of(vocabulary: dict[str, LocalisedText], what: str):
    def check(key: str) -> str:
        if key not in vocabulary:
            raise ValueError(f"unknown {what}; expected one of: {', '.join(vocabulary)}")
        return key

    return AfterValidator(check)


def _each_once(vocabulary: dict[str, LocalisedText]):
    """Keys listed once each, put in the vocabulary's order, so every place's page lists
    the same things in the same order and places are easy to compare."""

    def check(keys: list[str]) -> list[str]:
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed more than once")
        return sorted(keys, key=list(vocabulary).index)

    return AfterValidator(check)


HelpKey = Annotated[str, _one_of(HELP, "kind of help")]
AccessibilityKey = Annotated[str, _one_of(ACCESSIBILITY, "accessibility facility")]
KindKey = Annotated[str, _one_of(KINDS, "kind of place")]

# A full UK postcode as it is written: capitals, one space. The inward code's letters
# never include C, I, K, M, O or V.
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$")
PHONE = re.compile(r"^0[0-9]{2,4}( [0-9]{3,4}){1,2}$")


class OpeningHours(_Strict):
    """One row of a place's opening hours: "Monday to Friday", "9am to 5pm"."""

    days: LocalisedText
    hours: LocalisedText


class Place(_Strict):
    """A place that helps people get online. `slug` is the file's name, not a field in it."""

    slug: Slug
    name: LocalisedText
    kind: KindKey
    # Address lines before the town: a line is text, the same in both languages ("Heol y
    # Castell"), or {en, cy} where the two differ ("Market Square" / "Sgwâr y Farchnad").
    address: Annotated[list[Text | LocalisedText], Field(min_length=1)]
    town: LocalisedText
    postcode: Text
    phone: Text
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    opening_hours: Annotated[list[OpeningHours], Field(min_length=1)]
    help: Annotated[list[HelpKey], Field(min_length=1), _each_once(HELP)]
    accessibility: Annotated[
        list[AccessibilityKey], _each_once(ACCESSIBILITY), Field(default_factory=list)
    ]
    # Whether someone there can help in Welsh.
    welsh_speakers: StrictBool
    notes: LocalisedText | None = None

    @field_validator("postcode")
    @classmethod
    def full_postcode(cls, value: str) -> str:
        if not POSTCODE.match(value):
            raise ValueError("write a full postcode in capitals with one space, like CF99 1AA")
        return value

    @field_validator("phone")
    @classmethod
    def uk_phone_number(cls, value: str) -> str:
        digits = value.replace(" ", "")
        if not PHONE.match(value) or len(digits) != 11:
            raise ValueError("write an 11-digit phone number in groups, like 029 2018 0911")
        return value

    @property
    def district(self) -> str:
        """The postcode's outward code: "CF99" of "CF99 1AA"."""
        return self.postcode.split(" ")[0]

    @property
    def sector(self) -> str:
        """The postcode's district and sector: "CF99 1" of "CF99 1AA"."""
        return self.postcode[:-2]

    def address_lines(self, language: str) -> list[str]:
        """The address lines before the town, in `language` (English where it has none)."""
        return [line if isinstance(line, str) else line.get(language) for line in self.address]
