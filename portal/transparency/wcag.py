"""WCAG 2.2 success criteria, and the ones an axe-core rule's tags point at.

axe tags each rule with the success criteria it tests, written without dots (`wcag143` is
1.4.3, `wcag1410` is 1.4.10), next to level tags (`wcag2aa`), categories (`cat.color`) and
other standards (`EN-301-549`, `ACT`). Only the success criteria become names here.
"""

import re
from collections.abc import Iterable

# Every level A and AA success criterion of WCAG 2.2 (https://www.w3.org/TR/WCAG22/), plus
# 4.1.1, which WCAG 2.2 made obsolete but which older axe rules may still be tagged with.
SUCCESS_CRITERIA = {
    "1.1.1": "Non-text Content",
    "1.2.1": "Audio-only and Video-only (Prerecorded)",
    "1.2.2": "Captions (Prerecorded)",
    "1.2.3": "Audio Description or Media Alternative (Prerecorded)",
    "1.2.4": "Captions (Live)",
    "1.2.5": "Audio Description (Prerecorded)",
    "1.3.1": "Info and Relationships",
    "1.3.2": "Meaningful Sequence",
    "1.3.3": "Sensory Characteristics",
    "1.3.4": "Orientation",
    "1.3.5": "Identify Input Purpose",
    "1.4.1": "Use of Color",
    "1.4.2": "Audio Control",
    "1.4.3": "Contrast (Minimum)",
    "1.4.4": "Resize Text",
    "1.4.5": "Images of Text",
    "1.4.10": "Reflow",
    "1.4.11": "Non-text Contrast",
    "1.4.12": "Text Spacing",
    "1.4.13": "Content on Hover or Focus",
    "2.1.1": "Keyboard",
    "2.1.2": "No Keyboard Trap",
    "2.1.4": "Character Key Shortcuts",
    "2.2.1": "Timing Adjustable",
    "2.2.2": "Pause, Stop, Hide",
    "2.3.1": "Three Flashes or Below Threshold",
    "2.4.1": "Bypass Blocks",
    "2.4.2": "Page Titled",
    "2.4.3": "Focus Order",
    "2.4.4": "Link Purpose (In Context)",
    "2.4.5": "Multiple Ways",
    "2.4.6": "Headings and Labels",
    "2.4.7": "Focus Visible",
    "2.4.11": "Focus Not Obscured (Minimum)",
    "2.5.1": "Pointer Gestures",
    "2.5.2": "Pointer Cancellation",
    "2.5.3": "Label in Name",
    "2.5.4": "Motion Actuation",
    "2.5.7": "Dragging Movements",
    "2.5.8": "Target Size (Minimum)",
    "3.1.1": "Language of Page",
    "3.1.2": "Language of Parts",
    "3.2.1": "On Focus",
    "3.2.2": "On Input",
    "3.2.3": "Consistent Navigation",
    "3.2.4": "Consistent Identification",
    "3.2.6": "Consistent Help",
    "3.3.1": "Error Identification",
    "3.3.2": "Labels or Instructions",
    "3.3.3": "Error Suggestion",
    "3.3.4": "Error Prevention (Legal, Financial, Data)",
    "3.3.7": "Redundant Entry",
    "3.3.8": "Accessible Authentication (Minimum)",
    "4.1.1": "Parsing",
    "4.1.2": "Name, Role, Value",
    "4.1.3": "Status Messages",
}

# Principles and guidelines are single digits (1-4, x.1-x.5); the criterion is the rest.
_CRITERION_TAG = re.compile(r"wcag(\d)(\d)(\d+)")


def criterion_number(tag: str) -> str | None:
    """`wcag1410` -> `1.4.10`; None for a tag that is not a success criterion."""
    match = _CRITERION_TAG.fullmatch(tag)
    return ".".join(match.groups()) if match else None


def success_criteria(tags: Iterable[str]) -> list[str]:
    """The success criteria in axe tags, as "1.4.3 Contrast (Minimum)", in WCAG order.

    A criterion missing from the table (a level AAA one) is given by its number alone.
    """
    numbers = {number for number in map(criterion_number, tags) if number}
    ordered = sorted(numbers, key=lambda number: tuple(int(part) for part in number.split(".")))
    return [
        f"{number} {SUCCESS_CRITERIA[number]}" if number in SUCCESS_CRITERIA else number
        for number in ordered
    ]
