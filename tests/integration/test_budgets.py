"""Byte budgets for every page under every needs profile: counts of bytes, never timings.

14 KB is what fits in the first round trip of a new connection (ten TCP segments).
"""

import pytest

from benchmarks.weights import weigh
from config import ROOT
from portal.needs import store
from tests.support.profiles import PROFILES

FIRST_ROUND_TRIP = 14 * 1024
FIRST_VISIT = 60 * 1024
# Profiles that differ only in the browser (device dark mode, forced colours) send the
# same bytes as "no-needs", so each distinct set of needs is weighed once.
NEEDS_PROFILES = {}
for name, (needs, _options) in PROFILES.items():
    NEEDS_PROFILES.setdefault(needs, name)


@pytest.mark.rendering
@pytest.mark.parametrize("needs", list(NEEDS_PROFILES), ids=list(NEEDS_PROFILES.values()))
def test_every_page_fits_its_byte_budget(app, page_urls, needs):
    client = app.test_client()
    if needs.declared:
        with app.test_request_context():
            client.set_cookie(store.COOKIE_NAME, store.dump(needs))
    for url in page_urls:
        weight = weigh(client, url)
        assert weight.html <= FIRST_ROUND_TRIP, f"{url}: HTML is {weight.html:,} bytes"
        assert weight.first_visit <= FIRST_VISIT, f"{url}: first visit {weight.first_visit:,}"
        if needs.lite:
            assert not any(asset.endswith(".js") for asset in weight.assets), url
            assert weight.first_visit <= FIRST_ROUND_TRIP, (
                f"{url}: lite mode sends {weight.first_visit:,} bytes in all"
            )


def test_no_web_fonts_are_sent():
    built = ROOT / "static" / "dist"
    assert not [p for p in built.iterdir() if p.suffix in (".woff", ".woff2", ".ttf", ".otf")]
    for stylesheet in built.glob("*.css"):
        assert "@font-face" not in stylesheet.read_text(), stylesheet.name
