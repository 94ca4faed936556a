"""Read content files: YAML front matter validated against the schema, markdown body rendered.

Any mistake stops start-up with a message that names the file, the field and what was
expected, so that a broken page never reaches a citizen.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import frontmatter
import yaml
from flask import g, has_app_context
from flask_babel import force_locale
from markupsafe import Markup
from pydantic import BaseModel, ValidationError

from portal.publishing.govspeak import ENGLISH_LABELS, translated_labels
from portal.publishing.markdown import Segment, render_segments
from portal.publishing.schema import META_FOR_KIND, VARIANTS, PageMeta, ServiceMeta, Taxonomy


class _FastYAMLHandler(frontmatter.YAMLHandler):
    """Front matter read with libyaml's C parser (safe loading, as before), which is many
    times faster than the pure Python one when the index holds thousands of pages."""

    def load(self, fm: str, **kwargs):
        return yaml.load(fm, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


FAST_YAML = _FastYAMLHandler()


class ContentError(Exception):
    """A content file that cannot be published, with everything needed to fix it."""


# Markdown link targets, for text that is searched: `[words](/services/x)` -> `words`.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@dataclass(frozen=True)
class Page:
    """One published page in one language.

    The body is rendered from its markdown the first time a reader asks for the page, not
    when the index is built: start-up stays fast with thousands of pages, and most pages
    are never asked for by one server between deploys. Rendering cannot fail, so nothing
    a check could catch is put off.
    """

    kind: str
    slug: str
    language: str
    variant: str | None
    meta: PageMeta
    markdown: str = field(repr=False)
    source: Path

    @property
    def service_meta(self) -> ServiceMeta:
        """The front matter of a service (a page of kind "services"): a guide's fields, its
        channels and its costs."""
        if not isinstance(self.meta, ServiceMeta):
            raise TypeError(f"{self.source} is a {self.kind} page, not a service")
        return self.meta

    @cached_property
    def segments(self) -> tuple[Segment, ...]:
        """The body cut at its needs-aware blocks, for the page to show each block or not."""
        return render_segments(self.markdown, _labels(self.language))

    @cached_property
    def body(self) -> Markup:
        """The whole body as HTML, every block included."""
        return Markup("").join(segment.html for segment in self.segments)

    @cached_property
    def text(self) -> str:
        """The body's words for search, without rendering it: markdown punctuation is
        ignored by the search's word splitting, and link addresses are dropped."""
        return _LINK_TARGET.sub("] ", self.markdown)


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
        found = problem.get("input")
        if problem["type"] == "missing":
            message = "this field is required"
        elif problem["type"] == "extra_forbidden":
            message = "this field is not in the schema (check the spelling in the content guide)"
        elif not isinstance(found, dict | list):  # a whole file or list says nothing useful
            message = f"{message} (found {found!r})"
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
        post = frontmatter.loads(path.read_text(encoding="utf-8"), handler=FAST_YAML)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: the front matter cannot be read: {error}") from None
    context = {
        "departments": list(taxonomy.departments),
        "topics": list(taxonomy.topics),
        "life_events": list(taxonomy.life_events),
    }
    schema = PageMeta if variant else META_FOR_KIND[kind]
    meta = validate(schema, post.metadata, path, context)
    return Page(
        kind=kind,
        slug=slug,
        language=language,
        variant=variant,
        meta=meta,
        markdown=post.content,
        source=path,
    )


def _labels(language: str) -> dict[str, str]:
    """Labels in the page's language ("Warning", "This applies in Wales").

    The index is built inside an app context; without one (a script), English. Looked up
    once per language per build: thousands of pages share them.
    """
    if not has_app_context():
        return ENGLISH_LABELS
    cache = g.setdefault("content_labels", {})
    if language not in cache:
        with force_locale(language):
            cache[language] = translated_labels()
    return cache[language]
