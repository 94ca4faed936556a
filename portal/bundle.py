"""Everything built from content/: the page index, the form journeys, the search index and
the places. Built together, outside the app, and installed with one assignment, so a
request sees either the old content or the new, never a mixture (the preview swaps it
while people are reading)."""

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from flask import Flask, current_app

from portal.places.directory import PlaceDirectory
from portal.publishing.index import ContentIndex
from portal.search.index import SearchIndex
from portal.transactions.catalogue import load_forms


@dataclass(frozen=True)
class ContentBundle:
    """One consistent build of content/."""

    index: ContentIndex
    forms: MappingProxyType
    search: SearchIndex
    places: PlaceDirectory


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
    )


def load_content(app: Flask) -> None:
    """Build the app's content and install it whole."""
    # Interface labels in content are translated (flask-babel), so an app context is needed.
    with app.app_context():
        bundle = build_bundle(
            Path(app.config["CONTENT_DIR"]),
            app.extensions["languages"].codes,
            include_drafts=app.config["PREVIEW"],
        )
    app.extensions["content"] = bundle


def current_bundle() -> ContentBundle:
    """The running app's content: every accessor (current_content, current_forms, ...) reads
    its part from here."""
    return current_app.extensions["content"]
