"""The directory of places that help people get online, and finding the ones near someone.

Built once from content/places/ when the portal starts, like the content index. Requests
never touch the file system, and nothing is sent to an outside service: a search compares
what the reader typed with the towns and postcodes in the files.

What a reader can type, and what it finds:

- a town or village, in English or Welsh ("St Idris", "Llanidris"). Case, accents, spaces,
  hyphens, full stops and apostrophes do not matter ("cwm-glan" is "Cwm Glan"), nor does
  "Saint" for "St". A Welsh mutation of the first letter does not matter either:
  "Nghwm Glan" (from "yng Nghwm Glan") finds Cwm Glan and "Bontfaelog" (from "i
  Bontfaelog") finds Pontfaelog, because what was typed is also tried as each word it
  could be a mutation of (portal.search.welsh.radicals). Only the first letter is undone,
  and the query must be the town's name alone, not a sentence. Three or more letters that
  begin a town's name are enough ("Aber" finds Abermor).
- a full postcode ("CF99 1AB"), a sector ("CF99 1") or a district ("CF99"), in any case,
  with or without spaces.

Places that match what was typed (the town, the postcode sector, or the district when a
district was typed) come first, then the other places in the same postcode district; each
group is ordered by name in the reader's language. An empty query lists every place.
Anything else finds nothing, and no input can raise an error.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml
from flask import current_app

from portal.places.schema import HELP, Place
from portal.publishing.loader import ContentError, validate
from portal.search.text import WORD, fold
from portal.search.welsh import radicals

MAX_QUERY_CHARS = 100
# The filter for places where someone can help in Welsh, beside the kinds of help.
IN_WELSH = "help-in-welsh"
FILTERS = (*HELP, IN_WELSH)
# The shortest start of a town's name that finds it: "Cwm" finds "Cwm Glan".
MIN_PREFIX = 3

# Outward code (district) with its inward code, or part of it. Read with spaces removed,
# district first: "CF99" is the district CF99, not the sector CF9 9.
DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
SECTOR = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])[A-Z]{0,2}$")


@dataclass(frozen=True)
class Results:
    """The places found: those matching what was typed, then others in the same district."""

    matching: tuple[Place, ...] = ()
    nearby: tuple[Place, ...] = ()

    @property
    def places(self) -> list[Place]:
        return [*self.matching, *self.nearby]


def clean_query(query: str) -> str:
    """What the reader typed, safe to compare and show again: control and unassigned
    characters removed, spaces collapsed, at most MAX_QUERY_CHARS characters."""
    head = query[: MAX_QUERY_CHARS * 2]
    kept = "".join(char if unicodedata.category(char)[0] != "C" else " " for char in head)
    return " ".join(kept.split())[:MAX_QUERY_CHARS].strip()


def town_key(text: str) -> str:
    """A town's name as compared: folded letters and digits only, "Saint" as "St"."""
    key = "".join(WORD.findall(fold(text)))
    return "st" + key.removeprefix("saint") if key.startswith("saint") else key


def _postcode(query: str) -> tuple[str, str | None] | None:
    """(district, sector or None) when the query is a postcode or the start of one."""
    compact = "".join(query.split()).upper()
    if DISTRICT.match(compact):
        return compact, None
    match = SECTOR.match(compact)
    if match:
        return match[1], f"{match[1]} {match[2]}"
    return None


@dataclass(frozen=True)
class PlaceDirectory:
    """Every place, by slug. Immutable: a change to content/ builds a new directory."""

    places: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def build(cls, folder: Path) -> "PlaceDirectory":
        """Every place in `folder` (none if there is no folder); a broken file stops
        start-up with a ContentError naming every file and field that is wrong."""
        places, problems = {}, []
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            try:
                places[path.stem] = load_place(path)
            except ContentError as error:
                problems.append(str(error))
        if problems:
            raise ContentError("\n".join(problems))
        return cls(MappingProxyType(places))

    def get(self, slug: str) -> Place | None:
        return self.places.get(slug)

    def slugs(self) -> list[str]:
        return sorted(self.places)

    def find(self, query: str, language: str, help_filters: Iterable[str] = ()) -> Results:
        """The places for `query`, those matching first, each group ordered by name, with
        only those giving every kind of help in `help_filters` (unknown ones are ignored)."""
        wanted = set(help_filters) & set(FILTERS)

        def shown(found: Iterable[Place]) -> tuple[Place, ...]:
            kept = (place for place in found if _offers(place, wanted))
            return tuple(sorted(kept, key=lambda p: (fold(p.name.get(language)), p.slug)))

        places = list(self.places.values())
        query = clean_query(query)
        if not query:
            return Results(matching=shown(places))
        postcode = _postcode(query)
        if postcode is not None:
            district, sector = postcode
            if sector is None:
                return Results(matching=shown(p for p in places if p.district == district))
            matching = [place for place in places if place.sector == sector]
            districts = {district}
        else:
            matching = [place for place in places if _in_town(place, query)]
            # The town's district, whatever help its own places give: the filters may
            # leave none of them, and a place nearby may be what the reader needs.
            districts = {place.district for place in matching}
        matched = {place.slug for place in matching}
        nearby = [p for p in places if p.district in districts and p.slug not in matched]
        return Results(shown(matching), shown(nearby))

    def search(self, query: str, language: str, help_filters: Iterable[str] = ()) -> list[Place]:
        """The places for `query` in one list: matching first, then nearby."""
        return self.find(query, language, help_filters).places


def _offers(place: Place, wanted: set[str]) -> bool:
    """Whether the place gives every kind of help asked for."""
    if IN_WELSH in wanted and not place.welsh_speakers:
        return False
    return (wanted - {IN_WELSH}) <= set(place.help)


def _in_town(place: Place, query: str) -> bool:
    """Whether `query` names the place's town, allowing for a mutated first letter."""
    key = town_key(query)
    if not key:
        return False
    typed = {key, *radicals(key)}
    for town in {town_key(place.town.en), town_key(place.town.cy)}:
        if town in typed:
            return True
        if any(len(form) >= MIN_PREFIX and town.startswith(form) for form in typed):
            return True
    return False


def load_place(path: Path) -> Place:
    """One place file, validated; a ContentError names the file and each wrong field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(f"{path}: cannot be read as YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path}: expected the fields of a place (name: ..., town: ...)")
    if "slug" in data:
        raise ContentError(
            f"{path}: field 'slug': leave it out; the file's name is the place's address"
        )
    return validate(Place, {"slug": path.stem, **data}, path)


def current_places() -> PlaceDirectory:
    """The running app's directory of places."""
    return current_app.extensions["content"].places  # portal.bundle installs it
