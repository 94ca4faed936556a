"""The content checks: each finds its problem, on the right line, and says how to fix it."""

from datetime import date
from pathlib import Path

import pytest

from portal.publishing.lint import Finding, check_content
from portal.publishing.translation import source_hash
from tests.support.content import SERVICE_FRONT_MATTER, TAXONOMY

# Review dates are compared with today.
pytestmark = pytest.mark.clock

LANGUAGES = ("en", "cy")
TODAY = date(2026, 12, 1)


SERVICE_BODY = """You can get a permit if you live in a permit zone.

## Who can apply

You can apply if you live in a permit zone.

## How to apply

Phone us.
"""


def page(body: str = "Some words.\n", title: str = "A page", **fields: str) -> str:
    """A page in content/pages with valid front matter; `fields` replace or add lines."""
    front = {
        "title": title,
        "summary": "A page for testing.",
        "owner": "Content team",
        "last_reviewed": "2026-10-01",
        "review_by": "2027-04-01",
        **fields,
    }
    lines = "".join(f"{key}: {value}\n" for key, value in front.items() if value is not None)
    return f"---\n{lines}---\n{body}"


def write_content(root: Path, files: dict[str, str]) -> Path:
    """A content folder with the test taxonomy and `files` (relative path -> text)."""
    (root / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def translated(english: str, welsh: str) -> str:
    """The Welsh file, marked as translated from `english` as it is now."""
    front, _, body = welsh.removeprefix("---\n").partition("---\n")
    return f"---\n{front}source_hash: {source_hash(english)}\n---\n{body}"


def with_welsh(files: dict[str, str]) -> dict[str, str]:
    """`files` plus a current Welsh translation of each English file that has none."""
    result = dict(files)
    for name, text in files.items():
        welsh = name.removesuffix(".md") + ".cy.md"
        if not name.endswith(".cy.md") and welsh not in files:
            front = text.partition("\n---\n")[0]
            result[welsh] = translated(text, f"{front}\n---\nCymraeg.\n")
    return result


def check(tmp_path: Path, files: dict[str, str], code: str | None = None, **options):
    """The findings about `files` (given Welsh translations where they have none), only
    those with `code` if given. Findings about the added translations are left out."""
    write_content(tmp_path, with_welsh(files))
    findings = check_content(
        tmp_path,
        LANGUAGES,
        today=options.get("today", TODAY),
        reading_age_limit=options.get("limit", 11),
        url_languages=options.get("url_languages"),
    )
    written = {tmp_path / name for name in files}
    return [f for f in findings if f.path in written and (code is None or f.code == code)]


def where(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.path.name, f.line) for f in findings]


# --- the whole run ---------------------------------------------------------------------


def test_good_content_has_no_findings(tmp_path):
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "pages/cookies.md": page(
            "## Cookies\n\nSee [who can apply](/services/apply#who-can-apply).\n"
        ),
    }
    write_content(tmp_path, with_welsh(files))
    assert check_content(tmp_path, LANGUAGES, TODAY, 11) == []


def test_findings_are_sorted_by_file_then_line_and_each_has_a_fix(tmp_path):
    files = {
        "pages/b.md": page("# Title\n\n![](x.png)\n"),
        "pages/a.md": page("[here](/nowhere)\n"),
    }
    findings = check(tmp_path, files)
    assert where(findings) == sorted(where(findings))
    assert {f.path.name for f in findings} == {"a.md", "b.md"}
    assert all(f.fix and f.message and f.severity in ("error", "warning") for f in findings)


# --- 1. front matter -------------------------------------------------------------------


def test_a_misspelt_field_is_reported_on_its_own_line(tmp_path):
    text = page(review_by=None, reveiw_by="2027-04-01")
    findings = check(tmp_path, {"pages/a.md": text}, "front-matter")
    assert [(f.line, f.message) for f in findings] == [
        (1, "field 'review_by': this field is required"),
        (
            6,
            "field 'reveiw_by': this field is not in the schema "
            "(check the spelling in the content guide)",
        ),
    ]
    assert all(f.severity == "error" for f in findings)
    assert "add `review_by:`" in findings[0].fix


def test_a_nested_field_is_reported_on_the_line_of_its_parent(tmp_path):
    text = SERVICE_FRONT_MATTER.replace("    hours: Monday to Friday, 9am to 5pm\n", "")
    findings = check(tmp_path, {"services/apply.md": text + SERVICE_BODY}, "front-matter")
    assert [(f.line, f.message) for f in findings] == [
        (10, "field 'channels.phone.hours': this field is required")
    ]


def test_an_unknown_topic_is_reported_on_the_topics_line(tmp_path):
    text = SERVICE_FRONT_MATTER.replace("topics: [roads]", "topics: [rodas]")
    findings = check(tmp_path, {"services/apply.md": text + SERVICE_BODY}, "front-matter")
    assert where(findings) == [("apply.md", 5)]
    assert "unknown topic rodas; expected some of: roads" in findings[0].message


def test_a_rule_across_fields_points_at_the_first_field_it_names(tmp_path):
    text = page(last_reviewed="2027-05-01")
    findings = check(tmp_path, {"pages/a.md": text}, "front-matter")
    assert [(f.line, f.message) for f in findings] == [
        (6, "field 'front matter': review_by must be a date after last_reviewed")
    ]


def test_unreadable_yaml_is_reported_on_the_line_yaml_names(tmp_path):
    text = "---\ntitle: A page\nsummary: [not closed\nowner: Content team\n---\nWords.\n"
    findings = check(tmp_path, {"pages/a.md": text}, "front-matter")
    assert len(findings) == 1
    assert findings[0].message.startswith("the front matter cannot be read")
    assert 3 <= findings[0].line <= 5


def test_a_file_name_the_portal_cannot_serve_is_an_error(tmp_path):
    findings = check(tmp_path, {"pages/a.draft.md": page()}, "file-name")
    assert where(findings) == [("a.draft.md", 1)]


# --- 2. links and anchors --------------------------------------------------------------


def test_a_link_to_a_page_that_does_not_exist_is_an_error(tmp_path):
    files = {"pages/a.md": page("Intro.\n\nSee [parking](/services/parking-permits).\n")}
    findings = check(tmp_path, files, "broken-link")
    assert where(findings) == [("a.md", 10)]
    assert "content/services/parking-permits.md does not exist" in findings[0].message


def test_a_link_on_the_second_line_of_a_paragraph_gets_that_line(tmp_path):
    files = {"pages/a.md": page("First line,\nand [a broken link](/guides/nope).\n")}
    assert where(check(tmp_path, files, "broken-link")) == [("a.md", 9)]


@pytest.mark.parametrize(
    "href",
    [
        "/services/apply",
        "/cy/services/apply",
        "/ar/services/apply",
        "/cookies",
        "/topics/roads",
        "/your-needs",
        "/search",
        "/",
        "/cy/",
        "https://example.org/anything",
        "mailto:parking@glanmor.example",
        "/services/apply#who-can-apply",
        "/cy/services/apply#pwy-all-wneud-cais",
        "/ar/services/apply#who-can-apply",
        "#intro",
    ],
)
def test_links_that_lead_somewhere_pass(tmp_path, href):
    welsh = SERVICE_FRONT_MATTER + "## Pwy all wneud cais\n\nChi.\n"
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "services/apply.cy.md": translated(SERVICE_FRONT_MATTER + SERVICE_BODY, welsh),
        "pages/cookies.md": page(f"## Intro\n\nGo [to the page]({href}).\n"),
    }
    findings = check(tmp_path, files, url_languages=("en", "cy", "ar"))
    problems = [f for f in findings if f.code in ("broken-link", "broken-anchor")]
    assert problems == []


@pytest.mark.parametrize(
    ("href", "code", "message"),
    [
        ("/nowhere", "broken-link", "there is no page at /nowhere on this site"),
        ("/topics/bins", "broken-link", "there is no topic bins"),
        ("/forms/apply", "broken-link", "there is no form apply"),
        ("/services/apply/", "broken-link", "there is no page at /services/apply/"),
        ("services/apply", "broken-link", "services/apply is a relative address"),
        ("/services/apply#who-can-get-one", "broken-anchor", "#who-can-get-one is not a heading"),
        ("#nothing-here", "broken-anchor", "#nothing-here is not a heading on this page"),
        ("/cy/services/apply#who-can-apply", "broken-anchor", "#who-can-apply is not a heading"),
        ("/topics/roads#top", "broken-anchor", "/topics/roads is not a content page"),
        ("/services/apply?version=easy-read", "broken-link", "has no version 'easy-read'"),
    ],
)
def test_links_that_lead_nowhere_are_errors(tmp_path, href, code, message):
    welsh = SERVICE_FRONT_MATTER + "## Pwy all wneud cais\n\nChi.\n"
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "services/apply.cy.md": translated(SERVICE_FRONT_MATTER + SERVICE_BODY, welsh),
        "pages/cookies.md": page(f"## Intro\n\nGo [to the page]({href}).\n"),
    }
    findings = check(tmp_path, files, code)
    assert where(findings) == [("cookies.md", 10)]
    assert message in findings[0].message
    assert findings[0].severity == "error"


def test_a_missing_anchor_lists_the_headings_there_are(tmp_path):
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "pages/a.md": page("[Apply](/services/apply#who)\n"),
    }
    [finding] = check(tmp_path, files, "broken-anchor")
    assert finding.fix == "link to one of its headings: #who-can-apply, #how-to-apply"


def test_anchors_are_the_renderers_ids_not_a_reimplementation(tmp_path):
    # The renderer keeps accented letters and drops punctuation: "Beth sy'n digwydd nesaf?"
    # becomes beth-syn-digwydd-nesaf. The check must agree with it, whatever it does.
    from portal.publishing.markdown import render_markdown

    heading = "Beth sy'n digwydd nesaf?"
    rendered_id = render_markdown(f"## {heading}").split('id="')[1].split('"')[0]
    files = {
        "pages/a.md": page(f"## {heading}\n\n[Nesaf](#{rendered_id}) and [wrong](#beth)\n"),
    }
    assert where(check(tmp_path, files, "broken-anchor")) == [("a.md", 10)]


def test_an_arabic_link_is_checked_against_the_english_page_it_shows(tmp_path):
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "pages/a.md": page("[Apply](/ar/services/apply#nope)\n"),
    }
    findings = check(tmp_path, files, url_languages=("en", "cy", "ar"))
    assert [(f.code, f.line) for f in findings] == [("broken-anchor", 8)]


def test_a_link_to_a_draft_is_an_error(tmp_path):
    files = {
        "pages/a.md": page("[Secret](/services/apply)\n"),
        "services/apply.md": SERVICE_FRONT_MATTER.replace("review_by", "draft: true\nreview_by")
        + SERVICE_BODY,
    }
    [finding] = check(tmp_path, files, "broken-link")
    assert finding.message == "/services/apply is a draft, so citizens cannot see it"


def test_a_step_by_step_link_to_a_missing_page_is_reported_on_its_line(tmp_path):
    steps = (
        "steps:\n"
        "  - title: Check\n"
        "    links:\n"
        "      - services/apply\n"
        "  - title: Apply\n"
        "    links:\n"
        "      - services/apply\n"
        "      - guides/no-such-guide\n"
    )
    text = page().replace("---\nSome", steps + "---\nSome")
    files = {
        "services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY,
        "step-by-step/get-a-permit.md": text,
    }
    [finding] = check(tmp_path, files, "broken-link")
    assert (finding.path.name, finding.line) == ("get-a-permit.md", 14)
    assert finding.message.startswith("step 2 links to guides/no-such-guide")


# --- 3. missing translations -----------------------------------------------------------


def test_a_page_without_welsh_is_an_error_on_the_english_file(tmp_path):
    write_content(tmp_path, {"pages/a.md": page(), "pages/a.easy-read.md": page()})
    findings = check_content(tmp_path, LANGUAGES, TODAY, 11)
    assert [(f.path.name, f.code, f.message) for f in findings] == [
        (
            "a.easy-read.md",
            "missing-translation",
            "there is no Welsh translation (a.easy-read.cy.md)",
        ),
        ("a.md", "missing-translation", "there is no Welsh translation (a.cy.md)"),
    ]
    assert ".venv/bin/flask --app portal content mark-translated" in findings[0].fix


def test_arabic_content_is_not_required(tmp_path):
    write_content(tmp_path, with_welsh({"pages/a.md": page()}))
    assert check_content(tmp_path, LANGUAGES, TODAY, 11, url_languages=("en", "cy", "ar")) == []


def test_a_translation_with_no_english_page_is_an_orphan(tmp_path):
    findings = check(tmp_path, {"pages/b.md": page(), "pages/a.cy.md": page()}, "orphan")
    assert [(f.path.name, f.message) for f in findings] == [
        ("a.cy.md", "this translates a.md, which does not exist")
    ]


# --- 4. stale translations -------------------------------------------------------------


def test_a_translation_made_from_an_older_english_page_is_stale(tmp_path):
    english = page("Old words.\n")
    welsh = translated(english, page("Hen eiriau.\n"))
    files = {"pages/a.md": page("New words.\n"), "pages/a.cy.md": welsh}
    [finding] = check(tmp_path, files, "stale-translation")
    assert (finding.path.name, finding.line) == ("a.cy.md", 7)
    assert finding.message.startswith("stale: the English page changed after this was translated")
    assert finding.fix.startswith(
        "update the translation, then run `.venv/bin/flask --app portal content mark-translated"
    )


def test_a_translation_that_does_not_record_its_english_version_is_an_error(tmp_path):
    files = {"pages/a.md": page(), "pages/a.cy.md": page("Geiriau.\n")}
    [finding] = check(tmp_path, files, "missing-source-hash")
    assert finding.path.name == "a.cy.md"
    assert "record which English version this translates" in finding.message


def test_a_review_of_the_english_page_does_not_make_its_translation_stale(tmp_path):
    welsh = translated(page(), page("Geiriau.\n"))
    files = {"pages/a.md": page(review_by="2028-01-01"), "pages/a.cy.md": welsh}
    assert check(tmp_path, files, "stale-translation") == []


# --- 5. heading order ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("# Title\n", 8, "a # heading in the body"),
        ("### Details\n", 8, "the first heading is ###: the first section heading must be ##"),
        ("## A\n\n#### B\n", 10, "#### after ## skips a level"),
        ("## A\n\n### B\n\n## C\n\n#### D\n", 14, "#### after ## skips a level"),
    ],
)
def test_headings_out_of_order_are_errors(tmp_path, body, line, message):
    [finding] = check(tmp_path, {"pages/a.md": page(body)}, "heading-order")
    assert finding.line == line
    assert finding.message.startswith(message)


def test_headings_in_order_pass(tmp_path):
    body = "## A\n\n### B\n\n### C\n\n## D\n\n```\n# not a heading\n```\n"
    assert check(tmp_path, {"pages/a.md": page(body)}, "heading-order") == []


# --- 6. images -------------------------------------------------------------------------


def test_an_image_without_alt_text_is_an_error(tmp_path):
    body = "A map.\n\n![A map of the tip](tip.png) and ![](bins.png)\n"
    [finding] = check(tmp_path, {"pages/a.md": page(body)}, "image-alt")
    assert (finding.line, finding.message) == (10, "the image bins.png has no alt text")


# --- 7. link text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["click here", "Here", "read more.", "Find out more", "cliciwch yma", "Darllen mwy"]
)
def test_vague_link_text_is_an_error(tmp_path, text):
    body = f"For permits, [{text}](/services/apply).\n"
    files = {"services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY, "pages/a.md": page(body)}
    [finding] = check(tmp_path, files, "vague-link-text")
    assert finding.line == 8
    assert f"'{text}'" in finding.message


def test_link_text_that_says_where_it_goes_passes(tmp_path):
    body = "[Find out more about parking permits](/services/apply).\n"
    files = {"services/apply.md": SERVICE_FRONT_MATTER + SERVICE_BODY, "pages/a.md": page(body)}
    assert check(tmp_path, files, "vague-link-text") == []


# --- 8. reading age and long sentences -------------------------------------------------

HARD = (
    "Notwithstanding the aforementioned considerations, applicants demonstrating "
    "eligibility may request reconsideration. Documentation substantiating extraordinary "
    "circumstances must accompany applications. Administrative procedures regarding "
    "verification requirements are determined independently by authorised personnel. "
    "Correspondence concerning unsuccessful applications necessitates comprehensive "
    "justification referencing applicable legislative instruments.\n"
)
EASY = (
    "You can get a permit if you live here. It costs 20 pounds a year. You can pay by card. "
    "We post it to you. It comes in a week. Put it on your car. Keep it where we can see it. "
    "Tell us if you move. We can help you if you get stuck.\n"
)


def test_hard_english_prose_gets_a_reading_age_warning_naming_the_formula(tmp_path):
    [finding] = check(tmp_path, {"pages/a.md": page("Intro.\n\n" + HARD)}, "reading-age")
    assert finding.severity == "warning"
    assert finding.line == 10  # the hardest paragraph
    assert "(Flesch-Kincaid grade level + 5), above the limit of 11" in finding.message


def test_plain_english_prose_passes_the_reading_age(tmp_path):
    assert check(tmp_path, {"pages/a.md": page(EASY)}, "reading-age") == []


def test_the_reading_age_limit_is_the_one_given(tmp_path):
    assert check(tmp_path, {"pages/a.md": page(EASY)}, "reading-age", limit=2) != []


def test_welsh_prose_gets_no_reading_age(tmp_path):
    files = {"pages/a.md": page(EASY), "pages/a.cy.md": translated(page(EASY), page(HARD))}
    assert check(tmp_path, files, "reading-age") == []


def test_a_sentence_over_25_words_is_a_warning_in_either_language(tmp_path):
    long = " ".join(["gair"] * 26) + ". Byr.\n"
    files = {
        "pages/a.md": page("Short.\n\n- " + " ".join(["word"] * 26) + "\n"),
        "pages/a.cy.md": translated(page(), page("Byr.\n\nByr iawn. " + long)),
    }
    findings = check(tmp_path, files, "long-sentence")
    assert [(f.path.name, f.line, f.severity) for f in findings] == [
        ("a.cy.md", 11, "warning"),
        ("a.md", 10, "warning"),
    ]
    assert "a sentence of 26 words (more than 25)" in findings[0].message


def test_a_sentence_of_25_words_passes(tmp_path):
    body = " ".join(["word"] * 25) + ".\n"
    assert check(tmp_path, {"pages/a.md": page(body)}, "long-sentence") == []


# --- 9. review dates -------------------------------------------------------------------


def test_a_passed_review_date_is_a_warning_on_its_line(tmp_path):
    text = page(last_reviewed="2025-01-01", review_by="2026-11-30")
    [finding] = check(tmp_path, {"pages/a.md": text}, "review-overdue")
    assert (finding.line, finding.severity) == (6, "warning")
    assert finding.message == "review_by 2026-11-30 has passed"
    assert "Content team" in finding.fix


def test_a_review_date_of_today_has_not_passed(tmp_path):
    text = page(last_reviewed="2025-01-01", review_by="2026-12-01")
    assert check(tmp_path, {"pages/a.md": text}, "review-overdue") == []


# --- 10. markers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "marker"),
    [
        ("$X\nText.\n$X\n", "$X"),
        ("$FOO Text $FOO\n", "$FOO"),
        (":mars:\nText.\n:mars:\n", ":mars:"),
        ("{buton}[Start now](/search){/button}\n", "{buton}"),
        ("^^Careful.^^\n", "^^"),
        ("S1. Do this\n", "S1."),
    ],
)
def test_an_unknown_marker_is_an_error_listing_the_known_ones(tmp_path, body, marker):
    findings = check(tmp_path, {"pages/a.md": page("Intro.\n\n" + body)}, "unknown-marker")
    assert findings[0].line == 10
    assert findings[0].message.startswith(f"{marker} looks like a marker")
    assert "$E" in findings[0].fix and ":wales:" in findings[0].fix
    assert "{button start}" in findings[0].fix


@pytest.mark.parametrize(
    "body",
    [
        "$E\nAn example.\n$E\n",
        "$CTA Call us today. $CTA\n",
        ":wales:\nOnly in Wales.\n:wales:\n",
        ":phone:Call us.:phone:\n",
        "{button start}[Start now](/search){/button}\n",
        "^Your bin must be out by 7am.^\n",
        "%Do not put glass in this bin.%\n",
        "s1. Check you can apply\ns2. Apply\n",
        "Use `$X` or `:mars:` to see the markers.\n",
        "```\n$X\n:mars:\n```\n",
        "It costs $5 at 4:30pm: bring cash.\n",
    ],
)
def test_known_markers_and_markers_in_code_pass(tmp_path, body):
    findings = check(tmp_path, {"pages/a.md": page(body)})
    assert [f for f in findings if f.code in ("unknown-marker", "unclosed-block")] == []


@pytest.mark.parametrize(
    ("body", "line", "marker"),
    [
        ("Intro.\n\n$E\nAn example that never ends.\n", 10, "$E"),
        (":wales:\nOnly in Wales.\n", 8, ":wales:"),
        ("$E\nOne.\n$E\n\n$C\nTwo.\n", 12, "$C"),
        ("{button}[Start now](/search)\n", 8, "{button}"),
        ("^Your bin must be out by 7am.\n", 8, "^"),
    ],
)
def test_an_unclosed_block_is_an_error_on_the_line_it_opens(tmp_path, body, line, marker):
    [finding] = check(tmp_path, {"pages/a.md": page(body)}, "unclosed-block")
    assert finding.line == line
    assert finding.message.startswith(f"{marker} opens a block here but nothing closes it")


def test_a_draft_need_not_be_translated_yet(tmp_path):
    write_content(tmp_path, {"pages/a.md": page(draft="true")})
    assert check_content(tmp_path, LANGUAGES, TODAY, 11) == []


def test_the_same_mistake_twice_on_one_line_is_reported_once(tmp_path):
    findings = check(tmp_path, {"pages/a.md": page("$FOO Text $FOO\n")}, "unknown-marker")
    assert where(findings) == [("a.md", 8)]
