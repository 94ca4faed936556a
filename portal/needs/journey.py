"""The order of the "What helps you" questions, and how each answer changes the needs."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flask_wtf import FlaskForm

from portal.needs import forms
from portal.needs.model import CHANNELS, Needs

READING_FLAGS = ("more_spacing", "less_motion", "easy_read", "bsl")


def _contact_answer(needs: Needs, chosen: list[str]) -> Needs:
    """Keep the order already given for ways still chosen; add new ones in the usual order."""
    kept = [channel for channel in needs.channels if channel in chosen]
    added = [channel for channel in CHANNELS if channel in chosen and channel not in kept]
    return needs.changed(channels=tuple(kept + added))


def _first_answer(needs: Needs, first: str | None) -> Needs:
    if first not in needs.channels:
        return needs
    return needs.changed(channels=(first, *(c for c in needs.channels if c != first)))


@dataclass(frozen=True)
class Question:
    slug: str
    form: type[FlaskForm]
    # The answer's type depends on the question (a code, a list of codes, or None).
    read: Callable[[Needs], Any]
    write: Callable[[Needs, Any], Needs]
    applies: Callable[[Needs], bool] = lambda needs: True


QUESTIONS = (
    Question(
        "language",
        forms.LanguageForm,
        lambda n: n.language,
        lambda n, a: n.changed(language=a),
    ),
    Question(
        "text-size",
        forms.TextSizeForm,
        lambda n: n.text_size,
        lambda n, a: n.changed(text_size=a or "standard"),
    ),
    Question(
        "colours",
        forms.ContrastForm,
        lambda n: n.contrast,
        lambda n, a: n.changed(contrast=a or "standard"),
    ),
    Question(
        "reading",
        forms.ReadingForm,
        lambda n: [flag for flag in READING_FLAGS if getattr(n, flag)],
        lambda n, a: n.changed(**{flag: flag in a for flag in READING_FLAGS}),
    ),
    Question(
        "connection",
        forms.ConnectionForm,
        lambda n: ["lite"] if n.lite else [],
        lambda n, a: n.changed(lite="lite" in a),
    ),
    Question("contact", forms.ContactForm, lambda n: list(n.channels), _contact_answer),
    Question(
        "contact-first",
        forms.ContactFirstForm,
        lambda n: n.preferred_channel,
        _first_answer,
        applies=lambda n: len(n.channels) > 1,
    ),
    Question(
        "help",
        forms.HelpForm,
        lambda n: "yes" if n.someone_helps else None,
        lambda n, a: n.changed(someone_helps=a == "yes"),
    ),
)
QUESTIONS_BY_SLUG = {question.slug: question for question in QUESTIONS}


def next_question(slug: str, needs: Needs, changing: bool) -> str | None:
    """The slug of the next question to ask, or None when it is time to check answers."""
    position = [q.slug for q in QUESTIONS].index(slug)
    following: Sequence[Question] = QUESTIONS[position + 1 :]
    if changing:
        # Changing one answer only asks the question it unlocks (which way comes first).
        following = [q for q in following if q.slug == "contact-first" and slug == "contact"]
    return next((q.slug for q in following if q.applies(needs)), None)
