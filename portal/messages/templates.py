"""The words of each message, from content/messages/<kind>.yaml, validated when the app
starts, and filled in for one person.

A file has a section for each channel its kind goes by (portal/messages/kinds.py):

    email:
      subject: {en: "...", cy: "..."}
      body: {en: "...", cy: "..."}
    sms: {en: "...", cy: "..."}
    letter:
      subject: {en: "...", cy: "..."}
      body: {en: "...", cy: "..."}

Placeholders are written ((name)), as in GOV.UK Notify. A file that cannot be sent (a
missing section or language, a placeholder the code does not fill or that the channel may
not carry) stops start-up naming the file and the field, as a broken form does.
`flask content check` says the same with line numbers, and more (portal/messages/lint.py).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict

from portal.messages.kinds import KINDS, MESSAGE_LANGUAGES, PLACEHOLDERS, Kind
from portal.publishing.loader import ContentError, validate

# ((name)): two brackets each side, a name of letters, digits and underscores, no spaces.
PLACEHOLDER = re.compile(r"\(\(([A-Za-z_][A-Za-z0-9_]*)\)\)")
# Something between double brackets that is not a name: "(( reference ))", "(())".
_BRACKETED = re.compile(r"\(\([^()\n]*\)\)")
# Double brackets left over, with the word they hold on to: "((reference)", "reference))".
_STRAY = re.compile(r"\(\([A-Za-z0-9_]*\)?|\(?[A-Za-z0-9_]*\)\)")


def placeholders(text: str) -> set[str]:
    """The names of the ((placeholders)) in the text."""
    return set(PLACEHOLDER.findall(text))


def malformed_placeholders(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each pair of double brackets that is not a ((placeholder)):
    "((reference)", "reference))", "(( reference ))"."""

    def blank(found: re.Match) -> str:
        return " " * len(found.group())

    rest = PLACEHOLDER.sub(blank, text)
    found = [(m.start(), m.group()) for m in _BRACKETED.finditer(rest)]
    rest = _BRACKETED.sub(blank, rest)
    found += [(m.start(), m.group()) for m in _STRAY.finditer(rest)]
    return sorted(found)


def tidy(text: str) -> str:
    """The text without trailing spaces on its lines or blank lines before or after (a
    YAML block ends with a newline, which a text message would send and count)."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def _text(value: object) -> object:
    """An empty YAML value (`en:`) is no words, not a missing string."""
    return "" if value is None else value


def _words(text: str) -> str:
    tidied = tidy(text)
    if not tidied.strip():
        raise ValueError("there are no words")
    return tidied


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_words)]


class Words(BaseModel):
    """One part of a message, in each message language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: Text
    cy: Text

    def in_language(self, language: str) -> str:
        if language not in MESSAGE_LANGUAGES:
            raise ValueError(
                f"messages are written in {', '.join(MESSAGE_LANGUAGES)}, not {language!r}"
            )
        return str(getattr(self, language))


class WithSubject(BaseModel):
    """An email or a letter: a subject (a letter's heading) and a body."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject: Words
    body: Words


class MessageFile(BaseModel):
    """content/messages/<kind>.yaml: a section for each channel the kind goes by."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    email: WithSubject | None = None
    sms: Words | None = None
    letter: WithSubject | None = None


@dataclass(frozen=True)
class Rendered:
    """One message filled in for one person: a text message has no subject."""

    subject: str | None
    body: str


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each ((name)) replaced by values[name] (once: a value is not read
    for placeholders). KeyError, naming the placeholder, when a value is missing."""

    def value(found: re.Match) -> str:
        name = found.group(1)
        if name not in values:
            raise KeyError(name)
        return str(values[name])

    return PLACEHOLDER.sub(value, text)


@dataclass(frozen=True)
class MessageTemplate:
    """The words of one kind of message, by channel."""

    kind: str
    path: Path
    email: WithSubject | None
    sms: Words | None
    letter: WithSubject | None

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(c for c in ("email", "sms", "letter") if getattr(self, c) is not None)

    def render(self, channel: str, language: str, values: Mapping[str, str]) -> Rendered:
        """The message for `channel` in `language` with its placeholders filled from
        `values` (which may hold more than it needs). KeyError naming the placeholder when
        one has no value; ValueError for a channel or language it has no words for."""
        part = getattr(self, channel, None) if channel in ("email", "sms", "letter") else None
        if part is None:
            raise ValueError(f"{self.kind} messages do not go by {channel!r}")
        if isinstance(part, Words):
            return Rendered(None, fill(part.in_language(language), values))
        return Rendered(
            fill(part.subject.in_language(language), values),
            fill(part.body.in_language(language), values),
        )


def load_message_templates(folder: Path) -> MappingProxyType[str, MessageTemplate]:
    """The template of every kind of message, by kind. A file that is broken, that names
    no kind, or a kind with no file, stops start-up: ContentError lists every problem."""
    if not folder.is_dir():
        # Content with no messages folder (a test's small content set, another public
        # body's pages) sends no messages: the outbox queues none.
        return MappingProxyType({})
    templates, problems = {}, []
    paths = sorted(folder.glob("*.yaml"))
    for path in paths:
        kind = KINDS.get(path.stem)
        if kind is None:
            problems.append(
                f"{path}: {path.stem} is not a kind of message; the kinds are "
                f"{', '.join(sorted(KINDS))}"
            )
            continue
        try:
            templates[kind.name] = _load(path, kind)
        except ContentError as error:
            problems.append(str(error))
    for name in sorted(set(KINDS) - {path.stem for path in paths}):
        problems.append(f"{folder / f'{name}.yaml'}: there is no file for {name} messages")
    if problems:
        raise ContentError("\n".join(problems))
    return MappingProxyType(templates)


def _load(path: Path, kind: Kind) -> MessageTemplate:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # ValueError (UnicodeDecodeError is one): not UTF-8, or a value YAML reads as a date
    # that is not one (en: 2026-13-01).
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: cannot be read as YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(
            f"{path}: the file should hold a section for each channel, such as email:"
        )
    parsed = validate(MessageFile, data, path)
    problems = _channel_problems(parsed, kind, path) + _placeholder_problems(parsed, kind, path)
    if problems:
        raise ContentError("\n".join(problems))
    return MessageTemplate(kind.name, path, parsed.email, parsed.sms, parsed.letter)


def _channel_problems(parsed: MessageFile, kind: Kind, path: Path) -> list[str]:
    problems = []
    for channel in ("email", "sms", "letter"):
        present = getattr(parsed, channel) is not None
        if channel in kind.channels and not present:
            problems.append(
                f"{path}: field '{channel}': this field is required ({kind.name} messages go "
                f"by {', '.join(kind.channels)})"
            )
        elif present and channel not in kind.channels:
            problems.append(
                f"{path}: field '{channel}': {kind.name} messages do not go by {channel} "
                f"(only {', '.join(kind.channels)})"
            )
    return problems


def texts(parsed: MessageFile) -> list[tuple[str, str, str, str]]:
    """(channel, part, language, text) of every text in the file; the part of a text
    message is "text"."""
    found = []
    for channel in ("email", "sms", "letter"):
        section = getattr(parsed, channel)
        parts = {"text": section} if isinstance(section, Words) else dict(section or {})
        for part, words in parts.items():
            found += [(channel, part, lang, getattr(words, lang)) for lang in MESSAGE_LANGUAGES]
    return found


def _placeholder_problems(parsed: MessageFile, kind: Kind, path: Path) -> list[str]:
    """Placeholders that would fail at sending, or carry what the channel must not."""
    problems = []
    for channel, part, language, text in texts(parsed):
        field = ".".join(p for p in (channel, part if part != "text" else "", language) if p)
        where = f"{path}: field '{field}'"
        problems += [
            f"{where}: {bad!r} is not a placeholder: write ((name))"
            for _, bad in malformed_placeholders(text)
        ]
        for name in sorted(placeholders(text)):
            if name not in kind.placeholders:
                problems.append(
                    f"{where}: (({name})) is not filled in for {kind.name} messages; they have "
                    + ", ".join(f"(({p}))" for p in sorted(kind.placeholders))
                )
            elif channel not in PLACEHOLDERS[name].channels:
                problems.append(
                    f"{where}: (({name})) may go only by {', '.join(PLACEHOLDERS[name].channels)}"
                )
    return problems
