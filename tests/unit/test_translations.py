"""Every interface string has a Welsh translation, and the template matches the code."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from config import ROOT

TEMPLATE = ROOT / "translations" / "messages.pot"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def messages(path: Path):
    with path.open("rb") as file:
        return [message for message in read_po(file) if message.id]


def catalogues():
    return sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))


def test_the_translation_template_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            Path(sys.executable).with_name("pybabel"),
            "extract",
            "--no-location",
            "--omit-header",
            "--sort-output",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert {m.id for m in messages(fresh)} == {m.id for m in messages(TEMPLATE)}, (
        "Interface strings changed: run `make translations` and translate the new ones."
    )


@pytest.mark.parametrize("catalogue", catalogues(), ids=lambda p: p.parts[-3])
def test_every_string_is_translated_and_not_fuzzy(catalogue):
    template_ids = {m.id for m in messages(TEMPLATE)}
    translated = {m.id: m for m in messages(catalogue)}
    assert set(translated) == template_ids, "run `make translations`"
    for message in translated.values():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"no translation for {message.id!r}"
        assert not message.fuzzy, f"fuzzy translation for {message.id!r}"
        source = message.id if isinstance(message.id, str) else message.id[0]
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == set(PLACEHOLDER.findall(source)), (
                f"placeholders differ in {message.id!r}"
            )


def test_welsh_has_six_plural_forms():
    with (ROOT / "translations/cy/LC_MESSAGES/messages.po").open("rb") as file:
        catalogue = read_po(file)
    assert catalogue.num_plurals == 6
    plurals = [m for m in catalogue if m.id and m.pluralizable]
    assert plurals, "expected at least one plural message"
    assert all(len(m.string) == 6 for m in plurals)
