"""The content designers' preview: drafts, live reloading, and every profile side by side."""

import shutil
import time

import pytest

from config import ROOT
from portal.needs.code import encode
from portal.needs.model import Needs

DRAFT = """---
title: Apply for a garden waste permit
summary: Get your green bin emptied every two weeks.
owner: Waste team
last_reviewed: 2026-11-01
review_by: 2027-05-01
department: waste-and-recycling
topics: [bins-and-recycling]
draft: true
channels:
  phone:
    number: 029 2018 0999
    hours: Monday to Friday, 9am to 5pm
---
## Who can apply

Anyone with a garden in Glanmor.
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "services" / "apply-for-a-garden-waste-permit.md").write_text(DRAFT)
    return folder


@pytest.fixture
def client_for(make_app, content):
    """A test client of the portal on the content above, with or without the preview."""
    return lambda preview: make_app(CONTENT_DIR=content, PREVIEW=preview).test_client()


def test_a_draft_is_never_served_outside_the_preview(client_for):
    client = client_for(preview=False)
    assert client.get("/services/apply-for-a-garden-waste-permit").status_code == 404
    assert client.get("/preview/").status_code == 404


def test_the_preview_shows_drafts_and_lists_every_page(client_for):
    client = client_for(preview=True)
    assert client.get("/services/apply-for-a-garden-waste-permit").status_code == 200
    listing = client.get("/preview/").get_data(as_text=True)
    assert "Apply for a garden waste permit" in listing
    assert "Draft" in listing
    assert "Apply for a Blue Badge" in listing


def test_a_document_is_shown_in_both_languages_for_each_profile(client_for):
    client = client_for(preview=True)
    response = client.get("/preview/services/apply-for-a-blue-badge")
    html = response.get_data(as_text=True)
    assert html.count("<iframe") == 10
    assert "/cy/services/apply-for-a-blue-badge?preview-needs=" in html
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    # The frames really are shown as that person: Easy Read needs give the Easy Read page.
    code = encode(Needs(easy_read=True))
    framed = client.get(f"/services/apply-for-a-blue-badge?preview-needs={code}")
    assert "This is the Easy Read version" in framed.get_data(as_text=True)


def test_needs_in_the_url_are_ignored_outside_the_preview(client_for):
    client = client_for(preview=False)
    code = encode(Needs(easy_read=True))
    page = client.get(f"/services/apply-for-a-blue-badge?preview-needs={code}")
    assert "This is the Easy Read version" not in page.get_data(as_text=True)
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_saving_a_file_shows_the_change_and_a_mistake_shows_the_problem(client_for, content):
    client = client_for(preview=True)
    page = content / "services" / "apply-for-a-garden-waste-permit.md"
    version = client.get("/preview/version").get_data(as_text=True)

    time.sleep(0.01)
    page.write_text(DRAFT.replace("garden waste permit", "green bin permit"))
    assert "green bin permit" in client.get("/preview/").get_data(as_text=True)
    assert client.get("/preview/version").get_data(as_text=True) != version

    page.write_text(DRAFT.replace("owner: Waste team\n", ""))
    broken = client.get("/services/apply-for-a-blue-badge")
    assert broken.status_code == 500
    said = broken.get_data(as_text=True)
    # As `flask content check` says it: file and line, code, and the fix.
    assert f"{page}:1: error [front-matter] field &#39;owner&#39;: this field is required" in said
    assert "Fix: add `owner:` to the front matter" in said
    # The problems page can still notice the fix by itself: its script and the question
    # it asks are answered.
    assert client.get("/preview/live.js").status_code == 200
    assert client.get("/preview/version").status_code == 200

    page.write_text(DRAFT)
    assert client.get("/services/apply-for-a-blue-badge").status_code == 200


def test_the_preview_starts_on_broken_content_and_says_what_to_fix(client_for, content):
    page = content / "services" / "apply-for-a-garden-waste-permit.md"
    page.write_text(DRAFT.replace("summary:", "summary: [unclosed"))
    client = client_for(preview=True)  # a server would refuse; the preview starts
    broken = client.get("/preview/")
    assert broken.status_code == 500
    assert "error [front-matter] the front matter cannot be read" in broken.get_data(as_text=True)
    page.write_text(DRAFT)
    assert client.get("/preview/").status_code == 200
