"""Govspeak extensions and needs-aware blocks: markdown in, GOV.UK Frontend HTML out."""

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask
from flask_babel import Babel
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.publishing import syntax
from portal.publishing.govspeak import ENGLISH_LABELS, translated_labels
from portal.publishing.loader import load_page, load_taxonomy
from portal.publishing.markdown import Segment, render_markdown, render_segments
from tests.support.content import TAXONOMY

WELSH = {
    "information": "Gwybodaeth",
    "warning": "Rhybudd",
    "example": "Enghraifft",
    "contact": "Cyswllt",
    "address": "Cyfeiriad",
    "summary": "Crynodeb",
    "footnotes": "Troednodiadau",
    "footnote_reference": "Troednodyn %(n)s",
    "back_to_reference": "Yn ôl at gyfeiriad %(n)s",
    "england": "Mae hyn yn berthnasol yn Lloegr",
    "northern-ireland": "Mae hyn yn berthnasol yng Ngogledd Iwerddon",
    "scotland": "Mae hyn yn berthnasol yn yr Alban",
    "wales": "Mae hyn yn berthnasol yng Nghymru",
}


def ids(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]*)"', html)


# --- 1. callouts -------------------------------------------------------------------------


def test_information_callout_is_a_labelled_note():
    html = render_markdown("^You need your *National Insurance* number.^")
    assert html == (
        '<div class="app-callout app-callout--information" role="note" '
        'aria-label="Information">\n'
        '<p class="govuk-body">You need your <em>National Insurance</em> number.</p>\n'
        "</div>\n"
    )


def test_warning_callout_is_govuk_warning_text():
    html = render_markdown("%You can be fined up to £5,000.%")
    assert html == (
        '<div class="govuk-warning-text">\n'
        '<span class="govuk-warning-text__icon" aria-hidden="true">!</span>\n'
        '<strong class="govuk-warning-text__text">'
        '<span class="govuk-visually-hidden">Warning</span> You can be fined up to £5,000.'
        "</strong>\n</div>\n"
    )


def test_a_callout_may_wrap_lines_but_not_paragraphs():
    assert "app-callout" in render_markdown("^first line\nsecond line^")
    html = render_markdown("^first paragraph\n\nsecond paragraph^")
    assert "app-callout" not in html
    assert '<p class="govuk-body">^first paragraph</p>' in html


# --- 2. dollar blocks ----------------------------------------------------------------------


def test_example_holds_markdown_over_several_paragraphs():
    html = render_markdown("$E\n**Example**: Open the doors\n\n- one\n- two\n$E\n\nAfter.")
    assert html.startswith('<div class="app-example" role="note" aria-label="Example">\n')
    assert '<p class="govuk-body"><strong>Example</strong>: Open the doors</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '</ul>\n</div>\n<p class="govuk-body">After.</p>' in html


def test_a_block_may_open_and_close_on_the_lines_of_its_content():
    assert render_markdown("$E Open the doors $E") == (
        '<div class="app-example" role="note" aria-label="Example">\n'
        '<p class="govuk-body">Open the doors</p>\n</div>\n'
    )
    html = render_markdown("$E\nfirst\nlast $E\n\nafter")
    assert '<p class="govuk-body">first\nlast</p>\n</div>' in html
    assert '<p class="govuk-body">after</p>' in html


def test_address_keeps_each_line_as_a_line():
    html = render_markdown("$A\nHercules House\n  Hercules Road\nLondon SE1 7DU\n$A")
    assert html == (
        '<div class="app-address" role="note" aria-label="Address">\n'
        '<p class="govuk-body">Hercules House<br />\nHercules Road<br />\nLondon SE1 7DU</p>\n'
        "</div>\n"
    )


def test_contact_keeps_lines_and_inline_markdown():
    html = render_markdown("$C\n**Parking team**\n**Telephone:** 029 2018 0412\n$C")
    assert html.startswith('<div class="app-contact" role="note" aria-label="Contact">')
    assert (
        '<p class="govuk-body"><strong>Parking team</strong><br />\n'
        "<strong>Telephone:</strong> 029 2018 0412</p>"
    ) in html


def test_call_to_action_and_summary():
    html = render_markdown("$CTA\n[Apply now](/apply)\n$CTA")
    assert html.startswith('<div class="app-call-to-action">\n<p class="govuk-body"><a href')
    html = render_markdown("$!\nYou can apply online.\n$!")
    assert html == (
        '<div class="app-summary govuk-inset-text" role="note" aria-label="Summary">\n'
        '<p class="govuk-body">You can apply online.</p>\n</div>\n'
    )


def test_longer_markers_and_words_are_not_mistaken_for_short_ones():
    assert "app-call-to-action" in render_markdown("$CTA\nGo\n$CTA")
    assert "app-contact" not in render_markdown("$CTA\nGo\n$CTA")
    assert render_markdown("$Example of a thing $E") == (
        '<p class="govuk-body">$Example of a thing $E</p>\n'
    )


def test_a_marker_in_indented_code_is_code():
    html = render_markdown("    $E\n    code\n    $E")
    assert html == "<pre><code>$E\ncode\n$E\n</code></pre>\n"


def test_an_empty_block_is_dropped():
    assert render_markdown("$E $E\n\nText") == '<p class="govuk-body">Text</p>\n'


# --- 3. steps ----------------------------------------------------------------------------


def test_steps_are_a_numbered_list_that_numbers_itself():
    html = render_markdown("s1. Check you can apply.\ns2. Apply **online**.\ns5. Wait.\n\nEnd")
    assert html == (
        '<ol class="govuk-list govuk-list--number app-steps">\n'
        "<li>Check you can apply.</li>\n"
        "<li>Apply <strong>online</strong>.</li>\n"
        "<li>Wait.</li>\n"
        '</ol>\n<p class="govuk-body">End</p>\n'
    )


# --- 4. buttons ----------------------------------------------------------------------------


def test_button_is_a_govuk_button_link():
    html = render_markdown("{button}[Check your details](/check){/button}")
    assert (
        '<a href="/check" role="button" draggable="false" class="govuk-button" '
        'data-module="govuk-button">Check your details</a>'
    ) in html


def test_start_button_has_the_start_class_and_arrow():
    html = render_markdown("{button start}[Start now](/apply/start){/button}")
    assert (
        '<a href="/apply/start" role="button" draggable="false" '
        'class="govuk-button govuk-button--start" data-module="govuk-button">Start now'
        '<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" '
        'width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">'
        '<path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>'
    ) in html


def test_button_url_is_normalised_like_a_link():
    html = render_markdown('{button}[Go](/search?q="a b"){/button}')
    assert "govuk-button" not in html  # a space ends a link destination: not a button
    html = render_markdown('{button}[Go](/search?q="a"){/button}')
    assert 'href="/search?q=%22a%22"' in html


# --- 5. abbreviations ----------------------------------------------------------------------


def test_abbreviations_mark_whole_words_and_their_definitions_disappear():
    html = render_markdown(
        "The EU and PCSOs, not EUR or `EU`.\n*[PCSOs]: Police Community Support Officers\n"
        "*[EU]: European Union\n*[PCSO]: Police Community Support Officer"
    )
    assert html == (
        '<p class="govuk-body">The <abbr title="European Union">EU</abbr> and '
        '<abbr title="Police Community Support Officers">PCSOs</abbr>, not EUR or '
        "<code>EU</code>.</p>\n"
    )


# --- 6. footnotes --------------------------------------------------------------------------


def test_footnotes_have_a_heading_govuk_classes_and_named_back_links():
    html = render_markdown("Costs rise[^1] and rise[^1].\n\n[^1]: From April.")
    assert (
        '<sup class="app-footnote-ref"><a href="#fn:1" id="fnref:1" class="govuk-link">'
        '<span aria-hidden="true">[1]</span>'
        '<span class="govuk-visually-hidden">Footnote 1</span></a></sup>'
    ) in html
    assert 'id="fnref:1:1"' in html
    assert '<h2 class="govuk-heading-m">Footnotes</h2>' in html
    assert '<ol class="govuk-list govuk-list--number app-footnotes__list">' in html
    assert '<li id="fn:1"><p class="govuk-body">From April. <a href="#fnref:1"' in html
    assert '<span class="govuk-visually-hidden">Back to reference 1</span>' in html
    assert '<span class="govuk-visually-hidden">Back to reference 1 (2)</span>' in html
    assert "footnote-backref" not in html


def test_footnote_ids_cannot_collide_with_heading_ids():
    html = render_markdown("## fn1\n\n## Footnotes\n\nText[^1]\n\n[^1]: Note")
    found = ids(html)
    assert len(found) == len(set(found)), found


# --- 7. nations ----------------------------------------------------------------------------


@pytest.mark.parametrize("nation", syntax.NATIONS)
def test_nation_block_says_where_it_applies(nation):
    html = render_markdown(f":{nation}:\nYou need a licence.\n:{nation}:")
    assert html == (
        f'<div class="app-nation app-nation--{nation}">\n'
        f'<p class="govuk-body app-nation__label">{ENGLISH_LABELS[nation]}</p>\n'
        '<p class="govuk-body">You need a licence.</p>\n</div>\n'
    )


def test_nation_block_on_one_line_as_govspeak_writes_it():
    html = render_markdown(":wales:content goes here:wales:")
    assert 'This applies in Wales</p>\n<p class="govuk-body">content goes here</p>' in html


# --- 8. external links ---------------------------------------------------------------------


def test_external_link_is_marked_external():
    html = render_markdown("Read x[the guidance](https://www.gov.uk/guidance)x first.")
    assert html == (
        '<p class="govuk-body">Read <a href="https://www.gov.uk/guidance" class="govuk-link" '
        'rel="external">the guidance</a> first.</p>\n'
    )


def test_an_x_inside_a_word_is_not_an_external_link_marker():
    html = render_markdown("box[a](/b)x and x[c](/d)xyz")
    assert "rel=" not in html
    assert 'box<a href="/b" class="govuk-link">a</a>x' in html


# --- 9. table row headers --------------------------------------------------------------------


def test_row_headers_in_tables():
    html = render_markdown("| Item | Bin |\n|---|---|\n| # Paper | Blue |\n| \\# 1 | # Green |")
    assert '<th class="govuk-table__header" scope="col">Item</th>' in html
    assert '<th scope="row" class="govuk-table__header">Paper</th>' in html
    assert '<td class="govuk-table__cell">Blue</td>' in html
    # Only the first cell can be a row header; an escaped `#` is text.
    assert '<td class="govuk-table__cell"># 1</td>' in html
    assert '<td class="govuk-table__cell"># Green</td>' in html


# --- nothing injectable --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "^<script>alert(1)</script>^",
        "%<script>alert(1)</script>%",
        "$E\n<script>alert(1)</script>\n$E",
        "$A\n<script>alert(1)</script>\n$A",
        ":wales:<script>alert(1)</script>:wales:",
        ":phone:\n<script>alert(1)</script>\n:phone:",
        "s1. <script>alert(1)</script>",
        "{button}[<script>alert(1)</script>](/x){/button}",
        "x[<script>alert(1)</script>](/x)x",
        "| # <script>alert(1)</script> | x |\n|---|---|\n| # <script>alert(1)</script> | y |",
        "Text[^1]\n\n[^1]: <script>alert(1)</script>",
    ],
)
def test_no_block_lets_markup_through(text):
    html = render_markdown(text)
    assert "<script" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "{button}[x](javascript:alert(1)){/button}",
        "{button start}[x](JAVASCRIPT:alert(1)){/button}",
        "x[a](javascript:x)x",
        "x[a](vbscript:x)x",
        "{button}[x](data:text/html;base64,PHNjcmlwdD4=){/button}",
    ],
)
def test_buttons_and_external_links_refuse_dangerous_urls(text):
    html = render_markdown(text)
    assert "href" not in html
    assert "<a" not in html


def test_abbreviation_titles_cannot_break_out_of_their_attribute():
    html = render_markdown('*[X]: "><script>alert(1)</script>\n*[Y]: " onmouseover="a()\n\nX Y')
    assert '<abbr title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">X</abbr>' in html
    assert '<abbr title="&quot; onmouseover=&quot;a()">Y</abbr>' in html
    assert "<script" not in html


# --- labels --------------------------------------------------------------------------------


def test_every_label_comes_from_the_labels_mapping():
    text = (
        "^Info^\n\n%Careful%\n\n$E\nEx\n$E\n\n$C\nCall\n$C\n\n$A\nStreet\n$A\n\n$!\nSum\n$!\n\n"
        + "\n\n".join(f":{nation}:\nHere\n:{nation}:" for nation in syntax.NATIONS)
        + "\n\nNote[^1]\n\n[^1]: Text"
    )
    html = render_markdown(text, labels=WELSH)
    for key, welsh in WELSH.items():
        assert welsh.replace("%(n)s", "1") in html, key
    for english in ENGLISH_LABELS.values():
        assert english.replace("%(n)s", "1") not in html, english


def test_a_label_missing_from_the_mapping_falls_back_to_english():
    html = render_markdown("^Info^\n\n%Careful%", labels={"warning": "Rhybudd"})
    assert 'aria-label="Information"' in html
    assert '<span class="govuk-visually-hidden">Rhybudd</span>' in html


def test_labels_are_escaped():
    html = render_markdown("^Info^", labels={"information": '"><b>'})
    assert 'aria-label="&quot;&gt;&lt;b&gt;"' in html


def test_translated_labels_are_the_english_labels_outside_an_app():
    # Without an app there are no catalogues, so gettext returns each literal unchanged:
    # this proves the literal strings and keys match ENGLISH_LABELS exactly.
    assert translated_labels() == ENGLISH_LABELS


def test_every_labelled_block_has_a_label():
    kinds = {*syntax.CALLOUTS.values(), *syntax.NATIONS, *syntax.DOLLAR_BLOCKS.values()}
    assert kinds - {"call-to-action"} <= set(ENGLISH_LABELS)


def test_all_markers_lists_every_marker_for_the_content_checks():
    assert {"$E", "$CTA", "^", "%", ":wales:", ":easy-read:", "{button start}"} <= (
        syntax.ALL_MARKERS
    )
    assert syntax.BLOCK_MARKERS <= syntax.ALL_MARKERS
    assert ":mars:" not in syntax.ALL_MARKERS


# --- 10. needs-aware blocks ----------------------------------------------------------------

NEEDS_PAGE = """## How to apply

Apply online.

:phone:
## Apply by phone

Call 029 2018 0412.
:phone:

## How to apply

:easy-read:Pictures help.:easy-read:

The end.
"""


def test_needs_blocks_become_segments_in_document_order():
    segments = render_segments(NEEDS_PAGE)
    assert [segment.condition for segment in segments] == [None, "phone", None, "easy_read", None]
    assert all(isinstance(segment, Segment) for segment in segments)
    assert segments[1].html == (
        '<div class="app-needs-block app-needs-block--phone">\n'
        '<h2 id="apply-by-phone" class="govuk-heading-m">Apply by phone</h2>\n'
        '<p class="govuk-body">Call 029 2018 0412.</p>\n</div>\n'
    )
    assert segments[3].html.startswith('<div class="app-needs-block app-needs-block--easy-read">')
    assert "Apply online." in segments[0].html
    assert "The end." in segments[4].html


def test_segments_join_to_the_full_render_with_ids_unique_across_segments():
    segments = render_segments(NEEDS_PAGE)
    joined = "".join(segment.html for segment in segments)
    assert joined == render_markdown(NEEDS_PAGE)
    assert ids(joined) == ["how-to-apply", "apply-by-phone", "how-to-apply-1"]


@pytest.mark.parametrize(("marker", "condition"), syntax.NEEDS_BLOCKS.items())
def test_every_needs_marker_gives_its_condition(marker, condition):
    segments = render_segments(f":{marker}:\nText\n:{marker}:")
    assert [(s.condition, f"app-needs-block--{marker}" in s.html) for s in segments] == [
        (condition, True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "- item\n\n  :phone:\n  Nested in a list.\n  :phone:",
        "> :phone:\n> Nested in a quote.\n> :phone:",
        ":wales:\n:phone:\nNested in a nation.\n:phone:\n:wales:",
        ":email:\n:phone:\nNested in a needs block.\n:phone:\n:email:",
    ],
)
def test_a_nested_needs_block_is_shown_plainly(text):
    segments = render_segments(text)
    html = "".join(segment.html for segment in segments)
    assert "app-needs-block--phone" not in html
    assert ":phone:" not in html
    assert "Nested in a" in html
    assert "phone" not in [segment.condition for segment in segments]


def test_an_unknown_marker_is_plain_text():
    segments = render_segments(":mars:\nLife on Mars\n:mars:")
    assert segments == (Segment(None, render_markdown(":mars:\nLife on Mars\n:mars:")),)
    assert segments[0].html == '<p class="govuk-body">:mars:\nLife on Mars\n:mars:</p>\n'


@pytest.mark.parametrize("marker", ["$E", ":phone:", ":wales:", "^", "%"])
def test_an_unclosed_block_shows_its_text_and_hides_nothing(marker):
    segments = render_segments(f"{marker}\nStill shown.\n\n## Next\n\nMore.")
    html = "".join(segment.html for segment in segments)
    assert [segment.condition for segment in segments] == [None]
    assert f'<p class="govuk-body">{marker}\nStill shown.</p>' in html
    assert '<h2 id="next" class="govuk-heading-m">Next</h2>' in html


def test_authors_cannot_forge_a_segment_boundary():
    text = "<!-- needs:phone -->\n</div>\n\n:phone:\n</div><!--x-->\n:phone:"
    segments = render_segments(text)
    assert [segment.condition for segment in segments] == [None, "phone"]
    assert "<!--" not in "".join(segment.html for segment in segments)
    assert "</div>\n</div>" not in segments[1].html


MARKDOWN_PIECES = st.sampled_from(
    [
        *syntax.ALL_MARKERS,
        ":mars:",
        "s1. ",
        "x[a](/b)x",
        "[^1]",
        "[^1]: n",
        "*[EU]: E",
        "EU",
        "## H",
        "- ",
        "> ",
        "| # a | b |\n|---|---|\n| # c | d |",
        "text",
        " ",
        "\n",
        "\n\n",
        "    ",
        "<b>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=30).map("".join))
def test_any_mix_of_markers_renders_without_error_and_segments_join(text):
    segments = render_segments(text)
    joined = "".join(segment.html for segment in segments)
    assert joined == render_markdown(text)
    assert "<b>" not in joined
    found = ids(joined)
    assert len(found) == len(set(found))
    for segment in segments:
        # Each segment is whole HTML, so hiding one cannot leave another's tags open.
        assert segment.html.count("<div") == segment.html.count("</div>")
        if segment.condition is not None:
            assert segment.html.startswith('<div class="app-needs-block')


# --- the loader ----------------------------------------------------------------------------


SERVICE = """---
title: Gwneud cais am drwydded barcio
summary: Cael trwydded.
department: parking
topics: [roads]
owner: Parking team
last_reviewed: 2026-10-01
review_by: 2027-04-01
channels:
  phone:
    number: 029 2018 0412
    hours: Monday to Friday, 9am to 5pm
---
:wales:Yng Nghymru.:wales:

:phone:
Ffoniwch ni.
:phone:
"""


@pytest.fixture
def welsh_page(tmp_path: Path) -> Path:
    (tmp_path / "taxonomy.yaml").write_text(TAXONOMY)
    (tmp_path / "services").mkdir()
    path = tmp_path / "services" / "apply.cy.md"
    path.write_text(SERVICE)
    catalog = Catalog(locale="cy")
    catalog.add("This applies in Wales", "Mae hyn yn berthnasol yng Nghymru")
    (tmp_path / "translations" / "cy" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "translations" / "cy" / "LC_MESSAGES" / "messages.mo").open("wb") as file:
        write_mo(file, catalog)
    return path


def load_welsh(path: Path):
    taxonomy = load_taxonomy(path.parent.parent / "taxonomy.yaml")
    return load_page(path, "services", taxonomy, ("en", "cy"))


def test_loader_renders_labels_in_the_page_language_and_stores_segments(welsh_page):
    app = Flask(__name__)
    Babel(app, default_translation_directories=str(welsh_page.parent.parent / "translations"))
    page = load_welsh(welsh_page)
    with app.app_context():  # the body is rendered when first read, as a request reads it
        assert "Mae hyn yn berthnasol yng Nghymru" in page.body
    assert [segment.condition for segment in page.segments] == [None, "phone"]
    assert page.body == "".join(segment.html for segment in page.segments)


def test_loader_without_an_app_uses_english_labels(welsh_page):
    page = load_welsh(welsh_page)
    assert "This applies in Wales" in page.body
    assert [segment.condition for segment in page.segments] == [None, "phone"]
