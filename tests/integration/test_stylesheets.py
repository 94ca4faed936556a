"""Every GOV.UK Frontend class a page uses, that GOV.UK Frontend styles, is styled by the
stylesheets the page links to.

Ours compile only the components the templates use, to keep them small: a component
left out of that list is drawn unstyled (a textarea 176px wide, the parts of a date one
under another), and no other check would notice."""

import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from config import ROOT
from portal.needs import store
from portal.needs.personalise import ADJUSTMENTS
from tests.support.profiles import PROFILES

FULL_STYLESHEET = ROOT / "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css"


def classes_styled_by(css: str) -> set[str]:
    """The class names a stylesheet's selectors name (`\\!` unescaped)."""
    return {name.replace("\\", "") for name in re.findall(r"\.(-?[_a-zA-Z][\w\\!-]*)", css)}


@cache
def styled_by_govuk_frontend() -> frozenset[str]:
    return frozenset(classes_styled_by(FULL_STYLESHEET.read_text(encoding="utf-8")))


@cache
def styled_by(*names: str) -> frozenset[str]:
    files = (ROOT / "static" / "dist" / name for name in names)
    return frozenset(classes_styled_by("\n".join(f.read_text(encoding="utf-8") for f in files)))


def unstyled_classes(html: bytes) -> set[str]:
    page = BeautifulSoup(html, "html5lib")
    sheets = tuple(Path(link["href"]).name for link in page.select('link[rel="stylesheet"]'))
    used = {name for tag in page.find_all(class_=True) for name in tag["class"]}
    return (used & styled_by_govuk_frontend()) - styled_by(*sheets)


def test_the_check_finds_a_component_left_out(client):
    page = client.get("/").data.decode()
    assert unstyled_classes(page.encode()) == set()
    planted = page.replace("</main>", '<div class="govuk-accordion"></div></main>')
    assert unstyled_classes(planted.encode()) == {"govuk-accordion"}


@pytest.mark.rendering
def test_every_govuk_class_on_every_page_is_styled(client, page_urls):
    missing: dict[str, str] = {}
    for url in page_urls:
        for name in unstyled_classes(client.get(url).data):
            missing.setdefault(name, url)
    assert not missing, "\n".join(f"{name} (first on {url})" for name, url in missing.items())


@pytest.mark.parametrize("needs", [n for n, _options in PROFILES.values() if n.declared])
def test_a_declared_need_is_styled_by_a_stylesheet_the_page_links(app, needs):
    """needs.css, linked only for people who declared something it draws."""
    client = app.test_client()
    with app.test_request_context():
        client.set_cookie(store.COOKIE_NAME, store.dump(needs))
    page = BeautifulSoup(client.get("/").data, "html5lib")
    sheets = tuple(Path(link["href"]).name for link in page.select('link[rel="stylesheet"]'))
    drawn = {a.page_class for a in ADJUSTMENTS if a.styled}
    worn = set(page.html["class"]) & drawn
    assert worn == {a.page_class for a in ADJUSTMENTS if a.styled and a.applies(needs)}
    assert worn <= styled_by(*sheets), (worn, sheets)
    assert any(name.startswith("needs-") for name in sheets) == bool(worn)
