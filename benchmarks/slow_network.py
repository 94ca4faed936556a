"""Load key pages in Chromium on an emulated slow connection and a slow phone.

    make bench-slow-network

400 kbit/s each way, 400 ms round trip, CPU slowed 4 times, empty cache (a first visit).
Prints the time to the load event and the Largest Contentful Paint for each page, with
no needs declared and in lite mode. Loopback only: the portal runs in this process.
"""

import logging
import os
import threading

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from config import TestConfig
from portal import create_app
from portal.needs import store
from portal.needs.model import Needs

ROUTES = [
    "/",
    "/services/apply-for-a-blue-badge",
    "/cy/services/apply-for-a-blue-badge",
    "/ar/services/apply-for-a-blue-badge",
    "/guides/what-goes-in-each-recycling-bin",
    "/your-needs/text-size",
]
KBIT = 1000 / 8  # bytes per second in one kbit/s
NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 400 * KBIT}
NETWORK["uploadThroughput"] = 400 * KBIT
CPU_SLOWDOWN = 4
LCP_SCRIPT = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(null), 5000);
})"""


def measure(browser, base: str, url: str, cookie: str | None) -> tuple[float, float | None]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    if cookie:
        context.add_cookies([{"name": store.COOKIE_NAME, "value": cookie, "url": base}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(base + url, wait_until="load")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    lcp = page.evaluate(LCP_SCRIPT)
    context.close()
    return load, lcp


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(TestConfig())
    with app.test_request_context():
        lite_cookie = store.dump(Needs(lite=True))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium") or None
    print("First visit, 400 kbit/s, 400 ms round trip, CPU slowed 4x, 360 px wide.")
    print(f"{'page':44} {'load ms':>8} {'LCP ms':>7} {'lite load':>10} {'lite LCP':>9}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--disable-background-networking"]
        )
        for url in ROUTES:
            load, lcp = measure(browser, base, url, None)
            lite_load, lite_lcp = measure(browser, base, url, lite_cookie)
            print(
                f"{url:44} {load:>8.0f} {lcp or 0:>7.0f} {lite_load:>10.0f} {lite_lcp or 0:>9.0f}"
            )
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
