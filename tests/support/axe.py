"""The tests' one axe runner: axe-core in a Playwright page, with the options of the app's
own audit (`flask a11y audit`, portal/transparency/a11y_audit.py): the WCAG 2.2 AA tags."""

import re

from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from axe_playwright_python.sync_playwright import Axe

from portal.transparency.a11y_audit import AXE_OPTIONS

AXE = Axe()


def preload_axe(context):
    """Give every page of this browser context axe-core as it loads, as the audit does:
    `Axe.run` sends its 550 KB copy over the wire to every page it checks, which cost the
    matrix about a quarter of each check. Returns the context."""
    context.add_init_script(AXE_SCRIPT)
    context.axe_preloaded = True
    return context


def axe_report(page) -> str | None:
    """axe's report of what fails on the page now loaded; None when nothing does. axe
    needs JavaScript in the page (`no_axe_violations` copes without)."""
    if getattr(page.context, "axe_preloaded", False):
        results = AxeResults(page.evaluate("options => axe.run(document, options)", AXE_OPTIONS))
    else:
        results = AXE.run(page, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else None


def no_axe_violations(page) -> None:
    """Assert that axe finds nothing on the page. For a page with JavaScript off (marked
    `page.context_js_enabled = False`), load the very DOM it shows (scripts removed) into
    a JavaScript-on page at the same URL, and judge that."""
    if page.context_js_enabled:
        judged = page
    else:
        html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S)
        judged = page.context.browser.new_page()
        judged.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
        judged.goto(page.url)
    report = axe_report(judged)
    if judged is not page:
        judged.close()
    assert report is None, f"{page.url}\n{report}"
