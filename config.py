"""Configuration, read from environment variables only.

Defaults are safe for production: secrets have none there, so a missing one stops
start-up loudly instead of running with a key everyone can read in this file.
"""

import os
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent


class ConfigError(RuntimeError):
    """Raised when the environment does not give a setting the portal cannot run without."""


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


# A checkout on a laptop answers to the names of this machine and nothing else.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(base_url: str, listed: str) -> list[str]:
    hosts = [host.strip().lower() for host in listed.split(",") if host.strip()]
    if base_url:
        hosts.insert(0, (urlsplit(base_url).hostname or "").lower())
    return hosts or list(LOOPBACK_HOSTS)


class Config:
    """Settings shared by every environment."""

    # Brand: this is not GOV.UK. A public body sets its own names and contact details.
    SERVICE_NAME = MappingProxyType(
        {
            "en": _env("PORTAL_SERVICE_NAME_EN", "Glanmor Council services"),
            "cy": _env("PORTAL_SERVICE_NAME_CY", "Gwasanaethau Cyngor Glanmor"),
            "ar": _env("PORTAL_SERVICE_NAME_AR", "خدمات مجلس غلانمور"),
        }
    )
    ORGANISATION_NAME = MappingProxyType(
        {
            "en": _env("PORTAL_ORGANISATION_NAME_EN", "Glanmor County Council"),
            "cy": _env("PORTAL_ORGANISATION_NAME_CY", "Cyngor Sir Glanmor"),
            "ar": _env("PORTAL_ORGANISATION_NAME_AR", "مجلس مقاطعة غلانمور"),
        }
    )
    # Glanmor is fictional: until a real body sets this to false, every page says so.
    DEMONSTRATION = _env("PORTAL_DEMONSTRATION", "true").lower() == "true"

    CONTENT_DIR = Path(_env("PORTAL_CONTENT_DIR", str(ROOT / "content")))
    # Published performance counts below this are shown as "fewer than N", so that no
    # figure can be traced to a few people.
    PERFORMANCE_MINIMUM_COUNT = int(_env("PORTAL_PERFORMANCE_MINIMUM_COUNT", "5"))
    # The content designers' preview (PreviewConfig): drafts and live reloading.
    PREVIEW = False

    # Every language the portal speaks, read by portal.languages and nothing else. The first
    # is the default and has no URL prefix; the others live under /<code>/. Adding one is a
    # record here and a .po file in translations/.
    #   name      the language's name for itself, so that people can find their own
    #   english   its name in English (translated where a sentence names it: "tested in Welsh")
    #   content   whether pages are written in it: English and Welsh have full parity;
    #             Arabic is an interface language only, its readers get English content
    #   offer     "Read this page in ...", written in the language itself, for a person who
    #             declared it and is reading a page in another one
    LANGUAGES = (
        MappingProxyType(
            {
                "code": "en",
                "name": "English",
                "english": "English",
                "direction": "ltr",
                "content": True,
                "offer": "Read this page in English",
            }
        ),
        MappingProxyType(
            {
                "code": "cy",
                "name": "Cymraeg",
                "english": "Welsh",
                "direction": "ltr",
                "content": True,
                "offer": "Darllen y dudalen hon yn Gymraeg",
            }
        ),
        MappingProxyType(
            {
                "code": "ar",
                "name": "العربية",
                "english": "Arabic",
                "direction": "rtl",
                "content": False,
                "offer": "اقرأ هذه الصفحة بالعربية",
            }
        ),
    )
    # `flask content check` warns above this reading age (Flesch-Kincaid grade level + 5).
    # GOV.UK aims for 9; our sample pages measure 7.2 to 11.0 in English, so 11 passes them
    # and still catches a page written like a policy paper.
    CONTENT_READING_AGE_LIMIT = int(_env("PORTAL_CONTENT_READING_AGE_LIMIT", "11"))
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL", f"sqlite:///{ROOT / 'instance' / 'portal.db'}")
    # A connection is tested before use, so after a database restart the pool replaces its
    # dead connections by itself instead of failing one request each.
    SQLALCHEMY_ENGINE_OPTIONS = MappingProxyType({"pool_pre_ping": True})

    # Flask-Limiter: one process keeps counts in memory; several servers must share Redis.
    RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Said explicitly: Flask-Limiter keeps one Limiter for every app in a process, and an
    # app that does not say would inherit the last one's choice.
    RATELIMIT_ENABLED = True
    # If the shared store (Redis) is down, serve people rather than fail every request:
    # the limits protect the service, they are not the service.
    RATELIMIT_SWALLOW_ERRORS = True
    # Every POST, per client address and route, unless the route sets a tighter limit.
    RATELIMIT_DEFAULT = _env("PORTAL_POST_RATE_LIMIT", "30 per minute")
    # Feedback forms are open to robots: tighter.
    FEEDBACK_RATE_LIMIT = _env("PORTAL_FEEDBACK_RATE_LIMIT", "10 per minute")
    NEEDS_COOKIE_NAME = "needs"
    # Which drafts this browser is filling in (portal/transactions/draft_link.py).
    FORM_DRAFTS_COOKIE_NAME = "form-drafts"
    # One JSON line per request on standard error, with its request id (production).
    LOG_JSON = _env("PORTAL_LOG_JSON", "false").lower() == "true"
    # How many proxies (load balancers) in front of the app to trust for the client's
    # address and scheme (X-Forwarded-For, X-Forwarded-Proto). 0 trusts none. Never the
    # host (X-Forwarded-Host): see BASE_URL.
    TRUSTED_PROXIES = int(_env("PORTAL_TRUSTED_PROXIES", "0"))
    # The address people reach the portal at, scheme and host only, for example
    # https://services.glanmor.example. Every absolute URL (hreflang links, the API's
    # links, the open data) is built on it, never on the request's Host header, which
    # anyone can write (portal.addresses). Empty: the request's own, allowed, host.
    BASE_URL = _env("PORTAL_BASE_URL", "").rstrip("/")
    # The host names requests may be for (Flask refuses any other with a 400): BASE_URL's
    # host and any in PORTAL_ALLOWED_HOSTS, comma-separated (say, the address a health
    # check uses). With neither, this machine's own names, for development.
    TRUSTED_HOSTS = allowed_hosts(BASE_URL, _env("PORTAL_ALLOWED_HOSTS", ""))

    # Pages are compressed as they are sent; zstd is left out until browsers agree on it.
    COMPRESS_ALGORITHM = ("br", "gzip")
    COMPRESS_MIMETYPES = ("text/html", "application/json")
    COMPRESS_BR_LEVEL = 5
    # The render cache: in this process's memory, at most this many pages, for 10 minutes.
    CACHE_TYPE = "SimpleCache"
    CACHE_THRESHOLD = int(_env("PORTAL_RENDER_CACHE_PAGES", "5000"))
    CACHE_DEFAULT_TIMEOUT = 600

    # The latest `flask a11y audit` report, which the accessibility statement shows.
    A11Y_AUDIT_REPORT = Path(
        _env("PORTAL_A11Y_AUDIT_REPORT", str(ROOT / "instance" / "accessibility-audit.json"))
    )

    # Working days, for date rules in forms ("within 2 working days"): Monday to Friday,
    # except the bank holidays of this part of the UK (ENG, WLS, SCT or NIR).
    BANK_HOLIDAYS_IN = _env("PORTAL_BANK_HOLIDAYS_IN", "WLS")
    PARTS_OF_THE_UK = ("ENG", "WLS", "SCT", "NIR")

    # Form drafts are kept this long after their last change; `flask data purge` deletes them.
    DRAFT_LIFETIME_DAYS = int(_env("PORTAL_DRAFT_LIFETIME_DAYS", "28"))
    # No form needs more than this: a bigger request is refused before it is read.
    MAX_CONTENT_LENGTH = 64 * 1024

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env("PORTAL_SECURE_COOKIES", "true").lower() == "true"
    WTF_CSRF_ENABLED = True

    # Staff sessions (server-side): the cookie holds only a random token.
    STAFF_COOKIE_NAME = "staff"
    # Signed out after this long with no request, and after this long whatever happens.
    STAFF_IDLE_MINUTES = int(_env("PORTAL_STAFF_IDLE_MINUTES", "30"))
    STAFF_SESSION_HOURS = int(_env("PORTAL_STAFF_SESSION_HOURS", "10"))
    # Sign-in attempts per client address (the lockout per account is on top of this).
    STAFF_SIGN_IN_RATE_LIMIT = _env("PORTAL_STAFF_SIGN_IN_RATE_LIMIT", "10 per minute")

    SECRET_KEY = os.environ.get("SECRET_KEY")

    # Messages (portal/messages): emails, text messages and letters, sent by `flask messages
    # work` from the outbox. "notify" (GOV.UK Notify: all three), "smtp" (email only, for a
    # council's own mail server), "development" (kept for the page at /development/messages,
    # never sent; not allowed in production) or "off" (nothing is queued).
    MESSAGES_PROVIDER = _env("PORTAL_MESSAGES_PROVIDER", "off")
    MESSAGES_PROVIDERS = ("notify", "smtp", "development", "off")
    # Notify: the API key (from the service's API integration page) and one template per
    # channel, each made of ((subject)) and ((body)) (letters: the address lines too): the
    # words live in content/messages/, in English and Welsh, where the content check sees them.
    NOTIFY_API_KEY = os.environ.get("PORTAL_NOTIFY_API_KEY", "")
    NOTIFY_BASE_URL = _env("PORTAL_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
    NOTIFY_TEMPLATES = MappingProxyType(
        {
            "email": _env("PORTAL_NOTIFY_EMAIL_TEMPLATE_ID", ""),
            "sms": _env("PORTAL_NOTIFY_SMS_TEMPLATE_ID", ""),
            "letter": _env("PORTAL_NOTIFY_LETTER_TEMPLATE_ID", ""),
        }
    )
    # Notify posts text message replies here (STOP) with this bearer token.
    NOTIFY_INBOUND_TOKEN = os.environ.get("PORTAL_NOTIFY_INBOUND_TOKEN", "")
    SMTP_HOST = _env("PORTAL_SMTP_HOST", "")
    SMTP_PORT = int(_env("PORTAL_SMTP_PORT", "587"))
    SMTP_STARTTLS = _env("PORTAL_SMTP_STARTTLS", "true").lower() == "true"
    SMTP_USERNAME = _env("PORTAL_SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("PORTAL_SMTP_PASSWORD", "")
    MESSAGES_FROM = _env(
        "PORTAL_MESSAGES_FROM", "Glanmor County Council <services@glanmor.example>"
    )
    # A message the provider could not take is tried again after 2, 4, 8... seconds, at most
    # this many times; then it is "failed" and staff see why (and can send it again).
    MESSAGES_MOST_ATTEMPTS = int(_env("PORTAL_MESSAGES_MOST_ATTEMPTS", "12"))
    MESSAGES_RETRY_SECONDS = float(_env("PORTAL_MESSAGES_RETRY_SECONDS", "2"))
    MESSAGES_LONGEST_WAIT_SECONDS = float(_env("PORTAL_MESSAGES_LONGEST_WAIT_SECONDS", "600"))
    # A worker that claimed a message and went silent this long is taken to have died.
    MESSAGES_LEASE_SECONDS = float(_env("PORTAL_MESSAGES_LEASE_SECONDS", "60"))
    # Sent messages are deleted (with the addresses in them) after this long.
    MESSAGES_KEPT_DAYS = int(_env("PORTAL_MESSAGES_KEPT_DAYS", "90"))
    # The reminder before a saved draft is deleted goes this many days before.
    DRAFT_REMINDER_DAYS_BEFORE = int(_env("PORTAL_DRAFT_REMINDER_DAYS_BEFORE", "3"))

    def validate(self) -> None:
        """Fail at start-up, not on the first request, when a required secret is missing."""
        if not self.SECRET_KEY:
            raise ConfigError("Set the SECRET_KEY environment variable.")
        self.validate_messages()
        if self.BANK_HOLIDAYS_IN not in self.PARTS_OF_THE_UK:
            raise ConfigError(
                f"PORTAL_BANK_HOLIDAYS_IN is {self.BANK_HOLIDAYS_IN!r}; expected one of "
                f"{', '.join(self.PARTS_OF_THE_UK)} (England, Wales, Scotland, Northern Ireland)."
            )
        if self.BASE_URL:
            address = urlsplit(self.BASE_URL)
            if address.scheme not in ("http", "https") or not address.hostname or address.path:
                raise ConfigError(
                    f"PORTAL_BASE_URL is {self.BASE_URL!r}; give the scheme and host only, "
                    "for example https://services.glanmor.example."
                )

    def validate_messages(self) -> None:
        if self.MESSAGES_PROVIDER not in self.MESSAGES_PROVIDERS:
            raise ConfigError(
                f"PORTAL_MESSAGES_PROVIDER is {self.MESSAGES_PROVIDER!r}; expected one of "
                f"{', '.join(self.MESSAGES_PROVIDERS)}."
            )
        if self.MESSAGES_PROVIDER == "notify":
            if len(self.NOTIFY_API_KEY) < 74:
                raise ConfigError(
                    "Set PORTAL_NOTIFY_API_KEY to the API key from GOV.UK Notify (it ends with "
                    "the service id and the secret): messages are set to go through Notify."
                )
            missing = [c for c, template in self.NOTIFY_TEMPLATES.items() if not template]
            if missing:
                names = ", ".join(f"PORTAL_NOTIFY_{c.upper()}_TEMPLATE_ID" for c in missing)
                raise ConfigError(f"Set {names}: the Notify templates messages go through.")
        if self.MESSAGES_PROVIDER == "smtp" and not self.SMTP_HOST:
            raise ConfigError(
                "Set PORTAL_SMTP_HOST to your mail server: messages are set to go by SMTP."
            )
        if self.MESSAGES_PROVIDER == "smtp" and self.SMTP_USERNAME and not self.SMTP_PASSWORD:
            raise ConfigError("Set PORTAL_SMTP_PASSWORD for PORTAL_SMTP_USERNAME.")


class ProductionConfig(Config):
    """Production: no defaults for secrets or the database, cookies for HTTPS only."""

    # The __Host- prefix: browsers keep these cookies only if they are Secure, set by this
    # host (no Domain) and for the whole site, so a sibling subdomain cannot plant one.
    # (Only over HTTPS: PORTAL_SECURE_COOKIES=false, for a benchmark on loopback, drops it.)
    SESSION_COOKIE_NAME = "__Host-session" if Config.SESSION_COOKIE_SECURE else "session"
    NEEDS_COOKIE_NAME = "__Host-needs" if Config.SESSION_COOKIE_SECURE else "needs"
    STAFF_COOKIE_NAME = "__Host-staff" if Config.SESSION_COOKIE_SECURE else "staff"
    FORM_DRAFTS_COOKIE_NAME = (
        "__Host-form-drafts" if Config.SESSION_COOKIE_SECURE else "form-drafts"
    )
    LOG_JSON = _env("PORTAL_LOG_JSON", "true").lower() == "true"

    def validate(self) -> None:
        super().validate()
        if not os.environ.get("DATABASE_URL"):
            raise ConfigError(
                "Set the DATABASE_URL environment variable (production does not guess a database)."
            )
        if not self.BASE_URL:
            raise ConfigError(
                "Set the PORTAL_BASE_URL environment variable to the address people use, for "
                "example https://services.glanmor.example (production does not trust the "
                "Host header to say it)."
            )
        if self.MESSAGES_PROVIDER == "development":
            raise ConfigError(
                "PORTAL_MESSAGES_PROVIDER is development, which never sends anything and shows "
                "every message on a page: use notify, smtp or off in production."
            )


class DevelopmentConfig(Config):
    """`make run` on a newcomer's machine: plain HTTP on localhost, a throwaway key."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-not-secret")
    SESSION_COOKIE_SECURE = False
    # Every message shows at /development/messages, as it would arrive.
    MESSAGES_PROVIDER = _env("PORTAL_MESSAGES_PROVIDER", "development")


class PreviewConfig(DevelopmentConfig):
    """`make preview` for content designers: drafts shown, content re-read when it changes,
    and a preview page showing each document in every language and main needs profile."""

    PREVIEW = True


class TestConfig(Config):
    """The test suite: an in-memory database unless a test names another."""

    TESTING = True
    SECRET_KEY = "test-only-not-secret"
    SESSION_COOKIE_SECURE = False
    SQLALCHEMY_DATABASE_URI = _env("TEST_DATABASE_URL", "sqlite://")
    # Browser journeys post many times a minute from one address; the rate-limit tests
    # set their own, lower, limit.
    RATELIMIT_DEFAULT = "1000 per minute"
    STAFF_SIGN_IN_RATE_LIMIT = "1000 per minute"
    MESSAGES_PROVIDER = _env("PORTAL_MESSAGES_PROVIDER", "development")


CONFIGS = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "preview": PreviewConfig,
    "test": TestConfig,
}


def config_from_environment() -> Config:
    """The config class named by PORTAL_ENV (production when unset: the safe default)."""
    name = _env("PORTAL_ENV", "production")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise ConfigError(
            f"PORTAL_ENV is {name!r}; expected one of {', '.join(sorted(CONFIGS))}."
        ) from None
