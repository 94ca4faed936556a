"""What every page must pass in a browser, whoever it is for: axe at WCAG 2.2 AA, no
console errors (a script or style the CSP blocked), no sideways scrolling, and the skip
link by keyboard. One DOM load, every check, at every width."""

from tests.browser.profiles import VIEWPORT_HEIGHT, WIDTHS
from tests.support.axe import axe_report

# Start the keyboard's journey from the top of the page again: focus a node put first in
# the body and take it away, so the next Tab goes to the first focusable element (blur()
# alone would leave Chromium starting from where focus was).
FOCUS_FROM_THE_TOP = """() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
    window.scrollTo(0, 0);
}"""


def watch_console(page):
    """Collect console errors on `page.console_errors`, for page_problems to report."""
    page.console_errors = []
    page.on(
        "console",
        lambda message, page=page: (
            message.type == "error" and page.console_errors.append(message.text)
        ),
    )
    return page


def page_problems(page) -> list[str]:
    """Everything wrong with the page now loaded (the caller cleared console_errors)."""
    problems = []

    report = axe_report(page)
    if report:
        problems.append(report)

    if page.console_errors:
        problems.append(f"console errors (a blocked script or style?): {page.console_errors}")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"the page scrolls sideways by {overflow} CSS pixels")

    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.classList.contains('govuk-skip-link')"):
        problems.append("the first Tab does not reach the skip link")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next stop must be in the main content, or after it when main has nothing to
    # focus: either way the header and the links above main were skipped.
    skipped = page.evaluate(
        """() => {
            const main = document.getElementById('main-content');
            const active = document.activeElement;
            return main.contains(active)
                || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    if not skipped:
        problems.append("after the skip link, the next Tab goes back above the main content")
    return problems


def problems_at_each_width(page) -> list[str]:
    """page_problems at each of WIDTHS, from one load of the page: the viewport is resized
    and the page reflows, as it does when a phone turns or a window is made narrower, so
    the same DOM is checked at every width for half the page loads. Leaves the viewport
    at the first width, where the next page is loaded."""
    problems = []
    for number, width in enumerate(WIDTHS.values()):
        if number:
            page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
            page.evaluate(FOCUS_FROM_THE_TOP)
        problems += [f"at {width}px: {problem}" for problem in page_problems(page)]
        page.console_errors.clear()
    page.set_viewport_size({"width": next(iter(WIDTHS.values())), "height": VIEWPORT_HEIGHT})
    return problems
