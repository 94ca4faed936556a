"""Read content files: YAML front matter validated against the schema, markdown body rendered.

Any mistake stops start-up with a message that names the file, the field and what was
expected, so that a broken page never reaches a citizen.
"""

from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml
from flask import has_app_context
from flask_babel import force_locale
from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from portal.publishing.govspeak import ENGLISH_LABELS, translated_labels
from portal.publishing.markdown import Segment, render_segments
from portal.publishing.schema import META_FOR_KIND, VARIANTS, PageMeta, Taxonomy


class ContentError(Exception):
    """A content file that cannot be published, with everything needed to fix it."""


@dataclass(frozen=True)
class Page:
    """One published page in one language."""

    kind: str
    slug: str
    language: str
    variant: str | None
    meta: PageMeta
    body: Markup
    # The body cut at its needs-aware blocks, for the page to show each block or not.
    segments: tuple[Segment, ...]
    source: Path


def split_name(path: Path, languages: tuple[str, ...]) -> tuple[str, str | None, str]:
    """`apply.easy-read.cy.md` -> ("apply", "easy-read", "cy"); `apply.md` -> (slug, None, "en")."""
    slug, *suffixes = path.name.removesuffix(".md").split(".")
    language = languages[0]
    if suffixes and suffixes[-1] in languages[1:]:
        language = suffixes.pop()
    variant = suffixes.pop() if suffixes and suffixes[-1] in VARIANTS else None
    if suffixes or not slug:
        raise ContentError(
            f"{path}: the name should be <slug>[.<version>][.<language>].md, with a version "
            f"from: {', '.join(VARIANTS)} and a language from: {', '.join(languages[1:])}"
        )
    return slug, variant, language


def describe(error: ValidationError, path: Path) -> str:
    """One line per problem: file, field, what is wrong."""
    lines = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "front matter"
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "missing":
            message = "this field is required"
        elif problem["type"] == "extra_forbidden":
            message = "this field is not in the schema (check the spelling in the content guide)"
        else:
            message = f"{message} (found {problem.get('input')!r})"
        lines.append(f"{path}: field '{field}': {message}")
    return "\n".join(lines)


def validate(model: type[BaseModel], data: object, path: Path, context: dict | None = None):
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise ContentError(describe(error, path)) from None


def load_taxonomy(path: Path) -> Taxonomy:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: cannot be read as YAML: {error}") from None
    return validate(Taxonomy, data, path)


def load_page(path: Path, kind: str, taxonomy: Taxonomy, languages: tuple[str, ...]) -> Page:
    slug, variant, language = split_name(path, languages)
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: the front matter cannot be read: {error}") from None
    context = {
        "departments": list(taxonomy.departments),
        "topics": list(taxonomy.topics),
        "life_events": list(taxonomy.life_events),
    }
    schema = PageMeta if variant else META_FOR_KIND[kind]
    meta = validate(schema, post.metadata, path, context)
    segments = render_segments(post.content, _labels(language))
    return Page(
        kind=kind,
        slug=slug,
        language=language,
        variant=variant,
        meta=meta,
        body=Markup("").join(segment.html for segment in segments),
        segments=segments,
        source=path,
    )


def _labels(language: str) -> dict[str, str]:
    """Labels in the page's language ("Warning", "This applies in Wales").

    The index is built inside an app context; without one (a script), English.
    """
    if not has_app_context():
        return ENGLISH_LABELS
    with force_locale(language):
        return translated_labels()
