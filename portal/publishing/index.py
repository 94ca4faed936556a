"""The content index: every page in every language, built once before the first request.

Requests only read from this immutable index; they never touch the file system.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from flask import current_app

from portal.publishing.loader import ContentError, Page, load_page, load_taxonomy
from portal.publishing.schema import Taxonomy

KINDS = ("services", "guides", "pages", "step-by-step")


@dataclass(frozen=True)
class Found:
    """A page for a reader: `fallback` is true when it is not in the language asked for."""

    page: Page
    fallback: bool


@dataclass(frozen=True)
class ContentIndex:
    taxonomy: Taxonomy
    languages: tuple[str, ...]
    pages: MappingProxyType = field(repr=False)
    version: str = ""

    @classmethod
    def build(cls, content_dir: Path, languages: tuple[str, ...]) -> "ContentIndex":
        """Load and validate every content file; raise ContentError listing every problem."""
        taxonomy = load_taxonomy(content_dir / "taxonomy.yaml")
        # Keyed by (kind, slug, language, variant); variant None is the standard page.
        pages: dict[tuple[str, str, str, str | None], Page] = {}
        problems: list[str] = []
        digest = hashlib.sha256()
        for kind in KINDS:
            # A kind may have no folder yet (a portal with no step-by-steps, say).
            for path in sorted((content_dir / kind).glob("*.md")):
                digest.update(path.read_bytes())
                try:
                    page = load_page(path, kind, taxonomy, languages)
                except ContentError as error:
                    problems.append(str(error))
                    continue
                pages[(kind, page.slug, page.language, page.variant)] = page
        problems.extend(_orphans(pages, languages))
        if problems:
            raise ContentError("\n".join(problems))
        return cls(taxonomy, languages, MappingProxyType(pages), digest.hexdigest()[:12])

    def find(self, kind: str, slug: str, language: str, variant: str | None = None) -> Found | None:
        """The page in `language`, else in the default language marked as a fallback."""
        page = self.pages.get((kind, slug, language, variant))
        if page is not None:
            return Found(page, fallback=False)
        page = self.pages.get((kind, slug, self.languages[0], variant))
        return Found(page, fallback=True) if page is not None else None

    def slugs(self, kind: str) -> list[str]:
        """Every slug of a kind, from the default-language files (each page has one)."""
        return sorted(
            slug
            for (k, slug, language, variant) in self.pages
            if k == kind and language == self.languages[0] and variant is None
        )

    def variants(self, kind: str, slug: str) -> list[str]:
        """The other versions a page has (in the default language, so in every language)."""
        return sorted(
            variant
            for (k, s, language, variant) in self.pages
            if (k, s, language) == (kind, slug, self.languages[0]) and variant is not None
        )

    def listed(self, kind: str, language: str, topic: str | None = None) -> Iterator[Found]:
        """Pages of a kind, in title order, optionally only those under `topic`."""
        found = [self.find(kind, slug, language) for slug in self.slugs(kind)]
        if topic is not None:
            found = [f for f in found if topic in getattr(f.page.meta, "topics", ())]
        yield from sorted(found, key=lambda f: f.page.meta.title.casefold())


def _orphans(pages: dict, languages: tuple[str, ...]) -> list[str]:
    """Files nobody can reach: a translation with no English original, or a version of a
    page (Easy Read, say) with no standard page."""
    problems = []
    for (kind, slug, language, variant), page in pages.items():
        if language != languages[0] and (kind, slug, languages[0], variant) not in pages:
            problems.append(
                f"{page.source}: there is no {languages[0]} file beside this translation"
            )
        if variant and (kind, slug, languages[0], None) not in pages:
            problems.append(f"{page.source}: there is no standard page {kind}/{slug}.md")
    return problems


def current_content() -> ContentIndex:
    """The running app's content index."""
    return current_app.extensions["content_index"]
