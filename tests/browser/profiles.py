"""The needs profiles every page is checked under, and how a browser context takes one on."""

from config import TestConfig
from portal import create_app
from portal.needs import store
from portal.needs.model import Needs

# name: (declared needs, extra browser context options)
PROFILES = {
    "no-needs": (Needs(), {}),
    "largest-text-spacing": (Needs(text_size="largest", more_spacing=True), {}),
    "high-contrast": (Needs(contrast="high"), {}),
    "dark": (Needs(contrast="dark"), {}),
    "lite": (Needs(lite=True), {}),
    # Nothing declared, but the device asks for dark colours or forces its own colours.
    "device-dark": (Needs(), {"color_scheme": "dark"}),
    "forced-colours": (Needs(), {"forced_colors": "active"}),
}
WIDTHS = {"phone": 320, "desktop": 1280}


def needs_cookie(needs: Needs) -> str | None:
    """The cookie value the portal would set for these needs (None for no needs)."""
    if not needs.declared:
        return None
    app = create_app(TestConfig())
    with app.test_request_context():
        return store.dump(needs)


def new_context(browser, base_url: str, profile: str, width: str, **options):
    needs, extra = PROFILES[profile]
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800}, **extra, **options
    )
    cookie = needs_cookie(needs)
    if cookie:
        context.add_cookies([{"name": store.COOKIE_NAME, "value": cookie, "url": base_url}])
    return context
