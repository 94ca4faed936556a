"""What every page must pass in a browser, whoever it is for: axe at WCAG 2.2 AA, no
console errors (a script or style the CSP blocked), no sideways scrolling, and the skip
link by keyboard. One DOM load, every check."""

from tests.support.axe import axe_report


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
