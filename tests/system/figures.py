"""Figures the system tests print: requests, errors and submissions, for the record."""

import sys


def report(title: str, **figures) -> None:
    """One line per figure on the terminal, whatever pytest captures."""
    lines = [f"\n[{title}]"] + [
        f"  {name.replace('_', ' ')}: {value}" for name, value in figures.items()
    ]
    sys.__stdout__.write("\n".join(lines) + "\n")
    sys.__stdout__.flush()
