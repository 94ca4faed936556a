"""Start-up time, peak memory and search latency as the content grows to 10,000 pages
in 2 languages.

    make bench-scale

Generates services in English and Welsh into a temporary folder, then, for each size in
a fresh process, times create_app() (which builds the content and search indexes) and
reads the process's peak resident memory. Growth should be close to linear in the number
of pages. Then it times 200 searches (half English, half Welsh) against the search index,
each what the search page asks of it: the results, then a spelling suggestion.
"""

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from config import ROOT

SIZES = (1_000, 2_500, 5_000, 10_000)
SEARCHES = 200
SEARCH_TARGET_P95_MS = 50
# What people might type into the generated content: one word, several, a title, a word
# on every page, a word on none, a misspelling (so no page has every word), misspellings
# that find nothing (a letter missing, two words run together, a word not finished), and
# Welsh with mutations ("wneud", "gais", "barcio").
ENGLISH_QUERIES = (
    "parking permit",
    "apply for a parking permit",
    "parking permit {n}",
    "proof of address",
    "national insurance number",
    "how much does a replacement cost",
    "recent photo of your face",
    "what happens next",
    "ask us to look again",
    "permits",
    "car",
    "who can apply",
    "working days",
    "blue badge",
    "parking permt",
    "parkng",
    "parkingpermit",
    "aply for a permi",
)
WELSH_QUERIES = (
    "gwneud cais",
    "gwneud cais am barcio",
    "pwy all wneud cais",
    "gais am parking permit",
    "cais {n}",
    "pwy all",
    "trwydded barcio",
    "wneud cais am permit",
    "parking",
    "bathodyn glas",
    "trwydded barcio sebra",
    "gwnued cias",
)
BODY = """## Who can apply

You can apply if you live on {street} Road in Glanmor and {topic}. You need to be 16 or
over.

## What you need

- proof of your address from the last 3 months
- your National Insurance number, if you have one
- a recent photo of your face

## How much it costs

| What | Cost |
|---|---|
| A new {thing} | £{price} |
| A replacement | £10 |

## What happens next

We check your application within {days} working days. We will write to you to say
what we decided and why. If we say no, you can ask us to look again within 28 days.
"""
FRONT = """---
title: {title}
summary: Apply for {thing} number {n} from Glanmor County Council.
department: roads-and-transport
topics: [parking-and-roads]
owner: Generated team
last_reviewed: 2026-10-01
review_by: 2027-04-01
channels:
  online:
    url: https://services.glanmor.example/generated/{n}
  phone:
    number: 029 2018 0{phone:03d}
    hours: Monday to Friday, 9am to 5pm
---
"""


# Each page names a made-up street ("Bafoki Road"), so the words the pages use grow with
# them, as real content's do: spelling suggestions search every word the pages have.
SYLLABLES = [consonant + vowel for consonant in "bcdfghjklmnprstvwxyz" for vowel in "aeiou"]


def street(n: int) -> str:
    return "".join(SYLLABLES[n // len(SYLLABLES) ** i % len(SYLLABLES)] for i in range(3)).title()


def generate(folder: Path, pages: int) -> None:
    shutil.copy(ROOT / "content" / "taxonomy.yaml", folder / "taxonomy.yaml")
    for kind in ("services", "guides", "pages"):
        (folder / kind).mkdir()
    for page in ("accessibility-statement", "cookies", "privacy", "contact"):
        for suffix in ("", ".cy"):
            source = ROOT / "content" / "pages" / f"{page}{suffix}.md"
            shutil.copy(source, folder / "pages" / source.name)
    for n in range(pages):
        values = {
            "n": n,
            "thing": "a parking permit",
            "title": f"Apply for a parking permit {n}",
            "topic": "you have a car",
            "street": street(n),
            "price": 20 + n % 50,
            "days": 5 + n % 10,
            "phone": n % 1000,
        }
        text = FRONT.format(**values) + BODY.format(**values)
        (folder / "services" / f"generated-service-{n}.md").write_text(text)
        welsh = text.replace("Apply for", "Gwneud cais am").replace("Who can apply", "Pwy all")
        (folder / "services" / f"generated-service-{n}.cy.md").write_text(welsh)


def measure(folder: Path) -> None:
    """Run in a fresh process: time create_app() on the folder, print seconds and MB."""
    from config import TestConfig
    from portal import create_app

    config = TestConfig()
    config.CONTENT_DIR = folder
    started = time.perf_counter()
    app = create_app(config)
    seconds = time.perf_counter() - started
    pages = len(app.extensions["content"].index.pages)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50, p95 = search_latency(app.extensions["content"].search, pages // 2)
    print(f"{pages} {seconds:.2f} {peak_mb:.0f} {p50:.2f} {p95:.2f}")


def search_latency(index, services: int) -> tuple[float, float]:
    """Median and 95th percentile milliseconds of SEARCHES searches, English and Welsh,
    each with its spelling suggestion (portal.search.views asks for both)."""
    timings = []
    for n in range(SEARCHES):
        queries, language = (ENGLISH_QUERIES, "en") if n % 2 == 0 else (WELSH_QUERIES, "cy")
        query = queries[(n // 2) % len(queries)].format(n=(n * 97) % max(services, 1))
        started = time.perf_counter()
        index.search(query, language)
        index.suggestion(query, language)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def main() -> None:
    print("Content and search indexes built by create_app(), each size in a fresh process.")
    print(f"Search: {SEARCHES} queries, English and Welsh; target p95 <= {SEARCH_TARGET_P95_MS} ms")
    columns = ("services x 2 languages", "files", "start-up s", "peak MB", "ms/page")
    print(
        f"{columns[0]:>23} {columns[1]:>7} {columns[2]:>11} {columns[3]:>8} {columns[4]:>8}"
        f" {'search p50 ms':>14} {'p95 ms':>7} {'target':>7}"
    )
    for size in SIZES:
        with tempfile.TemporaryDirectory(prefix="portal-scale-") as folder:
            generate(Path(folder), size)
            output = subprocess.run(
                [sys.executable, "-m", "benchmarks.content_scale", "--measure", folder],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout.split()
        pages, seconds, peak = int(output[0]), float(output[1]), float(output[2])
        p50, p95 = float(output[3]), float(output[4])
        verdict = "met" if p95 <= SEARCH_TARGET_P95_MS else "MISSED"
        print(
            f"{size:>23,} {pages:>7,} {seconds:>11.2f} {peak:>8.0f} {seconds * 1000 / pages:>8.2f}"
            f" {p50:>14.2f} {p95:>7.2f} {verdict:>7}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(Path(sys.argv[2]))
    else:
        main()
