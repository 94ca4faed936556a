"""The search index: what is found, in what order, and that no input can break it."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.publishing.schema import PageMeta
from portal.search import index as search_index
from portal.search.index import MAX_LIMIT, MAX_QUERY_CHARS, SearchIndex, clean_query


@dataclass(frozen=True)
class FakePage:
    """What the search index reads from a content page."""

    kind: str
    slug: str
    language: str
    variant: str | None
    meta: object
    text: str


def page(slug, title, summary="Nothing to see.", body="", *, kind="services", language="en",
         variant=None, draft=False):  # fmt: skip
    meta = PageMeta(
        title=title,
        summary=summary,
        owner="Test team",
        last_reviewed=date(2026, 1, 1),
        review_by=date(2026, 7, 1),
        draft=draft,
    )
    return FakePage(kind, slug, language, variant, meta, body)


def build(*pages) -> SearchIndex:
    return SearchIndex.build({(p.kind, p.slug, p.language, p.variant): p for p in pages}, "en")


def slugs(results) -> list[str]:
    return [hit.slug for hit in results.hits]


def test_a_title_match_comes_before_a_body_match():
    # The body page sorts first and says "badge" many times; the title still wins.
    index = build(
        page("a-parking", "Parking", body="Your badge. " * 20 + "Show the badge."),
        page("z-blue-badge", "Apply for a Blue Badge", body="Fill in the form."),
    )
    assert slugs(index.search("badge", "en")) == ["z-blue-badge", "a-parking"]


def test_a_summary_match_comes_before_a_body_match():
    index = build(
        page("a-parking", "Parking", body="A permit for each car. " * 5),
        page("z-visitors", "Visitors", summary="Get a permit for a visitor."),
    )
    assert slugs(index.search("permit", "en")) == ["z-visitors", "a-parking"]


def test_only_pages_with_every_word_are_found_when_there_are_any():
    index = build(
        page("blue-bin", "Blue bin"),
        page("blue-badge", "Blue badge"),
        page("green-bin", "Green bin"),
    )
    results = index.search("blue bin", "en")
    assert (results.total, slugs(results)) == (1, ["blue-bin"])


def test_pages_with_any_word_are_found_when_none_has_every_word():
    index = build(page("blue-bin", "Blue bin"), page("blue-badge", "Blue badge"))
    assert index.search("blue zebra", "en").total == 2


def test_when_no_page_has_every_word_pages_with_more_of_them_come_first():
    # "get" is in one title; the page the reader wants has their other two words.
    index = build(
        page("a-help", "Get help with money"),
        page("z-bulky", "Bulky waste", body="We collect an old sofa."),
    )
    results = index.search("get rid of an old sofa", "en")
    assert slugs(results) == ["z-bulky", "a-help"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("badges", "Apply for a Blue Badge"),
        ("collected", "Report a missed bin collection"),
        ("Parking PERMITS", "Apply for a resident parking permit"),
        ("cafe", "Find a café"),
    ],
)
def test_english_words_match_whatever_their_ending_case_or_accents(query, title):
    index = build(page("the-page", title))
    assert slugs(index.search(query, "en")) == ["the-page"]


@pytest.mark.parametrize(
    "query", ["gais am fathodyn glas", "fy nghais", "bathodynnau", "Bathodyn Glâs"]
)
def test_a_welsh_query_finds_the_page_whatever_its_mutations(query):
    index = build(
        page("blue-badge", "Apply for a Blue Badge"),
        page("blue-badge", "Gwneud cais am Fathodyn Glas", language="cy"),
        page("bins", "Report a missed bin"),
        page("bins", "Rhoi gwybod am fin heb ei gasglu", language="cy"),
    )
    assert slugs(index.search(query, "cy"))[:1] == ["blue-badge"]


def test_each_language_searches_its_own_pages():
    index = build(
        page("blue-badge", "Apply for a Blue Badge"),
        page("blue-badge", "Gwneud cais am Fathodyn Glas", language="cy"),
    )
    assert index.search("bathodyn", "en").total == 0
    hit = index.search("bathodyn", "cy").hits[0]
    assert (hit.title, hit.language, hit.fallback) == ("Gwneud cais am Fathodyn Glas", "cy", False)


def test_a_language_with_no_pages_searches_the_default_language_as_a_fallback():
    index = build(page("blue-badge", "Apply for a Blue Badge"))
    hit = index.search("blue badge", "ar").hits[0]
    assert (hit.slug, hit.language, hit.fallback) == ("blue-badge", "en", True)


def test_a_page_with_no_translation_is_found_in_the_default_language():
    index = build(
        page("blue-badge", "Apply for a Blue Badge"),
        page("blue-badge", "Gwneud cais am Fathodyn Glas", language="cy"),
        page("pothole", "Report a pothole"),
    )
    hit = index.search("pothole", "cy").hits[0]
    assert (hit.slug, hit.fallback) == ("pothole", True)


def test_drafts_other_versions_and_other_kinds_are_never_found():
    index = build(
        page("draft", "Secret badge plans", draft=True),
        page("blue-badge", "Blue Badge"),
        page("blue-badge", "Blue Badge: Easy Read badge badge", variant="easy-read"),
        page("cookies", "Cookies and badges", kind="pages"),
        page("english-draft", "Badge", draft=True),
        page("english-draft", "Bathodyn", language="cy"),
    )
    assert [(hit.slug, hit.title) for hit in index.search("badge", "en").hits] == [
        ("blue-badge", "Blue Badge")
    ]
    # A draft English page takes its translation with it.
    assert index.search("bathodyn", "cy").total == 0


def test_a_draft_translation_leaves_the_english_page_to_be_found():
    index = build(
        page("blue-badge", "Apply for a Blue Badge"),
        page("blue-badge", "Gwneud cais am Fathodyn Glas", language="cy", draft=True),
    )
    assert index.search("bathodyn", "cy").total == 0
    hit = index.search("blue badge", "cy").hits[0]
    assert (hit.title, hit.fallback) == ("Apply for a Blue Badge", True)


def test_guides_and_step_by_step_steps_are_searched():
    steps = SimpleNamespace(
        title="Get help with housing costs",
        summary="What to do.",
        draft=False,
        steps=[SimpleNamespace(title="Pay less council tax", text="We could lower your bill.")],
    )
    index = build(
        page("struggling", "If you are struggling", body="Talk to your landlord.", kind="guides"),
        FakePage("step-by-step", "housing-costs", "en", None, steps, "Start now."),
    )
    assert slugs(index.search("landlord", "en")) == ["struggling"]
    assert [(h.kind, h.slug) for h in index.search("lower bill", "en").hits] == [
        ("step-by-step", "housing-costs")
    ]


def test_offset_and_limit_page_through_every_result_once():
    index = build(*(page(f"permit-{n:02}", f"Permit {n}") for n in range(25)))
    pages = [index.search("permit", "en", offset=offset, limit=10) for offset in (0, 10, 20)]
    assert [len(p.hits) for p in pages] == [10, 10, 5]
    assert {p.total for p in pages} == {25}
    assert len({slug for p in pages for slug in slugs(p)}) == 25
    assert len(index.search("permit", "en", limit=10_000).hits) == min(25, MAX_LIMIT)
    assert index.search("permit", "en", offset=-5).hits == pages[0].hits


@pytest.fixture(scope="module")
def index():
    return build(
        page("blue-badge", "Apply for a Blue Badge", body="Near your home."),
        page("blue-badge", "Gwneud cais am Fathodyn Glas", language="cy"),
    )


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "badge*",
        "OR",
        "AND OR NOT",
        "NOT badge",
        "NEAR(",
        "NEAR(badge blue, 2)",
        ")",
        "(",
        "^badge",
        "-badge",
        "+",
        "title:badge",
        "{title summary}: badge",
        "badge" * 2_000,
        "blue badge " * 1_000,
        "x" * 10_000,
        "🦡 badge 🏳️‍🌈",
        "\x00",
        "badge\x00blue",
        "\ud800",
        "\u202e\u200b",
        "'; DROP TABLE pages_0; --",
        "",
        "   ",
    ],
)
def test_no_query_causes_an_error(index, query):
    results = index.search(query, "en")
    assert results.total >= len(results.hits)
    assert index.search(query, "cy").total >= 0


def test_fts_syntax_is_searched_for_as_words(index):
    assert slugs(index.search("NEAR(blue badge)", "en")) == ["blue-badge"]
    assert slugs(index.search('"blue" OR', "en")) == ["blue-badge"]


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=300), language=st.sampled_from(["en", "cy", "ar", "xx"]))
def test_any_text_in_any_language_is_a_safe_query(index, query, language):
    results = index.search(query, language)
    assert results.total >= len(results.hits)


def test_threads_can_search_at_the_same_time(index):
    expected = slugs(index.search("blue badge", "en"))
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(lambda _: slugs(index.search("blue badge", "en")), range(200)))
    assert found == [expected] * 200


def test_a_forked_process_opens_its_own_copy(index, monkeypatch):
    before = index.search("blue badge", "en")
    monkeypatch.setattr(search_index.os, "getpid", lambda: -1)
    assert index.search("blue badge", "en") == before


def test_the_query_is_cleaned_before_it_is_searched_or_shown():
    assert clean_query("  blue\x00badge\n\t please  ") == "blue badge please"
    assert clean_query("\ud800\u202eblue") == "blue"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_CHARS


@pytest.fixture(scope="module")
def waste():
    return build(
        page("recycling", "Order a recycling container", body="Recycling boxes and bins."),
        page("recycling", "Archebu cynhwysydd ailgylchu", body="Bocsys ailgylchu.", language="cy"),
        page("blue-badge", "Apply for a Blue Badge", body="Park near the shops."),
        page(
            "blue-badge",
            "Gwneud cais am Fathodyn Glas",
            body="Ffoniwch ni ar y ffôn.",
            language="cy",
        ),
        page("parking", "Apply for a resident parking permit", body="Parking near your home."),
    )


@pytest.mark.parametrize(
    ("query", "language", "suggested"),
    [
        ("recyling", "en", "recycling"),  # a letter missing
        ("parkin", "en", "parking"),  # not finished
        ("bluebadge", "en", "blue badge"),  # two words run together
        ("ailgylchy", "cy", "ailgylchu"),  # a letter wrong, in Welsh
        ("ffonn", "cy", "ffôn"),  # written as the pages write it
    ],
)
def test_a_word_no_page_has_gets_a_suggestion_that_finds_pages(waste, query, language, suggested):
    assert waste.search(query, language).total == 0
    suggestion = waste.suggestion(query, language)
    assert (suggestion.query, suggestion.language) == (suggested, language)
    assert waste.search(suggestion.query, language).total > 0


def test_the_other_words_stay_as_typed(waste):
    assert waste.suggestion("new Recyling box!", "en").query == "new Recycling box!"
    assert waste.suggestion("RECYLING bins", "en").query == "Recycling bins"


def test_a_query_whose_words_are_all_found_gets_no_suggestion(waste):
    assert waste.suggestion("recycling", "en") is None
    assert waste.suggestion("blue badges", "en") is None  # found through its stem


def test_a_mutated_welsh_word_is_found_not_corrected(waste):
    # "am fathodyn" is how Welsh says "for a badge"; the page says "Fathodyn" and "glas".
    assert waste.suggestion("gais am fathodyn glas", "cy") is None
    assert waste.suggestion("bathodynnau", "cy") is None


def test_a_word_close_to_none_of_ours_gets_no_suggestion(waste):
    assert waste.suggestion("xylophone", "en") is None
    assert waste.suggestion("recycling xylophone", "en") is None


def test_a_word_found_with_others_that_are_not_gets_a_suggestion_too(waste):
    # The pages with "bins" are found; "recyling" is in none, so it is still suggested.
    assert waste.search("recyling bins", "en").total > 0
    assert waste.suggestion("recyling bins", "en").query == "recycling bins"


def test_each_language_suggests_from_its_own_words(waste):
    assert waste.suggestion("ailgylchy", "en") is None
    assert waste.suggestion("cynhwysyd", "cy").query == "cynhwysydd"


def test_a_language_with_no_pages_gets_suggestions_from_the_default_language(waste):
    suggestion = waste.suggestion("recyling", "ar")
    assert (suggestion.query, suggestion.language) == ("recycling", "en")


def test_only_the_words_a_search_reads_are_corrected(waste):
    # A search reads the first MAX_QUERY_WORDS words; a long query costs no more.
    others = [f"q{letter}" for letter in "abcdefghijklmnopqrstuvwxyz"]
    query = " ".join(["recyling", *others[: search_index.MAX_QUERY_WORDS - 1], "parkin"])
    suggested = waste.suggestion(query, "en").query.split()
    assert (suggested[0], suggested[-1]) == ("recycling", "parkin")


@pytest.mark.parametrize(
    "query", ["", "   ", "\x00", "🦡", "x" * 10_000, "badge" * 2_000, "NEAR(", "12345"]
)
def test_no_query_causes_an_error_in_the_suggestion(index, query):
    suggestion = index.suggestion(query, "en")
    assert suggestion is None or suggestion.query


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=300), language=st.sampled_from(["en", "cy", "ar", "xx"]))
def test_any_text_in_any_language_gets_a_suggestion_or_none(waste, query, language):
    suggestion = waste.suggestion(query, language)
    assert suggestion is None or waste.search(suggestion.query, language).total > 0
