"""Read and write the needs cookie: signed, versioned, and set only when the person saves.

Anything odd about a cookie (too old, tampered with, cut short, too big, from another
version, holding values we do not know) means we ignore it and treat the person as having
declared nothing. A bad cookie must never cost anyone a page.
"""

from datetime import timedelta

from flask import Flask, Response, current_app, request
from itsdangerous import BadData, URLSafeTimedSerializer

from portal.languages import languages
from portal.needs.code import InvalidCode, decode
from portal.needs.model import NO_NEEDS, Needs
from portal.needs.visitor import Found, current_visitor, forget_visitor

COOKIE_NAME = "needs"
VERSION = 1
LIFETIME = timedelta(days=365)
# Real cookies are about 300 bytes; anything far bigger was not made by us.
MAX_COOKIE_LENGTH = 1024
_FIELD_TYPES = {
    "language": (str, type(None)),
    "text_size": (str,),
    "contrast": (str,),
    "more_spacing": (bool,),
    "less_motion": (bool,),
    "easy_read": (bool,),
    "bsl": (bool,),
    "lite": (bool,),
    "channels": (list,),
    "someone_helps": (bool,),
}


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="declared-needs")


def dump(needs: Needs) -> str:
    """The cookie value: only what differs from declaring nothing, plus the version."""
    data = {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in needs.as_dict().items()
        if value != getattr(NO_NEEDS, name)
    }
    return _serializer().dumps({"v": VERSION, **data})


def parse(raw: str | None) -> Needs:
    """The needs in a cookie value, or NO_NEEDS for anything we cannot trust."""
    if not raw or len(raw) > MAX_COOKIE_LENGTH:
        return NO_NEEDS
    try:
        data = _serializer().loads(raw, max_age=int(LIFETIME.total_seconds()))
    except BadData:
        return NO_NEEDS
    if not isinstance(data, dict) or data.pop("v", None) != VERSION:
        return NO_NEEDS
    if any(
        name not in _FIELD_TYPES or not isinstance(value, _FIELD_TYPES[name])
        for name, value in data.items()
    ):
        return NO_NEEDS
    if data.get("language") is not None and data["language"] not in languages():
        return NO_NEEDS
    channels = data.get("channels", [])
    if not all(isinstance(channel, str) for channel in channels):
        return NO_NEEDS
    try:
        return Needs(**{**data, "channels": tuple(channels)})
    except ValueError:
        return NO_NEEDS


def cookie_source() -> Found | None:
    """A visitor source: the needs in this browser's signed cookie, if it has one."""
    raw = request.cookies.get(needs_cookie_name())
    return Found(parse(raw)) if raw else None


def preview_source() -> Found | None:
    """A visitor source, in the content designers' preview only: needs given as a code in
    the URL, so one preview page can show a document as several people would see it."""
    code = request.args.get("preview-needs")
    if not current_app.config["PREVIEW"] or not code:
        return None
    try:
        return Found(decode(code))
    except InvalidCode:
        return None


def needs_cookie_name() -> str:
    """`needs`, or `__Host-needs` in production: the prefix makes browsers refuse the
    cookie unless it is Secure, for this host only, and for the whole site."""
    return current_app.config.get("NEEDS_COOKIE_NAME", COOKIE_NAME)


def save(response: Response, needs: Needs) -> None:
    """Keep these needs: where the visitor's source keeps them, else in the cookie."""
    keep = current_visitor().keep
    if keep is not None:  # e.g. an assisted session: the person's needs stay off a shared browser
        keep(needs)
    else:
        response.set_cookie(
            needs_cookie_name(),
            dump(needs),
            max_age=LIFETIME,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    forget_visitor()


def clear(response: Response) -> None:
    """Forget the needs: where the visitor's source keeps them, and the cookie."""
    keep = current_visitor().keep
    if keep is not None:
        keep(NO_NEEDS)
    delete_cookie(response)
    forget_visitor()


def delete_cookie(response: Response) -> None:
    response.delete_cookie(
        needs_cookie_name(),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )


def register_needs(app: Flask) -> None:
    from portal.needs.forms import CHANNEL_NAMES

    app.jinja_env.globals["channel_names"] = CHANNEL_NAMES
