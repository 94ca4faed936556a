"""The content checks of message templates (content/messages/<kind>.yaml).

`check_messages` reads each file as YAML nodes, which know their lines, and says what the
loader would refuse (and more: a missing stop link, a text message that costs three
texts) as Findings with the file, the line and a fix. It never raises: a file that is not
YAML, or not the right shape, is a Finding too.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portal.messages import sms
from portal.messages.kinds import (
    CHANNELS,
    KINDS,
    MESSAGE_LANGUAGES,
    PLACEHOLDERS,
    SMS_MOST_FRAGMENTS,
    Kind,
)
from portal.messages.templates import PLACEHOLDER, malformed_placeholders, placeholders, tidy
from portal.publishing.sources import Finding

__all__ = ["check_messages"]

CONTRACT = "portal/messages/kinds.py"
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
CHANNEL_NAMES = {"email": "an email", "sms": "a text message", "letter": "a letter"}
PARTS = ("subject", "body")
# Why a placeholder may not go by a channel, where the contract's channels alone do not
# say it. {longest} and {channels} are the placeholder's.
WHY_NOT = {
    "staff_message": "personal data goes by email only",
    "stop_link": "the link that stops messages goes in emails only",
    "what_happens_next": "it can be {longest} characters long",
}
# Characters that make a text message UCS-2 and have a plain GSM-7 twin: curly quotes
# and apostrophes, en and em dashes, the ellipsis and the non-breaking space.
PLAIN = {
    "\u2019": "'",
    "\u2018": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
}

_YAML_FIX = (
    "correct the YAML: check the indentation (spaces, not tabs), and put text that holds a "
    'colon, a comma inside {...}, or starts with a quote in double quotes: en: "..."'
)
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"


def check_messages(content_dir: Path) -> list[Finding]:
    """Every finding about content_dir/messages/*.yaml, sorted by file and line."""
    folder = content_dir / "messages"
    if not folder.is_dir():
        return []  # content with no messages folder sends no messages (see the loader)
    paths = sorted(folder.glob("*.yaml"))
    findings: list[Finding] = []
    for path in paths:
        findings += _check_file(path)
    for name, kind in KINDS.items():
        if name not in {p.stem for p in paths}:
            findings.append(_no_file(folder / f"{name}.yaml", kind))
    # A set: the same mistake twice on one line is said once.
    return sorted(set(findings), key=lambda f: (str(f.path), f.line, f.code, f.message))


def _no_file(path: Path, kind: Kind) -> Finding:
    return Finding(
        path,
        1,
        "error",
        "message-kind",
        f"there is no file for {kind.name} messages: the portal cannot send them",
        f"create content/messages/{kind.name}.yaml with a section for each channel "
        f"{kind.name} messages go by ({_and(kind.channels)}), each in English and Welsh; "
        f"they can use {_names(kind.placeholders)}",
    )


def _check_file(path: Path) -> list[Finding]:
    kind = KINDS.get(path.stem)
    if kind is None:
        return [_unknown_kind(path)]
    checker = _Checker(path, kind)
    root = checker.compose()
    if root is not None:
        checker.check_root(root)
    return checker.findings


def _unknown_kind(path: Path) -> Finding:
    close = difflib.get_close_matches(path.stem, KINDS, n=1)
    guess = f" (did you mean {close[0]}.yaml?)" if close else ""
    return Finding(
        path,
        1,
        "error",
        "message-kind",
        f"{path.stem} is not a kind of message, so the portal never sends it",
        f"rename it to the kind it is for{guess}: "
        + ", ".join(f"{k}.yaml" for k in sorted(KINDS))
        + f". A new kind of message needs code first ({CONTRACT})",
    )


@dataclass
class _Text:
    """One language of one part: where it is and what it says."""

    channel: str
    part: str
    language: str
    node: yaml.ScalarNode

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    @property
    def text(self) -> str:
        return tidy(self.node.value)

    @property
    def name(self) -> str:
        """How the findings name it: "the Welsh email body", "the English text message"."""
        return f"the {LANGUAGE_NAMES[self.language]} {_part_name(self.channel, self.part)}"

    def line_at(self, offset: int) -> int:
        """The line of a character of the value: exact in a literal block (|), where the
        lines are the file's; the value's first line otherwise."""
        if self.node.style != "|":
            return self.line
        return self.line + 1 + self.node.value.count("\n", 0, offset)


@dataclass
class _Checker:
    path: Path
    kind: Kind
    findings: list[Finding] = field(default_factory=list)

    def error(self, line: int, code: str, message: str, fix: str) -> None:
        self.findings.append(Finding(self.path, line, "error", code, message, fix))

    def compose(self) -> yaml.Node | None:
        """The file as YAML nodes; None (and a finding) when it cannot be read as YAML."""
        try:
            root = yaml.compose(self.path.read_bytes().decode("utf-8"), Loader=yaml.SafeLoader)
        except UnicodeDecodeError:
            self.error(1, "message-yaml", "the file is not UTF-8 text", _UTF8)
            return None
        except OSError as error:
            self.error(1, "message-yaml", f"the file cannot be read: {error.strerror}", _UTF8)
            return None
        except yaml.YAMLError as error:
            self.error(_error_line(error), "message-yaml", _error_message(error), _YAML_FIX)
            return None
        if root is None:
            self.error(1, "message-yaml", "the file is empty", self._sections_fix())
        return root

    def _sections_fix(self) -> str:
        return (
            f"write a section for each channel {self.kind.name} messages go by "
            f"({_and(self.kind.channels)}): " + "; ".join(_example(c) for c in self.kind.channels)
        )

    def mapping(self, node: yaml.Node) -> dict[str, tuple[yaml.ScalarNode, yaml.Node]]:
        """A mapping's entries by key, with a finding for each key given twice (YAML keeps
        the last, silently)."""
        entries: dict[str, tuple[yaml.ScalarNode, yaml.Node]] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
            if name in entries:
                first = entries[name][0].start_mark.line + 1
                self.error(
                    key.start_mark.line + 1,
                    "message-yaml",
                    f"{name} is given twice (first on line {first}): only this one would be used",
                    "keep one of them",
                )
            entries[name] = (key, value)
        return entries

    def check_root(self, root: yaml.Node) -> None:
        if not isinstance(root, yaml.MappingNode):
            self.error(
                root.start_mark.line + 1,
                "message-yaml",
                "the file should hold a section for each channel, such as email:",
                self._sections_fix(),
            )
            return
        sections = self.mapping(root)
        for name, (key, value) in sections.items():
            if self._channel_expected(name, key):
                self.check_section(name, key, value)
        for channel in self.kind.channels:
            if channel not in sections:
                self.error(
                    1,
                    "message-channel",
                    f"there is no {channel} section: {self.kind.name} messages go by "
                    f"{_and(self.kind.channels)}",
                    f"add one, in English and Welsh: {_example(channel)}",
                )

    def _channel_expected(self, name: str, key: yaml.ScalarNode) -> bool:
        if name in self.kind.channels:
            return True
        line = key.start_mark.line + 1
        if name in CHANNELS:
            self.error(
                line,
                "message-channel",
                f"{self.kind.name} messages do not go by {name}, so this is never sent",
                f"remove the {name} section: {self.kind.name} messages go by "
                f"{_and(self.kind.channels)} only ({CONTRACT})",
            )
        else:
            self.error(
                line,
                "message-channel",
                f"{name!r} is not a channel",
                f"name the sections {_and(self.kind.channels)}: correct the spelling, or remove it",
            )
        return False

    def check_section(self, channel: str, key: yaml.ScalarNode, node: yaml.Node) -> None:
        if channel == "sms":
            self.check_part(channel, "text", key, node)
            return
        if not isinstance(node, yaml.MappingNode):
            self._wrong_shape(
                key, f"the {channel} section should have a subject and a body", _example(channel)
            )
            return
        parts = self.mapping(node)
        for name, (part_key, value) in parts.items():
            if name in PARTS:
                self.check_part(channel, name, part_key, value)
            else:
                self._wrong_shape(
                    part_key,
                    f"{name!r} is not part of {CHANNEL_NAMES[channel]}",
                    f"{CHANNEL_NAMES[channel]} has a subject and a body: correct the "
                    "spelling, or remove it",
                )
        for part in PARTS:
            if part not in parts:
                self._wrong_shape(
                    key,
                    f"the {channel} section has no {part}",
                    f'add `{part}: {{en: "...", cy: "..."}}` under `{channel}:`',
                )

    def _wrong_shape(self, key: yaml.Node, message: str, fix: str) -> None:
        self.error(key.start_mark.line + 1, "message-yaml", message, fix)

    def check_part(self, channel: str, part: str, key: yaml.ScalarNode, node: yaml.Node) -> None:
        """One part (an email's subject, a text message) in each language."""
        what = _part_name(channel, part)
        if not isinstance(node, yaml.MappingNode):
            self._wrong_shape(
                key,
                f"the {what} should be written in English and Welsh",
                f'write it as `{key.value}: {{en: "...", cy: "..."}}`',
            )
            return
        entries = self.mapping(node)
        for name, (language_key, _) in entries.items():
            if name not in MESSAGE_LANGUAGES:
                self.error(
                    language_key.start_mark.line + 1,
                    "message-language",
                    f"{name!r} is not a language messages are written in",
                    "messages are written in English (en) and Welsh (cy): correct it, or remove it",
                )
        texts = []
        for language in MESSAGE_LANGUAGES:
            if language not in entries:
                self._missing_language(what, language, key)
            elif (text := self.text(channel, part, language, entries[language][1])) is not None:
                texts.append(text)
        self.check_texts(texts)

    def _missing_language(self, what: str, language: str, key: yaml.ScalarNode) -> None:
        self.error(
            key.start_mark.line + 1,
            "message-language",
            f"the {what} has no {LANGUAGE_NAMES[language]}",
            f'add `{language}: "..."` under `{key.value}:` with the '
            f"{LANGUAGE_NAMES[language]} words: every message is sent in the language the "
            "person chose",
        )

    def text(self, channel: str, part: str, language: str, node: yaml.Node) -> _Text | None:
        """The text of one language, or None (and a finding) when it has none."""
        line = node.start_mark.line + 1
        what = f"the {LANGUAGE_NAMES[language]} {_part_name(channel, part)}"
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_STR, _NULL):
            self.error(
                line,
                "message-yaml",
                f"{what} should be text",
                f'put the words in double quotes: {language}: "..."',
            )
            return None
        if node.tag == _NULL or not tidy(node.value).strip():
            self.error(
                line,
                "message-empty",
                f"{what} is empty",
                f"write the {LANGUAGE_NAMES[language]} words after `{language}:`",
            )
            return None
        return _Text(channel, part, language, node)

    def check_texts(self, texts: list[_Text]) -> None:
        for text in texts:
            self.check_brackets(text)
            self.check_placeholders(text)
            if (text.channel, text.part) == ("email", "body"):
                self.check_stop_link(text)
            if text.channel == "sms":
                self.check_sms_length(text)
        if len(texts) == 2:
            self.check_same_placeholders(*texts)

    def check_brackets(self, text: _Text) -> None:
        for offset, bad in malformed_placeholders(text.node.value):
            guess = bad.strip("() ").lower().replace(" ", "_")
            if guess in self.kind.placeholders:
                fix = f"write (({guess})): two brackets each side and no spaces inside"
            else:
                fix = (
                    "write a placeholder as ((name)), two brackets each side and no spaces "
                    f"inside, with a name from: {self._allowed(text.channel)}"
                )
            self.error(
                text.line_at(offset),
                "message-placeholder",
                f"{bad!r} in {text.name} is not a placeholder, so it would be sent as it is",
                fix,
            )

    def _allowed(self, channel: str) -> str:
        return _names(p for p in self.kind.placeholders if channel in PLACEHOLDERS[p].channels)

    def check_placeholders(self, text: _Text) -> None:
        for found in PLACEHOLDER.finditer(text.node.value):
            name, line = found.group(1), text.line_at(found.start())
            if name not in self.kind.placeholders:
                close = difflib.get_close_matches(name, self.kind.placeholders, n=1)
                self.error(
                    line,
                    "message-placeholder",
                    f"(({name})) in {text.name} is not a placeholder of {self.kind.name} "
                    "messages: the portal has nothing to fill it with",
                    (f"did you mean (({close[0]}))? " if close else "")
                    + f"Use one of {self._allowed(text.channel)} ({CONTRACT})",
                )
            elif text.channel not in PLACEHOLDERS[name].channels:
                self.error(
                    line,
                    "message-placeholder",
                    f"(({name})) cannot go in {CHANNEL_NAMES[text.channel]}: {_why_not(name)}",
                    f"remove (({name})) from {text.name}"
                    + (
                        ", and point to where it can be read with ((link))"
                        if "link" in self.kind.placeholders and name != "stop_link"
                        else ""
                    )
                    + f". {_capital(CHANNEL_NAMES[text.channel])} can use "
                    + self._allowed(text.channel),
                )

    def check_stop_link(self, text: _Text) -> None:
        if "stop_link" in self.kind.placeholders and "stop_link" not in placeholders(
            text.node.value
        ):
            self.error(
                text.line,
                "message-stop-link",
                f"{text.name} has no ((stop_link)): every email must let people stop these "
                "emails with one click",
                "end the body with a line that says what the link does, then ((stop_link))"
                + (
                    ", for example: 'To stop these emails: ((stop_link))'"
                    if text.language == "en"
                    else ", in Welsh"
                ),
            )

    def check_sms_length(self, text: _Text) -> None:
        longest = _at_longest(text.text)
        fragments = sms.sms_fragments(longest)
        if fragments <= SMS_MOST_FRAGMENTS:
            return
        chosen = sms.encoding(longest)
        units = sms.length(longest)
        most = sms.most_units(SMS_MOST_FRAGMENTS, chosen)
        filled = sorted(placeholders(text.text) & set(PLACEHOLDERS))
        counted = ", ".join(f"(({p})) as {PLACEHOLDERS[p].longest}" for p in filled)
        self.error(
            text.line,
            "message-sms-length",
            f"{text.name} is {fragments} fragments (texts) once its placeholders are at their "
            f"longest "
            f"({units} characters, {_why_encoding(longest)}); at most {SMS_MOST_FRAGMENTS} "
            "are allowed",
            f"cut at least {max(units - most, 1)} characters, to {most} or fewer"
            + (f" counting {counted}" if counted else "")
            + _plain_hint(longest),
        )

    def check_same_placeholders(self, english: _Text, welsh: _Text) -> None:
        """The English and the Welsh of one part must fill in the same things. Only the
        placeholders the part may have: the others, and a missing stop link, have their
        own findings (which would be the wrong fix here)."""
        allowed = {p for p in self.kind.placeholders if english.channel in PLACEHOLDERS[p].channels}
        if (english.channel, english.part) == ("email", "body"):
            allowed.discard("stop_link")
        for has, lacks in ((english, welsh), (welsh, english)):
            missing = (placeholders(has.node.value) - placeholders(lacks.node.value)) & allowed
            if missing:
                names = _names(missing)
                self.error(
                    lacks.line,
                    "message-language",
                    f"{lacks.name} has no {names}, which {has.name} has: the English and "
                    "the Welsh should say the same",
                    f"add {names} to {lacks.name}, or take it out of {has.name}",
                )


def _part_name(channel: str, part: str) -> str:
    return "text message" if channel == "sms" else f"{channel} {part}"


def _example(channel: str) -> str:
    if channel == "sms":
        return 'sms: {en: "...", cy: "..."}'
    return f'{channel}: subject: {{en: "...", cy: "..."}} and body: {{en: "...", cy: "..."}}'


def _names(names) -> str:
    return ", ".join(f"(({n}))" for n in sorted(names)) or "no placeholders"


def _and(items) -> str:
    items = list(items)
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _why_not(name: str) -> str:
    placeholder = PLACEHOLDERS[name]
    reason = WHY_NOT.get(name, "it may go only by {channels}")
    return reason.format(longest=placeholder.longest, channels=_and(placeholder.channels))


def _at_longest(text: str) -> str:
    """The text with each known placeholder replaced by its longest value."""

    def longest(found: re.Match) -> str:
        placeholder = PLACEHOLDERS.get(found.group(1))
        return "x" * placeholder.longest if placeholder else found.group()

    return PLACEHOLDER.sub(longest, text)


def _why_encoding(text: str) -> str:
    if sms.encoding(text) == "GSM-7":
        doubled = sorted(set(text) & sms.GSM7_EXTENSION)
        counted = f"; {' '.join(doubled)} count as 2" if doubled else ""
        return f"in GSM-7: {sms.GSM7_FRAGMENT} characters a fragment{counted}"
    others = sms.not_gsm7(text)
    shown = " ".join(_shown(c) for c in others)
    verb = "is" if len(others) == 1 else "are"
    return (
        f"{shown} {verb} not in the GSM-7 alphabet, so the message counts as UCS-2: "
        f"{sms.UCS2_FRAGMENT} characters a fragment"
    )


def _shown(character: str) -> str:
    return {"\u00a0": "a non-breaking space", "\t": "a tab"}.get(character, character)


def _plain_hint(text: str) -> str:
    """Typographer's quotes and dashes make a message UCS-2: say which to make plain."""
    others = sms.not_gsm7(text)
    if not others or not all(c in PLAIN for c in others):
        return ""
    swaps = ", ".join(f"{PLAIN[c]} for {_shown(c)}" for c in others)
    return f"; or write {swaps}, which keeps it GSM-7 ({sms.GSM7_FRAGMENT} characters a fragment)"


def _error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def _error_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    return f"the YAML cannot be read: {problem}" + (f" ({context})" if context else "")


_UTF8 = "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"
