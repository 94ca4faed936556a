"""Lite mode fits the first round trip of a slow connection: a byte count, not a timing."""

import gzip

FIRST_ROUND_TRIP = 14 * 1024


def test_every_page_in_lite_mode_is_at_most_14_kb_compressed(client, declare, page_urls):
    declare(lite=True)
    for url in page_urls:
        html = client.get(url).data
        assert b"<script" not in html, url
        size = len(gzip.compress(html, compresslevel=6))
        assert size <= FIRST_ROUND_TRIP, f"{url} is {size:,} bytes compressed in lite mode"
