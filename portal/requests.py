"""The request class: what arrives is tidied once, before any view reads it."""

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.utils import cached_property


def _without_nul(values: MultiDict[str, str]) -> ImmutableMultiDict[str, str]:
    return ImmutableMultiDict(
        [
            (key.replace("\x00", ""), value.replace("\x00", ""))
            for key, value in values.items(multi=True)
        ]
    )


class PortalRequest(Request):
    """NUL characters are taken out of every query and form value. Nobody types one, and
    PostgreSQL can neither store nor compare text that holds one, so a request carrying
    one would otherwise fail there instead of being answered like any other input."""

    @cached_property
    def args(self) -> ImmutableMultiDict[str, str]:
        return _without_nul(super().args)

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"])
