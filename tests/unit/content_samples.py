"""Small pieces of content shared by the unit tests of the loader, the renderer and the
checks: a taxonomy with one department and one topic, and a service's front matter."""

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
