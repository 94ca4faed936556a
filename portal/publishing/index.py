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
    def build(
        cls, content_dir: Path, languages: tuple[str, ...], include_drafts: bool = False
    ) -> "ContentIndex":
        """Load and validate every content file; raise ContentError listing every problem.

        Drafts are checked like every page but left out unless `include_drafts` (the
        preview): a draft is never served to citizens."""
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
        if not include_drafts:
            pages = _without_drafts(pages, languages[0])
        problems.extend(_broken_step_links(pages))
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

    def listed(
        self,
        kind: str,
        language: str,
        topic: str | None = None,
        life_event: str | None = None,
        department: str | None = None,
    ) -> Iterator[Found]:
        """Pages of a kind, in title order, optionally only those under a topic, a life
        event or a department (the three ways into the catalogue)."""
        found = [f for slug in self.slugs(kind) if (f := self.find(kind, slug, language))]
        if topic is not None:
            found = [f for f in found if topic in getattr(f.page.meta, "topics", ())]
        if life_event is not None:
            found = [f for f in found if life_event in getattr(f.page.meta, "life_events", ())]
        if department is not None:
            found = [f for f in found if getattr(f.page.meta, "department", None) == department]
        yield from sorted(found, key=lambda f: f.page.meta.title.casefold())

    def step_by_steps_for(self, kind: str, slug: str) -> list[str]:
        """The step-by-steps that a page is part of, by slug."""
        target = f"{kind}/{slug}"
        return [
            journey
            for journey in self.slugs("step-by-step")
            if any(
                target in step.links
                for step in self.pages[
                    ("step-by-step", journey, self.languages[0], None)
                ].meta.steps
            )
        ]


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


def _without_drafts(pages: dict, default_language: str) -> dict:
    """Pages that may be published: a page is a draft when its own file or its standard
    default-language file says `draft: true`, so translations and versions go with it."""

    def draft(key) -> bool:
        kind, slug, _language, _variant = key
        standard = pages.get((kind, slug, default_language, None))
        return pages[key].meta.draft or (standard is not None and standard.meta.draft)

    return {key: page for key, page in pages.items() if not draft(key)}


def _broken_step_links(pages: dict) -> list[str]:
    """Step-by-step links to pages that do not exist: a citizen would follow them to a 404."""
    problems = []
    for (kind, _slug, _language, _variant), page in pages.items():
        if kind != "step-by-step":
            continue
        for step in page.meta.steps:
            for link in step.links:
                linked_kind, linked_slug = link.split("/")
                if not any(key[:2] == (linked_kind, linked_slug) for key in pages):
                    problems.append(
                        f"{page.source}: step '{step.title}' links to {link}, "
                        "which is not a page in content/"
                    )
    return problems


def current_content() -> ContentIndex:
    """The running app's content index."""
    return current_app.extensions["content"].index  # portal.bundle installs it
