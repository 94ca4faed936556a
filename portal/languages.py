"""The languages the portal speaks: one registry, built from config, that everything which
lists, names or checks a language reads. Which language a request is in, and the URL of
a page in each, is portal.i18n's business; this module only knows the vocabulary."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

# The English names of the languages we ship, marked so that the translation catalogues
# keep them: a sentence in Welsh says "Saesneg", not "English". A language added in config
# without its name in the catalogues is named in English, which is still true.
_TRANSLATED_NAMES = (_l("English"), _l("Welsh"), _l("Arabic"))


@dataclass(frozen=True)
class Language:
    """One language: what it is called, which way it is written, whether pages exist in it."""

    code: str
    name: str  # in itself: "Cymraeg"
    english: str  # in English: "Welsh"
    direction: str  # "ltr" or "rtl"
    content: bool  # pages are written in it (otherwise readers get English content)
    offer: str  # "Read this page in ...", written in the language itself

    def __post_init__(self) -> None:
        if self.direction not in ("ltr", "rtl"):
            raise ValueError(f"{self.code}: direction must be ltr or rtl, not {self.direction!r}")

    @property
    def label(self) -> str:
        """The language's name in the reader's language, for a sentence: "Welsh", "Saesneg"."""
        return gettext(self.english)


class Languages:
    """Every language offered, the default first. Immutable once built."""

    def __init__(self, records: Iterable[Mapping]) -> None:
        self.all: tuple[Language, ...] = tuple(Language(**record) for record in records)
        if not self.all:
            raise ValueError("at least one language is needed")
        self._by_code = {language.code: language for language in self.all}
        if len(self._by_code) != len(self.all):
            raise ValueError("each language code may appear only once")
        if not self.all[0].content:
            raise ValueError("the default language must be one that pages are written in")

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Language:
        return self._by_code[code]

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    @property
    def prefixed(self) -> tuple[str, ...]:
        """The languages whose pages live under /<code>/: all but the default."""
        return self.codes[1:]

    @property
    def content_codes(self) -> tuple[str, ...]:
        """The languages pages are written in."""
        return tuple(language.code for language in self.all if language.content)

    def direction(self, code: str) -> str:
        return self._by_code[code].direction if code in self._by_code else "ltr"

    def content_language(self, code: str) -> str:
        """The language of the content a reader of `code` gets: their own, else the default."""
        return code if code in self.content_codes else self.default.code


def register_language_registry(app) -> None:
    app.extensions["languages"] = Languages(app.config["LANGUAGES"])


def languages() -> Languages:
    """This app's languages."""
    return current_app.extensions["languages"]


def english_name(code: str) -> str:
    """A language's English name, for messages to content designers ("no Welsh translation").
    Outside an app (the content checks run without one in unit tests) the shipped
    configuration names it."""
    from config import Config

    registry = languages() if has_app_context() else Languages(Config.LANGUAGES)
    return registry[code].english if code in registry else code
