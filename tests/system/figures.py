"""Figures the system tests measure (requests, errors, submissions), printed at the end of
the run by pytest_terminal_summary in conftest.py, whatever pytest captured."""

FIGURES: list[tuple[str, dict]] = []


def report(title: str, **figures) -> None:
    FIGURES.append((title, figures))


def lines() -> list[str]:
    out = []
    for title, figures in FIGURES:
        out.append(f"[{title}]")
        out.extend(f"  {name.replace('_', ' ')}: {value}" for name, value in figures.items())
    return out
