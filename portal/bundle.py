"""Everything built from content/: the page index, the form journeys, the search index and
the places. Built together, outside the app, and installed with one assignment, so a
request sees either the old content or the new, never a mixture (the preview swaps it
while people are reading)."""

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from flask import Flask, current_app

from portal import clock
from portal.languages import Languages
from portal.messages.lint import check_messages
from portal.messages.templates import load_message_templates
from portal.places.directory import PlaceDirectory
from portal.publishing.index import ContentIndex
from portal.publishing.links import answers
from portal.publishing.lint import check_content
from portal.publishing.loader import ContentError
from portal.publishing.sources import Finding
from portal.search.index import SearchIndex
from portal.transactions.catalogue import load_forms


@dataclass(frozen=True)
class ContentBundle:
    """One consistent build of content/."""

    index: ContentIndex
    forms: MappingProxyType
    search: SearchIndex
    places: PlaceDirectory
    # Emails, text messages and letters, by kind (portal/messages/kinds.py).
    messages: MappingProxyType


def build_bundle(
    content_dir: Path, languages: tuple[str, ...], include_drafts: bool
) -> ContentBundle:
    """Read and check content/; raises ContentError (with every problem) if it is broken."""
    index = ContentIndex.build(content_dir, languages, include_drafts=include_drafts)
    return ContentBundle(
        index=index,
        forms=load_forms(content_dir / "forms", index.taxonomy, index),
        search=SearchIndex.build(index.pages, default_language=index.languages[0]),
        places=PlaceDirectory.build(content_dir / "places"),  # no folder: no places
        messages=load_message_templates(content_dir / "messages"),
    )


class BrokenContent(ContentError):
    """content/ cannot be published. Says each mistake as the content checks do (file and
    line, what is wrong, how to fix it), not as the loader first tripped over it."""

    def __init__(self, problem: ContentError, app: Flask):
        super().__init__(str(problem))
        self.content_dir = Path(app.config["CONTENT_DIR"])
        self.registry: Languages = app.extensions["languages"]
        self.url_map = app.url_map

    def findings(self) -> list[Finding]:
        """The checks' errors (warnings never stop the portal); none if the checks miss
        what the loader found, and then the loader's own words are all there is."""
        found = check_content(
            self.content_dir,
            self.registry.content_codes,
            today=clock.today(),
            reading_age_limit=99,  # reading age only ever warns
            url_languages=self.registry.codes,
            serves=lambda path: answers(self.url_map, path),
        )
        found += check_messages(self.content_dir)
        return [finding for finding in found if finding.severity == "error"]

    def lines(self) -> list[str]:
        found = self.findings()
        if not found:
            return str(self).splitlines()
        return [line for finding in found for line in finding.as_lines()]


def load_content(app: Flask) -> None:
    """Build the app's content and install it whole; BrokenContent if it cannot be."""
    content_dir = Path(app.config["CONTENT_DIR"])
    registry: Languages = app.extensions["languages"]
    # Interface labels in content are translated (flask-babel), so an app context is needed.
    with app.app_context():
        try:
            bundle = build_bundle(content_dir, registry.codes, include_drafts=app.config["PREVIEW"])
        except ContentError as problem:
            raise BrokenContent(problem, app) from None
    app.extensions["content"] = bundle


def current_bundle() -> ContentBundle:
    """The running app's content: every accessor (current_content, current_forms, ...) reads
    its part from here."""
    return current_app.extensions["content"]
