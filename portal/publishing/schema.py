"""The front matter schema: one source of truth for the loader, the checks and the guide.

docs/content-guide.md documents these fields as a table; keep the two in step.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    # Unknown fields are errors: a misspelt `reveiw_by` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class OnlineChannel(_Strict):
    url: Text
    label: Text | None = None


class PhoneChannel(_Strict):
    number: Text
    hours: Text
    notes: Text | None = None


class RelayUkChannel(_Strict):
    number: Annotated[str, Field(pattern=r"^18001 ")]
    hours: Text


class BslVideoChannel(_Strict):
    url: Text
    hours: Text


class EmailChannel(_Strict):
    address: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    response_time: Text | None = None


class TextMessageChannel(_Strict):
    number: Text
    notes: Text | None = None


class PostChannel(_Strict):
    address: Annotated[list[Text], Field(min_length=2)]


class InPersonChannel(_Strict):
    address: Annotated[list[Text], Field(min_length=2)]
    hours: Text
    notes: Text | None = None


class Channels(_Strict):
    """The ways a service can be used. The field order is the default order shown."""

    online: OnlineChannel | None = None
    phone: PhoneChannel | None = None
    relay_uk: RelayUkChannel | None = None
    bsl_video: BslVideoChannel | None = None
    email: EmailChannel | None = None
    text_message: TextMessageChannel | None = None
    post: PostChannel | None = None
    in_person: InPersonChannel | None = None

    @model_validator(mode="after")
    def at_least_one(self) -> "Channels":
        if not self.offered():
            raise ValueError("give at least one way to use the service")
        return self

    def offered(self) -> list[tuple[str, BaseModel]]:
        """(channel key, details) for each channel the service offers, in default order."""
        return [
            (name, getattr(self, name))
            for name in type(self).model_fields
            if getattr(self, name) is not None
        ]


class PageMeta(_Strict):
    """Front matter every page has."""

    title: Text
    summary: Text
    owner: Text
    last_reviewed: date
    review_by: date
    # A draft is served only by the preview (`make preview`), never to citizens.
    draft: bool = False
    # On a translation: the hash of the English file it was translated from
    # (`flask content mark-translated`), so `flask content check` can say when it is stale.
    source_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")] | None = None

    @model_validator(mode="after")
    def review_after_last_review(self) -> "PageMeta":
        if self.review_by <= self.last_reviewed:
            raise ValueError("review_by must be a date after last_reviewed")
        return self


class GuideMeta(PageMeta):
    """A guide: owned by a department and listed under topics from the taxonomy."""

    department: Text
    topics: Annotated[list[Text], Field(min_length=1)]

    @field_validator("department")
    @classmethod
    def known_department(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("departments", ())
        if value not in known:
            raise ValueError(f"unknown department; expected one of: {', '.join(known)}")
        return value

    @field_validator("topics")
    @classmethod
    def known_topics(cls, value: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("topics", ())
        unknown = [topic for topic in value if topic not in known]
        if unknown:
            raise ValueError(
                f"unknown topic {', '.join(unknown)}; expected some of: {', '.join(known)}"
            )
        return value

    # Life events ("moving home", "someone has died") from the taxonomy: another way in.
    life_events: list[Text] = []

    @field_validator("life_events")
    @classmethod
    def known_life_events(cls, value: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("life_events", ())
        unknown = [event for event in value if event not in known]
        if unknown:
            raise ValueError(
                f"unknown life event {', '.join(unknown)}; expected some of: {', '.join(known)}"
            )
        return value


class ServiceMeta(GuideMeta):
    """A service: a guide's fields plus the channels people can use it through."""

    channels: Channels
    # What one transaction costs us through each channel, in pounds, for the published
    # cost per transaction (/performance). "assisted" is a form sent with a staff
    # member's help (an assisted session), whatever way they were helping.
    cost_per_transaction: dict[str, Annotated[Decimal, Field(ge=0, decimal_places=2)]] = {}

    @field_validator("cost_per_transaction")
    @classmethod
    def known_channels(cls, value: dict) -> dict:
        known = (*Channels.model_fields, "assisted")
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(
                f"unknown channel {', '.join(unknown)}; expected some of: {', '.join(known)}"
            )
        return value


class Step(_Strict):
    """One step of a step-by-step: what to do, and the pages that help do it."""

    title: Text
    # "and": this step is done alongside the one before; "or": instead of it.
    logic: Literal["and", "or"] | None = None
    text: Text | None = None
    # Pages in content/, written as `services/<slug>` or `guides/<slug>`.
    links: list[Annotated[str, Field(pattern=r"^(services|guides)/[a-z0-9-]+$")]] = []


class StepByStepMeta(PageMeta):
    """A step-by-step: the services and guides of one larger task, in order."""

    steps: Annotated[list[Step], Field(min_length=2)]

    @model_validator(mode="after")
    def first_step_is_a_step(self) -> "StepByStepMeta":
        if self.steps[0].logic is not None:
            raise ValueError("the first step cannot be an 'and' or 'or' step")
        return self


# Other versions of a page (an Easy Read version, say) share the page's channels and
# taxonomy, so their own front matter is only what every page has.
VARIANTS = ("easy-read",)

# Information pages (content/pages/): served at the top level (/<slug>), and only these.
INFO_PAGES = ("accessibility-statement", "cookies", "privacy", "contact", "roadmap")

META_FOR_KIND: dict[str, type[PageMeta]] = {
    "services": ServiceMeta,
    "guides": GuideMeta,
    "pages": PageMeta,
    "step-by-step": StepByStepMeta,
}


class LocalisedText(_Strict):
    """A name or description given in every language."""

    en: Text
    cy: Text
    # Other interface languages may name things too; where they do not, English is shown.
    ar: Text | None = None

    def get(self, language: str) -> str:
        """The text in `language`, or in English where that language has none."""
        return getattr(self, language, None) or self.en


class Department(_Strict):
    name: LocalisedText


class Topic(_Strict):
    name: LocalisedText
    description: LocalisedText


class LifeEvent(_Strict):
    name: LocalisedText
    description: LocalisedText


class Taxonomy(_Strict):
    departments: dict[str, Department]
    topics: dict[str, Topic]
    life_events: dict[str, LifeEvent] = {}
