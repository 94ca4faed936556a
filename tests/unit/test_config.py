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
