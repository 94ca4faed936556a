"""Message templates: read from content/messages, refused when broken, filled in."""

import dataclasses
from types import MappingProxyType

import pytest

from portal.messages.kinds import KINDS
from portal.messages.templates import (
    Rendered,
    load_message_templates,
    malformed_placeholders,
    placeholders,
)
from portal.publishing.loader import ContentError
from tests.unit.messages.files import NEEDS_CODE, valid, write

VALUES = {"needs_code": "AB12CD", "link": "https://glanmor.example/x", "stop_link": "https://s"}


def templates(tmp_path, files: dict[str, str] | None = None):
    return load_message_templates(write(tmp_path, files or {}) / "messages")


def refused(tmp_path, files: dict[str, str], others: bool = True) -> str:
    with pytest.raises(ContentError) as raised:
        load_message_templates(write(tmp_path, files, others) / "messages")
    return str(raised.value)


def test_every_kind_is_loaded_by_kind(tmp_path):
    loaded = templates(tmp_path)
    assert isinstance(loaded, MappingProxyType)
    assert set(loaded) == set(KINDS)
    assert loaded["form-sent"].kind == "form-sent"
    assert loaded["form-sent"].path == tmp_path / "messages" / "form-sent.yaml"
    assert loaded["form-sent"].channels == ("email", "sms", "letter")
    assert loaded["needs-code"].channels == ("email", "sms")


def test_placeholders_are_the_names_in_double_brackets():
    assert placeholders("((reference)) and ((link)), ((reference)) (no) ((( link )))") == {
        "reference",
        "link",
    }


def test_malformed_placeholders():
    text = "((reference) and (( link )) and stop_link)) but ((form_title)) is fine"
    assert [bad for _, bad in malformed_placeholders(text)] == [
        "((reference)",
        "(( link ))",
        "stop_link))",
    ]


def test_render_an_email_in_english(tmp_path):
    template = templates(tmp_path, {"needs-code.yaml": NEEDS_CODE})["needs-code"]
    rendered = template.render("email", "en", VALUES)
    assert rendered == Rendered(
        subject="Your code: AB12CD",
        body="Your code is AB12CD.\n\nGo to https://glanmor.example/x\n\n"
        "To stop these emails: https://s",
    )


def test_render_a_text_message_in_welsh_has_no_subject(tmp_path):
    template = templates(tmp_path, {"needs-code.yaml": NEEDS_CODE})["needs-code"]
    rendered = template.render("sms", "cy", {**VALUES, "unused": "extra keys are fine"})
    assert rendered == Rendered(None, "Eich cod yw AB12CD. Ewch i https://glanmor.example/x")


def test_render_a_letter(tmp_path):
    rendered = templates(tmp_path)["form-sent"].render(
        "letter",
        "cy",
        {"form_title": "Bins", "link": "L", "reference": "R", "what_happens_next": "W"},
    )
    assert rendered == Rendered("Pwnc", "Corff Bins L R W")


def test_rendered_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Rendered(None, "body").body = "changed"  # type: ignore[misc]


def test_a_missing_value_raises_key_error_naming_the_placeholder(tmp_path):
    template = templates(tmp_path, {"needs-code.yaml": NEEDS_CODE})["needs-code"]
    with pytest.raises(KeyError) as raised:
        template.render("sms", "en", {"needs_code": "AB12CD"})
    assert raised.value.args == ("link",)


def test_a_value_is_not_read_for_placeholders(tmp_path):
    template = templates(tmp_path, {"needs-code.yaml": NEEDS_CODE})["needs-code"]
    rendered = template.render("sms", "en", {**VALUES, "needs_code": "((link))"})
    assert rendered.body == "Your code is ((link)). Go to https://glanmor.example/x"


def test_a_channel_or_language_without_words_is_refused(tmp_path):
    template = templates(tmp_path)["needs-code"]
    with pytest.raises(ValueError, match="do not go by 'letter'"):
        template.render("letter", "en", VALUES)
    with pytest.raises(ValueError, match="not 'ar'"):
        template.render("sms", "ar", VALUES)


def test_trailing_whitespace_of_a_body_is_dropped(tmp_path):
    text = NEEDS_CODE.replace(
        'en: "Your code is ((needs_code)). Go to ((link))"',
        "en: |\n    Your code is ((needs_code)).   \n    Go to ((link))\n\n",
    )
    template = templates(tmp_path, {"needs-code.yaml": text})["needs-code"]
    assert template.render("sms", "en", VALUES).body == (
        "Your code is AB12CD.\nGo to https://glanmor.example/x"
    )
    assert template.render("email", "en", VALUES).body.endswith("https://s")


def test_a_missing_language_is_refused_naming_file_and_field(tmp_path):
    text = NEEDS_CODE.replace('  cy: "Eich cod yw ((needs_code)). Ewch i ((link))"\n', "")
    problem = refused(tmp_path, {"needs-code.yaml": text})
    path = tmp_path / "messages" / "needs-code.yaml"
    assert problem == f"{path}: field 'sms.cy': this field is required"


def test_empty_text_and_unknown_fields_are_refused(tmp_path):
    text = (
        valid("needs-code")
        .replace('cy: "Pwnc"', 'cy: "  "')
        .replace("sms:\n", "sms:\n  fr: Bonjour\n")
    )
    problem = refused(tmp_path, {"needs-code.yaml": text})
    assert "field 'email.subject.cy': there are no words" in problem
    assert "field 'sms.fr': this field is not in the schema" in problem


def test_a_missing_or_extra_channel_is_refused(tmp_path):
    letter = "letter:" + valid("form-sent").split("letter:")[1]
    text = valid("needs-code").split("sms:")[0] + letter
    problem = refused(tmp_path, {"needs-code.yaml": text})
    assert "field 'sms': this field is required" in problem
    assert "field 'letter': needs-code messages do not go by letter" in problem


def test_placeholders_the_code_does_not_fill_or_the_channel_may_not_carry(tmp_path):
    text = valid("request-updated").replace('en: "Text', 'en: "((staff_message)) ((refrence)) Text')
    problem = refused(tmp_path, {"request-updated.yaml": text})
    assert "field 'sms.en': ((staff_message)) may go only by email" in problem
    assert "field 'sms.en': ((refrence)) is not filled in for request-updated messages" in problem


def test_malformed_brackets_are_refused(tmp_path):
    text = NEEDS_CODE.replace('Ewch i ((link))"', 'Ewch i ((link)"')
    problem = refused(tmp_path, {"needs-code.yaml": text})
    assert "field 'sms.cy': '((link)' is not a placeholder" in problem


def test_a_file_that_names_no_kind_is_refused(tmp_path):
    problem = refused(tmp_path, {"form-sen.yaml": valid("form-sent")})
    assert f"{tmp_path / 'messages' / 'form-sen.yaml'}: form-sen is not a kind of message" in (
        problem
    )


def test_a_kind_with_no_file_is_refused(tmp_path):
    write(tmp_path, {})
    (tmp_path / "messages" / "draft-saved.yaml").unlink()
    with pytest.raises(ContentError) as raised:
        load_message_templates(tmp_path / "messages")
    assert str(raised.value) == (
        f"{tmp_path / 'messages' / 'draft-saved.yaml'}: there is no file for draft-saved messages"
    )


def test_every_problem_is_listed(tmp_path):
    problem = refused(
        tmp_path,
        {"needs-code.yaml": "email: [\n", "form-sent.yaml": "- a list\n"},
        others=False,
    )
    lines = [line for line in problem.splitlines() if line.startswith(str(tmp_path))]
    assert any("needs-code.yaml: cannot be read as YAML" in line for line in lines)
    assert any(
        "form-sent.yaml: the file should hold a section for each channel" in line for line in lines
    )
    missing = {kind for kind in KINDS if f"there is no file for {kind} messages" in problem}
    assert missing == set(KINDS) - {"needs-code", "form-sent"}


def test_no_folder_means_no_messages(tmp_path):
    assert dict(load_message_templates(tmp_path / "messages")) == {}


def test_an_empty_folder_is_every_kind_missing(tmp_path):
    (tmp_path / "messages").mkdir()
    with pytest.raises(ContentError) as raised:
        load_message_templates(tmp_path / "messages")
    assert len(str(raised.value).splitlines()) == len(KINDS)
