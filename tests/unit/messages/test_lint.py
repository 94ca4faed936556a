"""The message template checks: each finds its problem, on the right line, with a fix."""

from pathlib import Path

from portal.messages.kinds import KINDS
from portal.messages.lint import check_messages
from portal.publishing.sources import Finding
from tests.unit.messages.files import NEEDS_CODE, valid, write

NEEDS_CODE_PATH = Path("messages/needs-code.yaml")


def check(tmp_path: Path, name: str, text: str | bytes) -> list[Finding]:
    """The findings about one file, among valid files for every other kind."""
    write(tmp_path, {})
    path = tmp_path / "messages" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return [f for f in check_messages(tmp_path) if f.path == path]


def only(findings: list[Finding], code: str, line: int) -> Finding:
    """The one finding, after checking it has this code and line and is an error."""
    assert [(f.code, f.line, f.severity) for f in findings] == [(code, line, "error")], findings
    return findings[0]


def without(findings: list[Finding], *codes: str) -> list[Finding]:
    """The findings but those with `codes` (a change to one language of a part also makes
    the English and Welsh differ, say)."""
    return [f for f in findings if f.code not in codes]


def test_valid_templates_have_no_findings(tmp_path):
    write(tmp_path, {"needs-code.yaml": NEEDS_CODE})
    assert check_messages(tmp_path) == []


def test_the_real_templates_have_no_findings():
    assert check_messages(Path("content")) == []


def test_a_file_that_names_no_kind(tmp_path):
    found = only(check(tmp_path, "needs-cod.yaml", NEEDS_CODE), "message-kind", 1)
    assert "needs-cod is not a kind of message" in found.message
    assert "did you mean needs-code.yaml?" in found.fix
    assert all(f"{kind}.yaml" in found.fix for kind in KINDS)


def test_a_kind_with_no_file(tmp_path):
    write(tmp_path, {})
    (tmp_path / "messages" / "draft-expiring.yaml").unlink()
    found = only(check_messages(tmp_path), "message-kind", 1)
    assert found.path == tmp_path / "messages" / "draft-expiring.yaml"
    assert "create content/messages/draft-expiring.yaml" in found.fix
    assert "email and sms" in found.fix


def test_no_messages_folder_means_no_messages_and_no_findings(tmp_path):
    assert check_messages(tmp_path) == []


def test_an_empty_messages_folder_is_every_kind_missing(tmp_path):
    (tmp_path / "messages").mkdir()
    found = check_messages(tmp_path)
    assert {f.path.name for f in found} == {f"{kind}.yaml" for kind in KINDS}
    assert {f.code for f in found} == {"message-kind"}


def test_a_missing_channel_section(tmp_path):
    text = NEEDS_CODE.split("sms:")[0]
    found = only(check(tmp_path, "needs-code.yaml", text), "message-channel", 1)
    assert found.message == "there is no sms section: needs-code messages go by email and sms"
    assert 'sms: {en: "...", cy: "..."}' in found.fix


def test_a_section_for_a_channel_the_kind_does_not_go_by(tmp_path):
    text = NEEDS_CODE + 'letter:\n  subject: {en: "A", cy: "B"}\n  body: {en: "C", cy: "D"}\n'
    found = only(check(tmp_path, "needs-code.yaml", text), "message-channel", 21)
    assert "needs-code messages do not go by letter" in found.message
    assert found.fix.startswith("remove the letter section")


def test_a_misspelt_channel(tmp_path):
    text = NEEDS_CODE.replace("sms:", "smss:")
    findings = check(tmp_path, "needs-code.yaml", text)
    assert [(f.code, f.line) for f in findings] == [
        ("message-channel", 1),  # no sms section
        ("message-channel", 18),
    ]
    assert findings[1].message == "'smss' is not a channel"
    assert "correct the spelling" in findings[1].fix


def test_missing_welsh(tmp_path):
    text = NEEDS_CODE.replace('  cy: "Eich cod yw ((needs_code)). Ewch i ((link))"\n', "")
    found = only(check(tmp_path, "needs-code.yaml", text), "message-language", 18)
    assert found.message == "the text message has no Welsh"
    assert 'add `cy: "..."` under `sms:`' in found.fix


def test_missing_english(tmp_path):
    text = NEEDS_CODE.replace('    en: "Your code: ((needs_code))"\n', "")
    found = only(check(tmp_path, "needs-code.yaml", text), "message-language", 2)
    assert found.message == "the email subject has no English"
    assert 'add `en: "..."` under `subject:`' in found.fix


def test_empty_text(tmp_path):
    text = NEEDS_CODE.replace('cy: "Eich cod: ((needs_code))"', 'cy: " "')
    found = only(check(tmp_path, "needs-code.yaml", text), "message-empty", 4)
    assert found.message == "the Welsh email subject is empty"
    assert "write the Welsh words after `cy:`" in found.fix


def test_an_unknown_placeholder(tmp_path):
    text = NEEDS_CODE.replace("Go to ((link))\n", "Go to ((lnk))\n")
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-placeholder", 9)
    assert "((lnk)) in the English email body is not a placeholder" in found.message
    assert "did you mean ((link))?" in found.fix
    assert "((link)), ((needs_code)), ((stop_link))" in found.fix


def test_the_fix_names_only_the_placeholders_the_channel_may_carry(tmp_path):
    text = NEEDS_CODE.replace('en: "Your code is', 'en: "((code)) Your code is')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-placeholder", 19)
    assert found.fix.endswith("Use one of ((link)), ((needs_code)) (portal/messages/kinds.py)")


def test_personal_data_in_a_text_message(tmp_path):
    text = valid("request-updated").replace('en: "Text', 'en: "Text ((staff_message))')
    line = next(n for n, x in enumerate(text.splitlines(), 1) if x.startswith('  en: "Text'))
    findings = check(tmp_path, "request-updated.yaml", text)
    # At its longest (1,000 characters) it is too long for a text message as well; but
    # the Welsh is not told to add it.
    findings = without(findings, "message-sms-length")
    found = only(findings, "message-placeholder", line)
    assert found.message == (
        "((staff_message)) cannot go in a text message: personal data goes by email only"
    )
    assert "remove ((staff_message)) from the English text message" in found.fix
    assert "((link))" in found.fix


def test_english_and_welsh_with_different_placeholders(tmp_path):
    text = NEEDS_CODE.replace(
        'cy: "Eich cod yw ((needs_code)). Ewch i ((link))"', 'cy: "Ewch i ((link))"'
    )
    found = only(check(tmp_path, "needs-code.yaml", text), "message-language", 20)
    assert found.message.startswith("the Welsh text message has no ((needs_code))")
    assert "add ((needs_code)) to the Welsh text message" in found.fix


def test_an_email_body_without_the_stop_link(tmp_path):
    text = NEEDS_CODE.replace("I stopio'r negeseuon hyn: ((stop_link))", "Diolch")
    findings = check(tmp_path, "needs-code.yaml", text)
    stop = [f for f in findings if f.code == "message-stop-link"]
    assert [(f.line, f.severity) for f in stop] == [(12, "error")]
    assert "the Welsh email body has no ((stop_link))" in stop[0].message
    assert "((stop_link))" in stop[0].fix
    # Not also "the English has ((stop_link)), the Welsh does not": the fix is the same.
    assert {f.code for f in findings} == {"message-stop-link"}


def test_a_long_text_message_in_gsm7(tmp_path):
    long = "a" * 307
    text = NEEDS_CODE.replace('en: "Your code is ((needs_code)). Go to ((link))"', f'en: "{long}"')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-sms-length", 19)
    assert "is 3 fragments" in found.message
    assert "in GSM-7: 153 characters a fragment" in found.message
    assert "at most 2 are allowed" in found.message
    assert found.fix.startswith("cut at least")


def test_placeholders_are_counted_at_their_longest(tmp_path):
    # 259 characters as written, 311 with ((link)) at its 60.
    sms = "a" * 250 + " ((link))"
    text = NEEDS_CODE.replace('en: "Your code is ((needs_code)). Go to ((link))"', f'en: "{sms}"')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-sms-length", 19)
    assert "(311 characters" in found.message
    assert found.fix == "cut at least 5 characters, to 306 or fewer counting ((link)) as 60"


def test_a_welsh_circumflex_makes_a_text_message_ucs2(tmp_path):
    # 140 characters: 2 fragments in GSM-7, 3 in UCS-2.
    sms = "Gwasanaeth ŵyr " + "a" * 125
    text = NEEDS_CODE.replace('cy: "Eich cod yw ((needs_code)). Ewch i ((link))"', f'cy: "{sms}"')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-sms-length", 20)
    assert "the Welsh text message is 3 fragments" in found.message
    assert (
        "ŵ is not in the GSM-7 alphabet, so the message counts as UCS-2: "
        "67 characters a fragment" in found.message
    )
    assert "cut at least 6 characters, to 134 or fewer" in found.fix


def test_curly_quotes_are_named_as_a_way_back_to_gsm7(tmp_path):
    sms = "We\u2019ll call " + "a" * 130  # a curly apostrophe
    text = NEEDS_CODE.replace('en: "Your code is ((needs_code)). Go to ((link))"', f'en: "{sms}"')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-sms-length", 19)
    assert "or write ' for \u2019, which keeps it GSM-7" in found.fix


def test_an_unbalanced_placeholder(tmp_path):
    text = NEEDS_CODE.replace("Ewch i ((link))\n", "Ewch i ((link)\n")
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-placeholder", 15)
    assert "'((link)' in the Welsh email body is not a placeholder" in found.message
    assert found.fix.startswith("write ((link))")


def test_spaces_inside_a_placeholder(tmp_path):
    text = NEEDS_CODE.replace('Ewch i ((link))"', 'Ewch i (( link ))"')
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-placeholder", 20)
    assert "'(( link ))'" in found.message
    assert found.fix.startswith("write ((link)): two brackets each side and no spaces")


def test_a_yaml_syntax_error_is_a_finding_with_its_line(tmp_path):
    text = NEEDS_CODE.replace('  en: "Your code is', '  en: "Your code is" "')
    found = only(check(tmp_path, "needs-code.yaml", text), "message-yaml", 19)
    assert found.message.startswith("the YAML cannot be read")
    assert "double quotes" in found.fix


def test_a_text_message_in_one_language_only(tmp_path):
    text = NEEDS_CODE.split("sms:")[0] + 'sms: "Your code is ((needs_code))"\n'
    found = only(check(tmp_path, "needs-code.yaml", text), "message-yaml", 18)
    assert found.message == "the text message should be written in English and Welsh"
    assert 'sms: {en: "...", cy: "..."}' in found.fix


def test_a_value_that_is_not_text(tmp_path):
    text = NEEDS_CODE.replace('cy: "Eich cod: ((needs_code))"', "cy: 123")
    findings = without(check(tmp_path, "needs-code.yaml", text), "message-language")
    found = only(findings, "message-yaml", 4)
    assert found.message == "the Welsh email subject should be text"
    assert "double quotes" in found.fix


def test_a_key_given_twice(tmp_path):
    text = NEEDS_CODE + '  en: "Your code is ((needs_code)). Go to ((link))"\n'
    found = only(check(tmp_path, "needs-code.yaml", text), "message-yaml", 21)
    assert found.message == "en is given twice (first on line 19): only this one would be used"
    assert found.fix == "keep one of them"


def test_an_email_without_a_body(tmp_path):
    lines = NEEDS_CODE.splitlines(keepends=True)
    text = "".join(lines[:4] + lines[17:])
    found = only(check(tmp_path, "needs-code.yaml", text), "message-yaml", 1)
    assert found.message == "the email section has no body"
    assert "add `body:" in found.fix


def test_a_file_that_is_not_utf8_or_empty_does_not_raise(tmp_path):
    found = only(
        check(tmp_path, "needs-code.yaml", "Diolch ŵ".encode("cp1252", "replace") + b"\xff"),
        "message-yaml",
        1,
    )
    assert "UTF-8" in found.fix
    found = only(check(tmp_path, "needs-code.yaml", ""), "message-yaml", 1)
    assert found.message == "the file is empty"
    assert "email" in found.fix
