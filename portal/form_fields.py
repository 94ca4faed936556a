"""Small pieces every WTForms form here shares."""

from wtforms import SelectChoice


def choices(names: dict) -> list[SelectChoice]:
    """Radio, checkbox or select choices from a {value: label} dict, in its order."""
    return [SelectChoice(value, label) for value, label in names.items()]


def stripped(value):
    """A filter: spaces around typed text are never part of the answer."""
    return value.strip() if isinstance(value, str) else value
