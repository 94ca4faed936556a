"""The loader refuses bad content with a message naming the file, the field and the fix."""

from datetime import date
from pathlib import Path

import pytest

from portal.publishing.index import ContentIndex
from portal.publishing.loader import ContentError, load_page, load_taxonomy, split_name
from portal.publishing.schema import ServiceMeta
from tests.support.content import SERVICE_FRONT_MATTER, TAXONOMY

LANGUAGES = ("en", "cy")


SERVICE = (
    SERVICE_FRONT_MATTER
    + """## Who can apply

You can apply if you live in a permit zone.
"""
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "taxonomy.yaml").write_text(TAXONOMY)
    for kind in ("services", "guides", "pages"):
        (tmp_path / kind).mkdir()
    return tmp_path


def write(content: Path, name: str, text: str) -> Path:
    path = content / "services" / name
    path.write_text(text)
    return path


def load(content: Path, path: Path):
    return load_page(path, "services", load_taxonomy(content / "taxonomy.yaml"), LANGUAGES)


def test_a_valid_service_loads_with_typed_fields_and_rendered_body(content):
    page = load(content, write(content, "apply-for-a-parking-permit.md", SERVICE))
    assert isinstance(page.meta, ServiceMeta)
    assert page.slug == "apply-for-a-parking-permit"
    assert page.language == "en"
    assert page.meta.review_by == date(2027, 4, 1)
    assert [name for name, _ in page.meta.channels.offered()] == ["phone"]
    assert '<h2 id="who-can-apply" class="govuk-heading-m">' in page.body


def test_a_service_gives_its_service_front_matter_and_another_page_refuses(content):
    service = load(content, write(content, "apply-for-a-parking-permit.md", SERVICE))
    assert service.service_meta is service.meta
    about = content / "pages" / "about.md"
    about.write_text(
        "---\ntitle: About us\nsummary: Who we are.\nowner: Web team\n"
        "last_reviewed: 2026-10-01\nreview_by: 2027-04-01\n---\nAbout us.\n"
    )
    page = load_page(about, "pages", load_taxonomy(content / "taxonomy.yaml"), LANGUAGES)
    with pytest.raises(TypeError, match=r"about\.md is a pages page, not a service"):
        _ = page.service_meta


def test_welsh_file_name_gives_the_welsh_language():
    assert split_name(Path("apply.cy.md"), LANGUAGES) == ("apply", None, "cy")
    assert split_name(Path("apply.md"), LANGUAGES) == ("apply", None, "en")


def test_easy_read_file_names_give_the_variant():
    assert split_name(Path("apply.easy-read.md"), LANGUAGES) == ("apply", "easy-read", "en")
    assert split_name(Path("apply.easy-read.cy.md"), LANGUAGES) == ("apply", "easy-read", "cy")


def test_unknown_language_suffix_is_refused():
    with pytest.raises(ContentError, match=r"apply\.fr\.md: the name should be"):
        split_name(Path("apply.fr.md"), LANGUAGES)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("title: Apply for a parking permit\n", ""), "field 'title': this field is required"),
        (("review_by: 2027-04-01", "review_by: soon"), "field 'review_by': Input should be"),
        (
            ("review_by: 2027-04-01", "review_by: 2026-01-01"),
            "review_by must be a date after last_reviewed",
        ),
        (("department: parking", "department: bins"), "field 'department': unknown department"),
        (("topics: [roads]", "topics: [roads, parks]"), "field 'topics': unknown topic parks"),
        (("owner:", "onwer:"), "field 'onwer': this field is not in the schema"),
        (
            ("    hours: Monday to Friday, 9am to 5pm\n", ""),
            "field 'channels.phone.hours': this field is required",
        ),
    ],
)
def test_bad_front_matter_names_the_file_and_the_field(content, change, expected):
    path = write(content, "broken.md", SERVICE.replace(*change))
    with pytest.raises(ContentError) as error:
        load(content, path)
    assert str(path) in str(error.value)
    assert expected in str(error.value)


def test_a_service_with_no_channels_is_refused(content):
    text = SERVICE.split("channels:")[0] + "channels: {}\n---\nBody\n"
    with pytest.raises(ContentError, match="give at least one way to use the service"):
        load(content, write(content, "no-channels.md", text))


def test_unreadable_yaml_is_refused_with_the_file_name(content):
    path = write(content, "bad-yaml.md", "---\ntitle: [unclosed\n---\nBody\n")
    with pytest.raises(ContentError, match=r"bad-yaml\.md: the front matter cannot be read"):
        load(content, path)


def test_index_lists_every_problem_at_once(content):
    write(content, "one.md", SERVICE.replace("owner: Parking team\n", ""))
    write(content, "two.md", SERVICE.replace("department: parking", "department: bins"))
    with pytest.raises(ContentError) as error:
        ContentIndex.build(content, LANGUAGES)
    assert "one.md: field 'owner'" in str(error.value)
    assert "two.md: field 'department'" in str(error.value)


def test_a_translation_without_an_english_page_is_refused(content):
    write(content, "only-welsh.cy.md", SERVICE)
    with pytest.raises(
        ContentError, match=r"only-welsh\.cy\.md: there is no en file beside this translation"
    ):
        ContentIndex.build(content, LANGUAGES)


def test_missing_translation_falls_back_to_english_and_says_so(content):
    write(content, "apply.md", SERVICE)
    index = ContentIndex.build(content, LANGUAGES)
    found = index.find("services", "apply", "cy")
    assert found.fallback is True
    assert found.page.language == "en"
    assert index.find("services", "apply", "en").fallback is False
    assert index.find("services", "nothing", "en") is None
