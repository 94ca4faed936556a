"""The matrix's checks can fail: a page that is wrong only at the second width, reached by
resizing rather than loading, is caught there and only there."""

from tests.browser.checks import problems_at_each_width, watch_console
from tests.browser.profiles import new_context

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Check</title>
<style>a { display: inline-block; padding: 12px; }
@media (min-width: 1000px) { .wide { width: 2000px; } }</style></head>
<body><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header><a href="/">Home</a></header>
<main id="main-content" tabindex="-1"><h1>Check</h1><p class="wide">Text</p>
<a href="/next">Next</a></main></body></html>"""


def test_a_problem_at_the_second_width_alone_is_reported_at_that_width(browser, live_server):
    context = new_context(browser, live_server, "no-needs")
    page = watch_console(context.new_page())
    page.route(
        f"{live_server}/check", lambda route: route.fulfill(body=PAGE, content_type="text/html")
    )
    page.goto(f"{live_server}/check")
    problems = problems_at_each_width(page)
    context.close()
    # Only the wide paragraph, only at desktop width: the keyboard checks passed at both,
    # so focus really did start again from the top after the resize.
    assert len(problems) == 1, problems
    assert problems[0].startswith("at 1280px: the page scrolls sideways"), problems
