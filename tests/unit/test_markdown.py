from portal.publishing.markdown import render_markdown


def test_paragraphs_headings_and_lists_get_govuk_classes():
    html = render_markdown("## Who can apply\n\nYou can.\n\n- one\n- two\n\n1. first\n")
    assert '<h2 id="who-can-apply" class="govuk-heading-m">' in html
    assert '<p class="govuk-body">You can.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html


def test_links_get_the_govuk_link_class():
    html = render_markdown("[Apply for a Blue Badge](/services/apply-for-a-blue-badge)")
    assert '<a href="/services/apply-for-a-blue-badge" class="govuk-link">' in html


def test_tables_get_govuk_classes_and_column_header_scope():
    html = render_markdown("| Item | Bin |\n|---|---|\n| Paper | Blue |\n")
    assert '<table class="govuk-table">' in html
    assert '<th class="govuk-table__header" scope="col">Item</th>' in html
    assert '<td class="govuk-table__cell">Paper</td>' in html


def test_raw_html_is_shown_as_text_not_run():
    html = render_markdown('Hello <script>alert("x")</script> <b onclick="x">bold</b>')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b " not in html


def test_javascript_links_are_not_made_into_links():
    html = render_markdown("[Win a prize](javascript:alert(1))")
    assert "href" not in html


def test_output_is_safe_markup_so_templates_do_not_escape_it_again():
    assert hasattr(render_markdown("text"), "__html__")
