"""A British Sign Language user is offered what exists: video relay where a service has
it, and everywhere else an interpreter, booked through "ask us to contact you" with BSL
already ticked. With JavaScript off, as every journey must work."""

from playwright.sync_api import expect

from tests.browser.profiles import new_context
from tests.support.axe import no_axe_violations


def test_without_video_relay_a_bsl_user_is_offered_an_interpreter(browser, live_server):
    context = new_context(browser, live_server, "no-needs", java_script_enabled=False)
    context.add_cookies([bsl_cookie(live_server)])
    page = context.new_page()
    page.context_js_enabled = False

    page.goto(live_server + "/services/apply-for-a-blue-badge")  # it has video relay
    expect(page.locator("#channel-bsl-interpreter")).to_have_count(0)
    expect(page.locator(".app-channel").first).to_have_id("channel-bsl-video")

    page.goto(live_server + "/cy/services/report-a-missed-bin-collection")  # it has none
    offer = page.locator("#channel-bsl-interpreter")
    expect(offer).to_contain_text("dehonglydd BSL")
    no_axe_violations(page)
    offer.get_by_role("link", name="Gofyn am ddehonglydd BSL").click()
    expect(page).to_have_url(
        live_server + "/cy/services/report-a-missed-bin-collection/ask-us-to-contact-you"
    )
    expect(page.get_by_label("Dehonglydd Iaith Arwyddion Prydain (BSL)")).to_be_checked()
    context.close()


def bsl_cookie(live_server: str) -> dict:
    from portal.needs import store
    from portal.needs.model import Needs
    from tests.support.apps import shared_app

    with shared_app().test_request_context():
        value = store.dump(Needs(bsl=True, language="cy"))
    return {"name": store.COOKIE_NAME, "value": value, "url": live_server}
