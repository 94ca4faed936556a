"""The words GOV.UK Frontend's components write themselves ("Error:", "Show password",
"You can enter up to 1200 characters", the character count's messages as someone types)
are in the page's language, on every page that uses such a component."""

import re

import pytest
from bs4 import BeautifulSoup

from portal.assist.models import StaffMember
from portal.extensions import db
from tests.support.forms import csrf_token, submit_form
from tests.support.pages import decoded
from tests.support.staff import create_staff, signed_in

# What GOV.UK Frontend (the macros and the JavaScript) writes when a param is left out.
ENGLISH_PHRASES = (
    "You can enter up to",
    "character remaining",
    "characters remaining",
    "character too many",
    "characters too many",
    "Show password",
    "Hide password",
    "Your password is",
    "Skip to main content",
)
# Short words, looked for only where the component writes them.
ENGLISH_WORDS = {
    ".govuk-error-message .govuk-visually-hidden": ("Error:",),
    ".govuk-warning-text__text .govuk-visually-hidden": ("Warning",),
    ".govuk-notification-banner__title": ("Important", "Success"),
    ".govuk-back-link": ("Back",),
    ".govuk-pagination__link-title": ("Previous page", "Next page"),
    ".govuk-password-input__toggle": ("Show", "Hide"),
    ".govuk-date-input__label": ("Day", "Month", "Year"),
    ".govuk-service-navigation__toggle": ("Menu",),
}
ENGLISH_LABELS = ("Breadcrumb", "Pagination", "Menu", "Service information", "Show password")
ENGLISH_LABEL = re.compile(r"^(Page \d+)$")

CHARACTER_COUNTS = {
    # page: the limit
    "/feedback/problem?page=/": 1200,
    "/forms/apply-for-a-resident-parking-permit/feedback": 1200,
    "/services/apply-for-a-blue-badge/ask-us-to-contact-you": 500,
    "/forms/ask-for-a-care-needs-assessment/about": 1000,
}
WELSH_COUNT = {
    "textarea": "Gallwch ddefnyddio hyd at {limit} nod",
    "characters-under-limit": "Mae gennych %{count} nod ar ôl",
    "characters-at-limit": "Mae gennych 0 nod ar ôl",
    "characters-over-limit": "Mae gennych %{count} nod yn ormod",
}
ARABIC_COUNT = {
    "textarea": "الحد الأقصى لعدد الأحرف: {limit}",
    "characters-under-limit": "عدد الأحرف المتبقية: %{count}",
    "characters-at-limit": "لم يتبقَّ لديك أي حرف",
    "characters-over-limit": "عدد الأحرف الزائدة: %{count}",
}
SIX_FORMS = ["zero", "one", "two", "few", "many", "other"]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(decoded(response), "html5lib")


def english_component_words(soup: BeautifulSoup) -> list[str]:
    """GOV.UK Frontend's own English on a Welsh or Arabic page (outside text marked
    lang="en", which is English content on purpose)."""
    for marked in soup.select('[lang="en"]'):
        marked.decompose()
    for script in soup(["script", "style"]):
        script.decompose()
    found = []
    text = " ".join(soup.body.get_text(" ").split())
    found += [phrase for phrase in ENGLISH_PHRASES if phrase in text]
    for selector, words in ENGLISH_WORDS.items():
        for element in soup.select(selector):
            shown = " ".join(element.get_text(" ").split())
            found += [f"{selector}: {shown}" for word in words if shown == word]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = value if isinstance(value, str) else " ".join(value)
            if name == "aria-label" and (value in ENGLISH_LABELS or ENGLISH_LABEL.match(value)):
                found.append(f"aria-label={value!r}")
            if name.startswith("data-i18n.") and re.search(r"\b(You|Show|Hide)\b", value):
                found.append(f"{name}={value!r}")
    return found


@pytest.mark.rendering
def test_no_page_in_welsh_or_arabic_has_govuk_frontends_english(client, page_urls):
    pages = [url for url in page_urls if url.startswith(("/cy/", "/ar/"))]
    assert len(pages) > 40
    for url in pages:
        assert english_component_words(soup_of(client.get(url))) == [], url


@pytest.mark.parametrize("path", list(CHARACTER_COUNTS))
def test_the_welsh_character_count_says_everything_in_welsh(client, path):
    limit = CHARACTER_COUNTS[path]
    response = client.get("/cy" + path)
    assert response.status_code == 200
    html = decoded(response)
    assert "You can enter up to" not in html
    assert "characters remaining" not in html
    soup = soup_of(response)
    count = soup.select_one(".govuk-character-count")
    # Without JavaScript: the limit, in Welsh.
    hint = count.select_one(".govuk-character-count__message").get_text(" ", strip=True)
    assert hint == WELSH_COUNT["textarea"].format(limit=limit)
    # For the JavaScript: every message, in each of Welsh's six plural forms.
    assert count["data-maxlength"] == str(limit)
    for key in ("characters-under-limit", "characters-over-limit"):
        assert [form for form in SIX_FORMS if f"data-i18n.{key}.{form}" in count.attrs] == (
            SIX_FORMS
        )
        for form in SIX_FORMS:
            assert count[f"data-i18n.{key}.{form}"] == WELSH_COUNT[key]
    assert count["data-i18n.characters-at-limit"] == WELSH_COUNT["characters-at-limit"]


def test_the_arabic_character_count_is_in_arabic_with_arabics_plural_forms(client):
    count = soup_of(client.get("/ar/feedback/problem?page=/ar/")).select_one(
        ".govuk-character-count"
    )
    hint = count.select_one(".govuk-character-count__message").get_text(" ", strip=True)
    assert hint == ARABIC_COUNT["textarea"].format(limit=1200)
    for key in ("characters-under-limit", "characters-over-limit"):
        for form in SIX_FORMS:
            assert count[f"data-i18n.{key}.{form}"] == ARABIC_COUNT[key]
    assert count["data-i18n.characters-at-limit"] == ARABIC_COUNT["characters-at-limit"]


def test_english_needs_only_englishs_two_plural_forms(client):
    count = soup_of(client.get("/feedback/problem?page=/")).select_one(".govuk-character-count")
    i18n = sorted(name for name in count.attrs if name.startswith("data-i18n."))
    assert i18n == [
        "data-i18n.characters-at-limit",
        "data-i18n.characters-over-limit.one",
        "data-i18n.characters-over-limit.other",
        "data-i18n.characters-under-limit.one",
        "data-i18n.characters-under-limit.other",
    ]
    assert count["data-i18n.characters-under-limit.one"] == "You have %{count} character remaining"
    hint = count.select_one(".govuk-character-count__message").get_text(" ", strip=True)
    assert hint == "You can enter up to 1200 characters"


def test_error_messages_on_a_welsh_form_are_announced_as_welsh_errors(client):
    token = csrf_token(client, "/cy/feedback/problem?page=/cy/")
    response = client.post(
        "/cy/feedback/problem", data={"csrf_token": token, "page": "/cy/", "what_doing": "x" * 1201}
    )
    soup = soup_of(response)
    hidden = soup.select_one("#what_doing-error .govuk-visually-hidden")
    assert hidden.get_text(strip=True) == "Gwall:"
    assert english_component_words(soup) == []


@pytest.mark.parametrize(
    "url",
    [
        "/cy/forms/apply-for-a-resident-parking-permit/address",  # our address fieldset
        "/cy/forms/apply-for-a-resident-parking-permit/start-date",  # our date widget
        "/cy/forms/ask-for-a-care-needs-assessment/about",  # a character count
        "/ar/forms/report-a-missed-bin-collection/collection-date",
    ],
)
def test_form_questions_sent_empty_or_too_long_show_errors_in_the_pages_language(client, url):
    page = client.post(url, data={"csrf_token": csrf_token(client, url), "answer": "x" * 5000})
    assert page.status_code == 400
    soup = soup_of(page)
    hidden = [
        e.get_text(strip=True) for e in soup.select(".govuk-error-message .govuk-visually-hidden")
    ]
    assert hidden == ["Gwall:" if url.startswith("/cy/") else "خطأ:"], url
    assert english_component_words(soup) == [], url


def test_staff_pages_in_welsh_password_warning_success_and_pages(app):
    create_staff(app)
    admin = signed_in(app, "admin@glanmor.example")
    # Password inputs: the toggle's words and the JavaScript's.
    sign_in = soup_of(app.test_client().get("/cy/staff/sign-in"))
    toggle = sign_in.select_one(".govuk-password-input__toggle")
    assert toggle.get_text(strip=True) == "Dangos"
    assert toggle["aria-label"] == "Dangos cyfrinair"
    password = sign_in.select_one(".govuk-password-input")
    assert password["data-i18n.hide-password"] == "Cuddio"
    assert password["data-i18n.hide-password-aria-label"] == "Cuddio cyfrinair"
    assert password["data-i18n.password-shown-announcement"] == "Mae eich cyfrinair yn weladwy"
    assert password["data-i18n.password-hidden-announcement"] == (
        "Mae eich cyfrinair wedi'i guddio"
    )
    # Errors on a staff form.
    errors = soup_of(submit_form(admin, "/cy/staff/account/password", {}))
    assert [e.get_text(strip=True) for e in errors.select(".govuk-error-message span")] == [
        "Gwall:"
    ] * len(errors.select(".govuk-error-message"))
    assert english_component_words(errors) == []
    # A success banner (a flashed message) has a Welsh title.
    with app.app_context():
        member = db.session.scalar(
            db.select(StaffMember).where(StaffMember.email == "waste@glanmor.example")
        )
        member_id = member.id
    flashed = submit_form(admin, "/cy/staff/", to=f"/cy/staff/admin/staff/{member_id}/unlock")
    listing = soup_of(admin.get(flashed.headers["Location"]))
    assert listing.select_one(".govuk-notification-banner__title").get_text(strip=True) == (
        "Llwyddiant"
    )
    # The warning when someone is already being helped.
    submit_form(admin, "/cy/staff/help-someone", {"channel": "in_person", "consent": "y"})
    warning = soup_of(admin.get("/cy/staff/help-someone")).select_one(".govuk-warning-text")
    assert warning.select_one(".govuk-visually-hidden").get_text(strip=True) == "Rhybudd"
    # The audit log's pages.
    from portal.assist import audit_log

    with app.test_request_context():
        for _ in range(101):
            audit_log.record("staff_created", None, target="staff:0", email="command line")
    for url in ("/cy/staff/admin/audit", "/cy/staff/admin/audit?page=2"):
        pages = soup_of(admin.get(url))
        assert pages.select_one("nav.govuk-pagination")["aria-label"] == "Tudalennau"
        assert english_component_words(pages) == [], url
    links = [
        " ".join(link.get_text(" ").split())
        for link in pages.select(".govuk-pagination__link-title")
    ]
    assert links == ["Tudalen flaenorol"]
