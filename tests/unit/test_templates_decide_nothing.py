"""Templates read results; they never look at a person's needs to decide something.

Every decision from declared needs is made in Python (portal.needs.personalise, the
visitor, portal.needs.summary) where it is tested; a template that reads `needs.` or
`layout.needs` would be a second place deciding."""

import re

from config import ROOT

# `needs.` or `needs[` read as a value (`needs.lite`, `layout.needs.declared`), but not a
# route name in quotes (url_for('needs.question')) or a module path (portal.needs.summary).
READS_NEEDS = re.compile(r"(?<!['\"])(?<!portal\.)\bneeds\s*[.\[]")


def template_lines():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        for number, line in enumerate(text.splitlines(), 1):
            yield path.relative_to(ROOT), number, line


def test_no_template_reads_needs_to_decide_something():
    found = [
        f"{path}:{n}: {line.strip()}"
        for path, n, line in template_lines()
        if READS_NEEDS.search(line)
    ]
    assert not found, "templates reading needs:\n" + "\n".join(found)


def test_the_check_finds_a_template_that_reads_needs():
    assert READS_NEEDS.search("{% if needs.lite %}")
    assert READS_NEEDS.search("{{ layout.needs.declared }}")
    assert READS_NEEDS.search("{{ submission.needs['channels'] }}")
    assert not READS_NEEDS.search("url_for('needs.question', slug=slug)")
    assert not READS_NEEDS.search('url_for("needs.saved")')
    assert not READS_NEEDS.search("see portal.needs.personalise")
