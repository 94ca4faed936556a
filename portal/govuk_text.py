"""The words GOV.UK Frontend's components write themselves, in the page's language.

Left to themselves, some govuk-frontend-jinja macros, and GOV.UK Frontend's JavaScript,
write English: the visually hidden "Error:" before an error message, "Warning", "Show
password", "Success", "Previous" and "Next", a character count's "You can enter up to
1200 characters" and, as someone types, "You have 20 characters remaining".

`templates/components/govuk.html` wraps every such macro the portal uses (and
`templates/govuk_frontend_wtf/` the form widgets' templates), passing its params through
`govuk_text`, so each component gets those words from our translations. Words a template
gives itself are kept.
"""

from collections.abc import Callable, Mapping
from functools import cache

from babel import Locale
from flask_babel import get_locale, gettext, ngettext

# GOV.UK Frontend puts the number here itself: in the JavaScript as someone types, and in
# the macro for the character count's limit. (It is not a Python placeholder.)
COUNT = "%{count}"

# CLDR's plural categories in its own order; GOV.UK Frontend's JavaScript picks one with
# Intl.PluralRules for the page's `lang` (Welsh and Arabic use all six, English two).
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

# Components whose `errorMessage` param is shown with a visually hidden "Error:".
FIELDS = frozenset(
    {
        "character-count",
        "checkboxes",
        "date-input",
        "input",
        "password-input",
        "radios",
        "select",
        "textarea",
    }
)


@cache
def _plural_examples(language: str) -> dict[str, int]:
    """A number in each of the language's plural categories: {"one": 1, "other": 2, ...}."""
    rule = Locale.parse(language).plural_form
    found: dict[str, int] = {}
    for number in range(1000):
        found.setdefault(rule(number), number)
    return {category: found[category] for category in PLURAL_CATEGORIES if category in found}


def plural_forms(message: Callable[[int], str]) -> dict[str, str]:
    """One message per plural category of the page's language, for GOV.UK Frontend's
    JavaScript. `message(number)` is our translation for that number, with COUNT left in
    for the JavaScript to fill."""
    return {
        category: message(number)
        for category, number in _plural_examples(str(get_locale())).items()
    }


def _one_form(message: Callable[[int], str], number: int | None) -> str:
    """The message in the plural form `number` takes (the "other" form if it is unknown)."""
    if number is None:
        number = _plural_examples(str(get_locale()))["other"]
    return message(number)


def _characters_under_limit(number: int) -> str:
    return ngettext(
        "You have %(count)s character remaining",
        "You have %(count)s characters remaining",
        number,
        count=COUNT,
    )


def _characters_over_limit(number: int) -> str:
    return ngettext(
        "You have %(count)s character too many",
        "You have %(count)s characters too many",
        number,
        count=COUNT,
    )


def _characters_allowed(number: int) -> str:
    return ngettext(
        "You can enter up to %(count)s character",
        "You can enter up to %(count)s characters",
        number,
        count=COUNT,
    )


def _character_count(params: dict) -> None:
    if params.get("maxwords"):
        raise ValueError(
            "A character count that counts words needs the words messages: add them to "
            "portal/govuk_text.py first."
        )
    # The macro puts the limit in place of COUNT for the hint shown without JavaScript.
    params.setdefault(
        "textareaDescriptionText", _one_form(_characters_allowed, params.get("maxlength"))
    )
    params.setdefault("charactersUnderLimitText", plural_forms(_characters_under_limit))
    params.setdefault("charactersAtLimitText", gettext("You have 0 characters remaining"))
    params.setdefault("charactersOverLimitText", plural_forms(_characters_over_limit))


def _password_input(params: dict) -> None:
    params.setdefault("showPasswordText", gettext("Show"))
    params.setdefault("hidePasswordText", gettext("Hide"))
    params.setdefault("showPasswordAriaLabelText", gettext("Show password"))
    params.setdefault("hidePasswordAriaLabelText", gettext("Hide password"))
    params.setdefault("passwordShownAnnouncementText", gettext("Your password is visible"))
    params.setdefault("passwordHiddenAnnouncementText", gettext("Your password is hidden"))


def _error_message(params: dict) -> None:
    # The macro adds the colon: "Error:".
    params.setdefault("visuallyHiddenText", gettext("Error"))


def _error_summary(params: dict) -> None:
    if not params.get("titleHtml"):
        params.setdefault("titleText", gettext("There is a problem"))


def _notification_banner(params: dict) -> None:
    if not (params.get("titleHtml") or params.get("titleText")):
        success = params.get("type") == "success"
        params["titleText"] = gettext("Success") if success else gettext("Important")


def _pagination(params: dict) -> None:
    params.setdefault("landmarkLabel", gettext("Pages"))
    for key, text in (("previous", gettext("Previous page")), ("next", gettext("Next page"))):
        link = params.get(key)
        if isinstance(link, Mapping) and not (link.get("text") or link.get("html")):
            params[key] = {**link, "text": text}
    if params.get("items"):
        params["items"] = [
            {**item, "visuallyHiddenText": gettext("Page %(number)d", number=item["number"])}
            if isinstance(item, Mapping)
            and item.get("number") is not None
            and "visuallyHiddenText" not in item
            else item
            for item in params["items"]
        ]


def _warning_text(params: dict) -> None:
    params.setdefault("iconFallbackText", gettext("Warning"))


def _back_link(params: dict) -> None:
    if not (params.get("text") or params.get("html")):
        params["text"] = gettext("Back")


def _breadcrumbs(params: dict) -> None:
    params.setdefault("labelText", gettext("Breadcrumb"))


def _skip_link(params: dict) -> None:
    if not (params.get("text") or params.get("html")):
        params["text"] = gettext("Skip to main content")


def _service_navigation(params: dict) -> None:
    params.setdefault("menuButtonText", gettext("Menu"))
    params.setdefault("ariaLabel", gettext("Service information"))


WORDS: dict[str, Callable[[dict], None]] = {
    "back-link": _back_link,
    "breadcrumbs": _breadcrumbs,
    "character-count": _character_count,
    "error-message": _error_message,
    "error-summary": _error_summary,
    "notification-banner": _notification_banner,
    "pagination": _pagination,
    "password-input": _password_input,
    "service-navigation": _service_navigation,
    "skip-link": _skip_link,
    "warning-text": _warning_text,
}


def govuk_text(component: str, params: Mapping | None) -> dict:
    """`params` for the GOV.UK macro `component` ("character-count"), with the words the
    macro or its JavaScript would otherwise write in English, in the page's language."""
    if component not in WORDS and component not in FIELDS:
        raise ValueError(f"No words are known for the GOV.UK component {component!r}.")
    params = dict(params or {})
    error = params.get("errorMessage")
    # Only a message there is: a falsy one means no error, and must stay falsy.
    if component in FIELDS and isinstance(error, Mapping) and error:
        error = dict(error)
        _error_message(error)
        params["errorMessage"] = error
    if component in WORDS:
        WORDS[component](params)
    return params
