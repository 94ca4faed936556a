"""The access policy: every staff route says who may use it, and means it.

A route added without `@requires(...)` or `@open_to_anyone` fails the first test here,
and is refused to everyone by the blueprint until it has one.
"""

import pytest
from werkzeug.routing import IntegerConverter

from portal.assist.access import ANYONE, access_of
from portal.assist.roles import PERMISSIONS, ROLES
from tests.support.staff import STAFF, create_staff, signed_in

OPEN_ROUTES = {"staff.sign_in", "staff.sign_in_code"}


def staff_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("staff.")]


def routes_without_a_decision(app) -> list[str]:
    return sorted(
        rule.endpoint
        for rule in staff_rules(app)
        if access_of(app.view_functions[rule.endpoint]) is None
    )


def url_for_rule(rule) -> str:
    values = {
        name: 1 if isinstance(rule._converters[name], IntegerConverter) else "AAAA-BBBB"
        for name in rule._converters
    }
    if "lang" in values:
        values["lang"] = "cy"
    return rule.build(values, append_unknown=False)[1]


def test_every_staff_route_has_an_access_decision(app):
    assert len(staff_rules(app)) >= 20
    assert routes_without_a_decision(app) == []
    open_routes = {
        r.endpoint for r in staff_rules(app) if access_of(app.view_functions[r.endpoint]) == ANYONE
    }
    assert open_routes == OPEN_ROUTES


def test_a_route_without_a_decision_is_caught_and_refused(app, staff):
    """The check above can fail: add a route with no decision and it names it, and the
    blueprint refuses it even to an administrator."""
    app.add_url_rule("/staff/forgotten", endpoint="staff.forgotten", view_func=lambda: "secret")
    assert routes_without_a_decision(app) == ["staff.forgotten"]
    client = signed_in(app, "admin@glanmor.example")
    response = client.get("/staff/forgotten")
    assert response.status_code == 403
    assert b"secret" not in response.data


def test_signed_out_every_staff_route_sends_you_to_sign_in(app):
    client = app.test_client()
    for rule in staff_rules(app):
        if rule.endpoint in OPEN_ROUTES:
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(url_for_rule(rule), method=method)
        if method == "POST":
            # CSRF is checked first (before anyone is known), and refuses the request.
            assert response.status_code in (302, 400), rule.rule
        else:
            assert response.status_code == 302, rule.rule
            assert "/staff/sign-in" in response.headers["Location"], rule.rule


@pytest.fixture
def app_without_csrf(make_app):
    """Role checks on POST routes: without CSRF in the way, the role decides."""
    # The plain test client: these pages have no tokens, which the page checks would report.
    return make_app(WTF_CSRF_ENABLED=False, check_pages=False)


@pytest.mark.parametrize("email", list(STAFF))
def test_each_role_reaches_exactly_what_its_permissions_allow(app_without_csrf, email):
    app = app_without_csrf
    create_staff(app)
    role = STAFF[email][0]
    client = signed_in(app, email)
    checked = 0
    for rule in staff_rules(app):
        permission = access_of(app.view_functions[rule.endpoint])
        if permission == ANYONE or rule.endpoint in ("staff.sign_out", "staff.sign_out_session"):
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(url_for_rule(rule), method=method)
        if role in PERMISSIONS[permission]:
            assert response.status_code != 403, (rule.rule, role)
        else:
            assert response.status_code == 403, (rule.rule, role, response.status_code)
        checked += 1
    assert checked >= 18


def test_every_role_is_named_in_some_permission():
    for role in ROLES:
        assert any(role in roles for roles in PERMISSIONS.values())


def test_staff_pages_are_in_welsh_too(app, staff):
    client = signed_in(app, "waste@glanmor.example")
    page = client.get("/cy/staff/requests").data.decode()
    assert '<html lang="cy"' in page
    assert "Galwadau&#39;n ôl ac apwyntiadau" in page or "Galwadau'n ôl ac apwyntiadau" in page
    assert client.get("/cy/staff/").status_code == 200


def test_staff_pages_are_not_in_the_public_sitemap(app):
    from portal.sitemap import page_urls

    with app.test_request_context():
        assert not [url for url in page_urls() if "/staff" in url]


def test_a_refusal_says_it_is_about_permission_and_keeps_the_staff_pages_around_it(app):
    create_staff(app)
    assistant = signed_in(app, "waste@glanmor.example")
    refused = assistant.get("/staff/admin/staff")
    assert refused.status_code == 403
    page = refused.get_data(as_text=True)
    assert "You do not have permission to see this page" in page
    assert 'aria-label="Staff pages"' in page  # the staff navigation, not the citizen 404
    missing = assistant.get("/cy/staff/submissions/ZZZZ-ZZZZ")
    assert missing.status_code == 404
    welsh = missing.get_data(as_text=True)
    assert "Efallai ei bod yn perthyn i adran arall" in welsh
    assert "Mynd i hafan staff" in welsh
