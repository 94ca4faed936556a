"""Message template files for the tests: a valid one for every kind, built from the
contract, so a test changes one thing and sees one finding."""

from pathlib import Path

from portal.messages.kinds import KINDS, PLACEHOLDERS

# A needs-code template, line by line, for the tests that count lines.
NEEDS_CODE = """\
email:
  subject:
    en: "Your code: ((needs_code))"
    cy: "Eich cod: ((needs_code))"
  body:
    en: |
      Your code is ((needs_code)).

      Go to ((link))

      To stop these emails: ((stop_link))
    cy: |
      Eich cod yw ((needs_code)).

      Ewch i ((link))

      I stopio'r negeseuon hyn: ((stop_link))
sms:
  en: "Your code is ((needs_code)). Go to ((link))"
  cy: "Eich cod yw ((needs_code)). Ewch i ((link))"
"""


def _uses(kind: str, channel: str) -> str:
    """Every placeholder of the kind that the channel may carry, but the stop link."""
    names = sorted(p for p in KINDS[kind].placeholders if channel in PLACEHOLDERS[p].channels)
    return " ".join(f"(({p}))" for p in names if p != "stop_link")


def valid(kind: str) -> str:
    """A template for `kind` that every check passes."""
    sections = []
    for channel in KINDS[kind].channels:
        uses = _uses(kind, channel)
        if channel == "sms":
            sections.append(f'sms:\n  en: "Text {uses}"\n  cy: "Neges {uses}"\n')
            continue
        stop = " ((stop_link))" if channel == "email" else ""
        sections.append(
            f"{channel}:\n"
            f'  subject: {{en: "Subject", cy: "Pwnc"}}\n'
            f'  body: {{en: "Body {uses}{stop}", cy: "Corff {uses}{stop}"}}\n'
        )
    return "".join(sections)


def write(folder: Path, files: dict[str, str], others: bool = True) -> Path:
    """content/messages under `folder` holding `files` (name -> text) and, if `others`,
    a valid file for every other kind. Returns the content folder."""
    messages = folder / "messages"
    messages.mkdir(parents=True, exist_ok=True)
    if others:
        for kind in KINDS:
            (messages / f"{kind}.yaml").write_text(valid(kind), encoding="utf-8")
    for name, text in files.items():
        (messages / name).write_text(text, encoding="utf-8")
    return folder
