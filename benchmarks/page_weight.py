"""Print what every page costs to send, with no needs declared and in lite mode.

    make bench-weight      (or: .venv/bin/python -m benchmarks.page_weight)

For each page: the HTML compressed with brotli (what browsers get) and with gzip, the
first visit (HTML with its stylesheet, script and icon), and the same first visit in lite
mode (a slow or expensive connection declared). Budgets are checked by
tests/integration/test_budgets.py; this script only reports.
"""

from benchmarks.weights import weigh
from config import TestConfig
from portal import create_app
from portal.needs import store
from portal.needs.model import Needs
from portal.sitemap import page_urls


def main() -> None:
    app = create_app(TestConfig())
    client, lite = app.test_client(), app.test_client()
    with app.test_request_context():
        urls = page_urls()
        lite.set_cookie(store.COOKIE_NAME, store.dump(Needs(lite=True)))
    header = ("page", "HTML br", "HTML gzip", "first visit br", "lite visit br")
    print(f"{header[0]:58} {header[1]:>8} {header[2]:>10} {header[3]:>15} {header[4]:>14}")
    largest = {"html": 0, "gzip": 0, "visit": 0, "lite": 0}
    assets: dict[str, int] = {}
    for url in urls:
        weight = weigh(client, url)
        gzipped = weigh(client, url, encoding="gzip").html
        lite_visit = weigh(lite, url).first_visit
        assets.update(weight.assets)
        row = {
            "html": weight.html,
            "gzip": gzipped,
            "visit": weight.first_visit,
            "lite": lite_visit,
        }
        largest = {key: max(largest[key], row[key]) for key in largest}
        print(
            f"{url:58} {weight.html:>8,} {gzipped:>10,} {weight.first_visit:>15,} {lite_visit:>14,}"
        )
    print("\nStatic files (brotli, as sent):")
    for asset, size in sorted(assets.items()):
        print(f"  {asset:56} {size:>8,}")
    print(
        f"\n{len(urls)} pages. Largest: HTML {largest['html']:,} bytes (brotli), "
        f"{largest['gzip']:,} (gzip); first visit {largest['visit']:,}; "
        f"lite-mode first visit {largest['lite']:,}."
    )


if __name__ == "__main__":
    main()
