"""How a browser context takes on one of the needs profiles."""

from functools import cache

from portal.needs import store
from portal.needs.model import Needs
from tests.support.apps import shared_app
from tests.support.axe import preload_axe
from tests.support.profiles import PROFILES

# Phone first: each page is loaded at the first width and resized to the others.
WIDTHS = {"phone": 320, "desktop": 1280}
VIEWPORT_HEIGHT = 800


@cache
def needs_cookie(needs: Needs) -> str | None:
    """The cookie value the portal would set for these needs (None for no needs). Cached:
    signing it in a test request for every browser context repeated the work each time."""
    if not needs.declared:
        return None
    with shared_app().test_request_context():
        return store.dump(needs)


def new_context(browser, base_url: str, profile: str, width: str = "phone", **options):
    """A context with this profile's needs cookie and device settings, at this width, with
    axe-core loaded into each page."""
    needs, extra = PROFILES[profile]
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": VIEWPORT_HEIGHT}, **extra, **options
    )
    if options.get("java_script_enabled", True):
        preload_axe(context)
    cookie = needs_cookie(needs)
    if cookie:
        context.add_cookies([{"name": store.COOKIE_NAME, "value": cookie, "url": base_url}])
    return context
