"""Small pieces of content shared by the unit tests of the loader, the renderer and the
checks: a taxonomy with one department and one topic, a service's front matter, and place
files written the way a content designer would write them."""

from pathlib import Path

import yaml

TAXONOMY = """
departments:
  parking:
    name: {en: Parking, cy: Parcio}
topics:
  roads:
    name: {en: Roads, cy: Ffyrdd}
    description: {en: Roads and parking., cy: Ffyrdd a pharcio.}
"""

SERVICE_FRONT_MATTER = """---
title: Apply for a parking permit
summary: Get a permit to park near your home.
department: parking
topics: [roads]
owner: Parking team
last_reviewed: 2026-10-01
review_by: 2027-04-01
channels:
  phone:
    number: 029 2018 0412
    hours: Monday to Friday, 9am to 5pm
---
"""


def place_data(**overrides) -> dict:
    """A valid place, with any field replaced (a value of None removes the field)."""
    data = {
        "name": {"en": "Glanmor Library", "cy": "Llyfrgell Glanmor"},
        "kind": "library",
        "address": [{"en": "Market Square", "cy": "Sgwâr y Farchnad"}, "Heol y Castell"],
        "town": {"en": "Glanmor", "cy": "Glanmor"},
        "postcode": "CF99 1LB",
        "phone": "029 2018 0911",
        "opening_hours": [
            {
                "days": {"en": "Monday to Friday", "cy": "Dydd Llun i ddydd Gwener"},
                "hours": {"en": "9am to 5pm", "cy": "9am i 5pm"},
            }
        ],
        "help": ["free-computers"],
        "welsh_speakers": True,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def write_place(folder: Path, file_name: str, /, **overrides) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_name}.yaml"
    path.write_text(yaml.safe_dump(place_data(**overrides), allow_unicode=True), "utf-8")
    return path
