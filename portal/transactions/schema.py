"""The schema of a form definition in content/forms/<slug>.yaml: one file, both languages.

Every piece of text is given in English and Welsh side by side, so the two languages can
never differ in their questions, branching or rules. docs/content-guide.md documents it.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from portal.needs.model import CHANNELS
from portal.publishing.schema import LocalisedText
from portal.transactions.answer_types import TYPES

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

# `when_preferred` for people who did not say how they prefer to be contacted.
NOT_SAID = "none"
# The answer type that collects what we need to contact someone each way.
CONTACT_DETAIL = {
    "phone": "uk_phone",
    "relay_uk": "uk_phone",
    "text_message": "uk_phone",
    "email": "email",
    "post": "uk_address",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    value: Slug
    label: LocalisedText
    hint: LocalisedText | None = None


class Branch(_Strict):
    """If the answer is `equals` (or, for checkboxes, includes it), go somewhere else."""

    equals: str
    goto: Slug


class DayFromToday(_Strict):
    """A day counted from the day someone answers: `days: 0` is today, `working_days: -2`
    two working days ago, `months: 3` three months from today. Exactly one of them."""

    days: Annotated[int, Field(ge=-36600, le=36600)] | None = None
    working_days: Annotated[int, Field(ge=-260, le=260)] | None = None
    months: Annotated[int, Field(ge=-1200, le=1200)] | None = None
    years: Annotated[int, Field(ge=-150, le=150)] | None = None

    @model_validator(mode="after")
    def exactly_one(self) -> "DayFromToday":
        given = [name for name, value in self if value is not None]
        if len(given) != 1:
            raise ValueError("give one of days, working_days, months or years, for example days: 0")
        return self

    @property
    def is_today(self) -> bool:
        return not any(value for _, value in self)


class AcceptedDates(_Strict):
    """The dates a date question accepts, from `earliest` to `latest` (each included)."""

    earliest: DayFromToday | None = None
    latest: DayFromToday | None = None

    @model_validator(mode="after")
    def a_limit(self) -> "AcceptedDates":
        if self.earliest is None and self.latest is None:
            raise ValueError("accepted_dates needs an earliest date, a latest date or both")
        return self


# These name the pages every form has, so no question may take them.
RESERVED_IDS = ("check", "save", "sent", "exit")


class Question(_Strict):
    id: Annotated[Slug, Field(description="the page's address")]
    # One of the registry's types: a type added there is one that content may use.
    type: Literal[tuple(TYPES)]  # type: ignore[valid-type]
    question: LocalisedText
    hint: LocalisedText | None = None
    optional: bool = False
    options: list[Option] = []
    none_of_these: LocalisedText | None = None
    max_length: Annotated[int, Field(gt=0, le=5000)] | None = None
    minimum: float | None = None
    maximum: float | None = None
    # What to call the answer in error messages: "your date of birth", "the postcode".
    name: LocalisedText
    # The name as it reads at the start of a sentence, where that differs: Welsh mutates a
    # word after "Rhowch" ("rif cofrestru") but not at the start ("Rhif cofrestru").
    name_start: LocalisedText | None = None
    branches: list[Branch] = []
    next: Slug | None = None
    # Date questions only: which dates make sense ("not in the future", "within 2 working
    # days"); docs/content-guide.md shows how.
    accepted_dates: AcceptedDates | None = None
    # Asked only of people who prefer one of these ways to be contacted ("none": who said
    # nothing): a phone number only where we will call, an email address where we email.
    when_preferred: list[Literal[(*CHANNELS, NOT_SAID)]] | None = None  # type: ignore[valid-type]

    def asked_when(self, preferred: str | None) -> bool:
        return self.when_preferred is None or (preferred or NOT_SAID) in self.when_preferred

    @model_validator(mode="after")
    def options_match_type(self) -> "Question":
        if self.id in RESERVED_IDS:
            raise ValueError(f"a question cannot be called {self.id}: that page exists already")
        has_options = TYPES[self.type].has_options
        if has_options and len(self.options) < 2:
            raise ValueError(f"a {self.type} question needs at least 2 options")
        if not has_options and (self.options or self.none_of_these):
            raise ValueError(f"a {self.type} question cannot have options")
        if self.accepted_dates and self.type != "date":
            raise ValueError(f"only a date question can have accepted_dates, not {self.type}")
        return self


class ExitPage(_Strict):
    id: Slug
    title: LocalisedText
    body: LocalisedText


class WhatHappensNext(_Strict):
    """What happens after submitting; `by_channel` overrides it for a preferred channel."""

    default: LocalisedText
    by_channel: dict[str, LocalisedText] = {}


class FormDefinition(_Strict):
    title: LocalisedText
    service: Slug
    version: Annotated[int, Field(ge=1)]
    questions: Annotated[list[Question], Field(min_length=1)]
    exits: list[ExitPage] = []
    declaration: LocalisedText
    what_happens_next: WhatHappensNext

    @model_validator(mode="after")
    def promises_only_what_it_asks_for(self) -> "FormDefinition":
        """A "what happens next" that says "we will call you" needs a phone number, asked
        of the people who read it: those who prefer phone."""
        for channel in self.what_happens_next.by_channel:
            if channel not in CHANNELS:
                raise ValueError(f"what_happens_next: {channel} is not a way to contact people")
            detail = CONTACT_DETAIL.get(channel)
            if detail is None:
                continue
            if not any(q.type == detail and q.asked_when(channel) for q in self.questions):
                raise ValueError(
                    f"what_happens_next says how we contact people who prefer {channel}, but "
                    f"no {detail} question is asked of them: add one with "
                    f"when_preferred: [{channel}], or take {channel} out of by_channel"
                )
        return self

    @model_validator(mode="after")
    def targets_exist(self) -> "FormDefinition":
        ids = [q.id for q in self.questions] + [e.id for e in self.exits]
        if len(ids) != len(set(ids)):
            raise ValueError("every question and exit page needs its own id")
        for question in self.questions:
            for target in [b.goto for b in question.branches] + [question.next]:
                if target is not None and target not in ids:
                    raise ValueError(f"question {question.id} goes to unknown page {target}")
        return self
