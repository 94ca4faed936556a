"""Measure what a page costs to send: the bytes on the wire, as a browser would get them.

Shared by the budget tests and benchmarks/page_weight.py, so both count the same way.
"""

from dataclasses import dataclass

from bs4 import BeautifulSoup

# What Chromium, Firefox and Safari send; the portal answers with brotli.
BROWSER_ENCODINGS = "gzip, deflate, br"


@dataclass(frozen=True)
class Weight:
    html: int  # the page itself, compressed as sent
    assets: dict[str, int]  # each stylesheet, script and icon the page asks for, as sent

    @property
    def first_visit(self) -> int:
        return self.html + sum(self.assets.values())


def sent_size(client, url: str, encoding: str = BROWSER_ENCODINGS) -> tuple[int, bytes]:
    """(bytes on the wire, the uncompressed body's first bytes are not needed) for one URL."""
    with client.get(url, headers={"Accept-Encoding": encoding}) as response:
        assert response.status_code == 200, f"{url}: {response.status_code}"
        body = response.get_data()
    return len(body), body


def weigh(client, url: str, encoding: str = BROWSER_ENCODINGS) -> Weight:
    """The page's compressed size and that of every asset a first visit downloads."""
    html_size, _ = sent_size(client, url, encoding)
    with client.get(url) as plain:
        page = BeautifulSoup(plain.get_data(), "html.parser")
    asset_urls = [link["href"] for link in page.select("link[rel~=stylesheet], link[rel~=icon]")]
    asset_urls += [script["src"] for script in page.select("script[src]")]
    assets = {asset: sent_size(client, asset, encoding)[0] for asset in asset_urls}
    return Weight(html_size, assets)
