import pytest

from config import ConfigError, DevelopmentConfig, ProductionConfig, config_from_environment
from portal.languages import Languages


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    config = ProductionConfig()
    monkeypatch.setattr(config, "SECRET_KEY", None)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        config.validate()


def test_production_is_the_default_so_a_forgotten_setting_is_safe(monkeypatch):
    monkeypatch.delenv("PORTAL_ENV", raising=False)
    assert isinstance(config_from_environment(), ProductionConfig)


def test_unknown_environment_name_is_refused(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "staging")
    with pytest.raises(ConfigError, match="PORTAL_ENV is 'staging'"):
        config_from_environment()


def test_production_cookies_are_secure_and_development_cookies_work_over_http():
    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert DevelopmentConfig.SESSION_COOKIE_SECURE is False


def test_english_is_the_default_language_and_welsh_is_offered():
    registry = Languages(ProductionConfig.LANGUAGES)
    assert registry.default.code == "en"
    assert "cy" in registry
    assert registry.content_codes == ("en", "cy")  # full parity; Arabic is interface only


def test_a_server_or_a_test_building_the_app_still_gets_the_exception(monkeypatch):
    from portal import create_app

    config = ProductionConfig()
    monkeypatch.setattr(config, "SECRET_KEY", None)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(config)


def test_on_the_command_line_a_missing_setting_is_one_plain_sentence(monkeypatch):
    import click

    from portal import create_app

    monkeypatch.delenv("PORTAL_ENV", raising=False)
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", None)  # read from the environment once
    with click.Context(click.Command("flask")), pytest.raises(SystemExit) as stopped:
        create_app()
    assert stopped.value.code == (
        "Error: Set the SECRET_KEY environment variable, or set this checkout up for "
        "development with `make run` (it writes PORTAL_ENV=development to .flaskenv)."
    )
    # A server's environment says PORTAL_ENV: no advice about checkouts there.
    monkeypatch.setenv("PORTAL_ENV", "production")
    with click.Context(click.Command("flask")), pytest.raises(SystemExit) as stopped:
        create_app()
    assert stopped.value.code == "Error: Set the SECRET_KEY environment variable."


def test_on_the_command_line_content_problems_are_listed_without_a_traceback():
    from portal import startup_problem_message
    from portal.publishing.loader import ContentError

    message = startup_problem_message(ContentError("a.md: field 'title': required\nb.md: bad"))
    assert message == (
        "Error: the portal cannot start until these content problems are fixed "
        "(see docs/content-guide.md):\n  a.md: field 'title': required\n  b.md: bad"
    )
