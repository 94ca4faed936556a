"""Print the compressed size of every page, and of a first visit (HTML + CSS + JS + icon),
with no needs declared and in lite mode (a slow or expensive connection declared).

Run with `make bench` or `.venv/bin/python benchmarks/page_weight.py`. Sizes are gzip at
level 6 (what a typical server sends); budgets are in the issue tracker, not asserted here.
"""

import gzip
import re

from config import TestConfig
from portal import create_app
from portal.needs import store
from portal.needs.model import Needs
from portal.sitemap import page_urls

ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def main() -> None:
    app = create_app(TestConfig())
    client = app.test_client()
    lite = app.test_client()
    with app.test_request_context():
        urls = page_urls()
        lite.set_cookie(store.COOKIE_NAME, store.dump(Needs(lite=True)))
    asset_sizes: dict[str, int] = {}
    print(f"{'page':60} {'HTML raw':>9} {'HTML gz':>8} {'first visit gz':>15} {'lite HTML gz':>13}")
    largest_html = largest_visit = largest_lite = 0
    for url in urls:
        html = client.get(url).data
        assets = ASSET.findall(html.decode())
        # JavaScript modules import the GOV.UK Frontend bundle too.
        assets.append("/static/govuk-frontend.min.js")
        for asset in assets:
            if asset not in asset_sizes:
                asset_sizes[asset] = compressed(client.get(asset).data)
        first_visit = compressed(html) + sum(asset_sizes[a] for a in set(assets))
        lite_html = compressed(lite.get(url).data)
        largest_html = max(largest_html, compressed(html))
        largest_visit = max(largest_visit, first_visit)
        largest_lite = max(largest_lite, lite_html)
        print(
            f"{url:60} {len(html):>9,} {compressed(html):>8,} {first_visit:>15,} {lite_html:>13,}"
        )
    print()
    for asset, size in sorted(asset_sizes.items()):
        print(f"{asset:60} {'':>9} {size:>8,}")
    print(
        f"\n{len(urls)} pages. Largest HTML: {largest_html:,} bytes gzipped; "
        f"largest first visit: {largest_visit:,} bytes gzipped; "
        f"largest lite-mode HTML: {largest_lite:,} bytes gzipped."
    )


if __name__ == "__main__":
    main()
