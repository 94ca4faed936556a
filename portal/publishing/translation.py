"""Which English version a translation was made from, so a changed English page shows up.

A translation records `source_hash` in its front matter: a short hash of the English file
it translates. `flask content mark-translated` writes it; `flask content check` compares
it with the English file as it is now. The checks that every page is translated, and that
each translation is current, are here too.
"""

import hashlib
import json
import re
from pathlib import Path

import yaml

from portal.languages import english_name
from portal.publishing.sources import Finding, Source, split_front_matter

# As a content designer types it, from the portal's folder (the README and guide say so).
MARK_TRANSLATED = ".venv/bin/flask --app portal content mark-translated"


class TranslationError(Exception):
    """A file that cannot be marked as translated, and why."""


def source_hash(english_text: str) -> str:
    """The first 12 hex digits of a SHA-256 over the English file's title, summary and body.

    Only the words a translator translates are hashed. Review dates and the owner are left
    out on purpose: reviewing a page (which moves `last_reviewed` and `review_by`) must not
    make every translation of it stale.
    """
    lines, end = split_front_matter(english_text)
    meta = {}
    if end is not None:
        try:
            loaded = yaml.safe_load("".join(lines[1:end]))
        except yaml.YAMLError:
            loaded = None
        meta = loaded if isinstance(loaded, dict) else {}
    body = "".join(lines[end + 1 :] if end is not None else lines)
    words = [str(meta.get("title", "")), str(meta.get("summary", "")), _normalise(body)]
    return hashlib.sha256(json.dumps(words, ensure_ascii=False).encode()).hexdigest()[:12]


def _normalise(body: str) -> str:
    # Line endings and blank lines at either end change nothing a reader sees.
    return body.replace("\r\n", "\n").strip()


def english_original(path: Path, languages: tuple[str, ...]) -> Path:
    """`apply.easy-read.cy.md` -> `apply.easy-read.md`; an error for an English file."""
    stem = path.name.removesuffix(".md")
    for language in languages[1:]:
        if stem.endswith(f".{language}"):
            return path.with_name(stem.removesuffix(f".{language}") + ".md")
    raise TranslationError(
        f"{path}: not a translation (its name has no language: {', '.join(languages[1:])})"
    )


def with_source_hash(text: str, value: str) -> str:
    """The file with its `source_hash` line set to `value`; every other byte unchanged.

    An existing top-level `source_hash:` line is replaced; otherwise the line goes after
    `review_by:` (or, failing that, at the end of the front matter).
    """
    lines, end = split_front_matter(text)
    if end is None:
        raise TranslationError("it has no front matter (a first line of ---)")
    newline = _newline(lines[0])
    # A hash of digits only would be read by YAML as a number: quote it then.
    written = value if isinstance(yaml.safe_load(value), str) else f'"{value}"'
    new_line = f"source_hash: {written}{newline}"
    for number in range(1, end):
        if lines[number].startswith("source_hash:"):
            lines[number] = new_line
            return "".join(lines)
    after = next(
        (n for n in range(1, end) if lines[n].startswith("review_by:")),
        end - 1,
    )
    if not lines[after].endswith(("\n", "\r")):
        lines[after] += newline
    lines.insert(after + 1, new_line)
    return "".join(lines)


def _newline(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :] or "\n"


def mark_translated(path: Path, languages: tuple[str, ...]) -> str:
    """Record in `path` the hash of its English original as it is now; return the hash."""
    english = english_original(path, languages)
    if not english.is_file():
        raise TranslationError(f"{path}: there is no English original {english.name}")
    value = source_hash(english.read_bytes().decode("utf-8"))
    # Bytes, not text mode: text mode would rewrite line endings all through the file.
    original = path.read_bytes().decode("utf-8")
    try:
        updated = with_source_hash(original, value)
    except TranslationError as error:
        raise TranslationError(f"{path}: {error}") from None
    if updated != original:
        path.write_bytes(updated.encode("utf-8"))
    return value


def check_translations_exist(sources: list[Source], languages) -> list[Finding]:
    """English pages (and Easy Read versions) with no file in another content language,
    and files nobody can reach: a translation with no English page, an Easy Read version
    with no standard page. Welsh readers would otherwise get English without warning."""
    findings = []
    keys = {source.key for source in sources}
    english = languages[0]
    for source in sources:
        kind, slug, variant, language = source.key
        if language == english:
            # A draft is not served, so it need not be translated yet; once published it must.
            missing = [] if source.meta.get("draft") is True else languages[1:]
            for other in missing:
                if (kind, slug, variant, other) not in keys:
                    name = _file_name(slug, variant, other)
                    findings.append(
                        source.finding(
                            1,
                            "error",
                            "missing-translation",
                            f"there is no {english_name(other)} translation ({name})",
                            f"add {name} beside this file, then run "
                            f"`{MARK_TRANSLATED} {source.path.parent / name}`",
                        )
                    )
        elif (kind, slug, variant, english) not in keys:
            name = _file_name(slug, variant, english)
            findings.append(
                source.finding(
                    1,
                    "error",
                    "orphan",
                    f"this translates {name}, which does not exist",
                    f"add {name}, or rename this file to match the English page it translates",
                )
            )
        if variant and language == english and (kind, slug, None, english) not in keys:
            findings.append(
                source.finding(
                    1,
                    "error",
                    "orphan",
                    f"this is a version of {slug}.md, which does not exist",
                    f"add {slug}.md, or rename this file to match the page it is a version of",
                )
            )
    return findings


def _file_name(slug: str, variant: str | None, language: str) -> str:
    parts = [slug, variant, None if language == "en" else language, "md"]
    return ".".join(part for part in parts if part)


_HASH = re.compile(r"^[0-9a-f]{12}$")


def check_translations_current(sources: list[Source], languages) -> list[Finding]:
    """Translations made from an older English page: the English changed after this was
    translated (its `source_hash` is not the English file's hash now), or no record of
    which English version it was made from."""
    findings = []
    by_key = {source.key: source for source in sources}
    for source in sources:
        kind, slug, variant, language = source.key
        english = by_key.get((kind, slug, variant, languages[0]))
        if language == languages[0] or english is None:
            continue
        recorded = source.meta.get("source_hash")
        command = f"`{MARK_TRANSLATED} {source.path}`"
        if recorded is None:
            findings.append(
                source.finding(
                    1,
                    "error",
                    "missing-source-hash",
                    "no source_hash: record which English version this translates",
                    f"check it says what {english.path.name} says, then run {command}",
                )
            )
        elif _HASH.match(str(recorded)) and recorded != source_hash(english.text):
            findings.append(
                source.finding(
                    source.field_line("source_hash"),
                    "error",
                    "stale-translation",
                    f"stale: the English page changed after this was translated "
                    f"({english.path.name})",
                    f"update the translation, then run {command}",
                )
            )
    return findings
