"""GOV.UK Notify on loopback, for tests: an HTTP server that checks what the real Notify API
checks and answers as it does, since Notify itself cannot be reached from here.

    with NotifyStandIn({EMAIL: {"type": "email", "personalisation": {"name"}}}) as notify:
        client = NotificationsAPIClient(notify.api_key, base_url=notify.base_url)
        client.send_email_notification("sam@example.com", EMAIL, {"name": "Sam"})
        assert len(notify.received) == 1

What it follows, and where from: the token checks and their messages are Notify's own
(notifications-api, app/authentication/auth.py), so are the request schemas, the order of
the checks and the messages (app/v2/notifications/), the recipient and address rules
(notifications-utils, recipient_validation/) and the bodies of its answers. Two answers are
the documented ones (https://docs.notifications.service.gov.uk/python.html), where the
source now differs: a UK landline is "phone_number Not a UK mobile number", and a letter
needs address_line_1 and address_line_2. It behaves as a test API key does: everything
accepted is "delivered" at once ("received", for a letter). Like Notify, it does not
deduplicate by reference: the same reference sent twice is two notifications, so a test that
counts `received` catches a double send.

What it leaves out: scheduling (checked, never acted on), file uploads, precompiled-letter
virus checks and PDFs, international text messages and letters (the service is taken to
have neither permission), and the sender ids and reply-to addresses a real service has
(any well-formed id is taken).
"""

import base64
import binascii
import json
import re
import threading
import time
import traceback
import uuid
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt

TOKEN_BOUND = 30  # seconds either way, as the client and the API both allow
PAGE_SIZE = 250
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
FROM_EMAIL = "portal.test@notifications.service.gov.uk"
FROM_NUMBER = "GOVUK"
SMS_CHARACTER_LIMIT = 918
EMAIL_BYTE_LIMIT = 2_000_000
NOTIFICATION_TYPES = ("sms", "email", "letter")
GENERAL_TOKEN_ERROR = (
    "Invalid token: make sure your API token matches the example at "
    "https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header"
)
CLOCK_ERROR = "Error: Your system clock must be accurate to within 30 seconds"
STATUSES = [
    "cancelled",
    "created",
    "sending",
    "sent",
    "delivered",
    "pending",
    "failed",
    "technical-failure",
    "temporary-failure",
    "permanent-failure",
    "pending-virus-check",
    "validation-failed",
    "virus-scan-failed",
    "returned-letter",
    "accepted",
    "received",
]
# What Notify looks for when asked for these: "failed" is every failure, and letters'
# "accepted" and "received" are its created-or-sending and delivered.
_SUBSTITUTES = {
    "failed": [
        "technical-failure",
        "temporary-failure",
        "permanent-failure",
        "validation-failed",
        "virus-scan-failed",
        "returned-letter",
    ],
    "accepted": ["created", "sending"],
    "received": ["delivered"],
}

# The keys each endpoint takes, in the order Notify's schemas list them (its errors come in
# that order), and those it requires.
FIELDS = {
    "email": (
        "reference",
        "email_address",
        "template_id",
        "personalisation",
        "scheduled_for",
        "email_reply_to_id",
        "one_click_unsubscribe_url",
        "sanitise_content_for",
    ),
    "sms": (
        "reference",
        "phone_number",
        "template_id",
        "personalisation",
        "scheduled_for",
        "sms_sender_id",
    ),
    "letter": ("reference", "template_id", "personalisation"),
    "precompiled": ("reference", "content", "postage"),
}
REQUIRED = {
    "email": ("email_address", "template_id"),
    "sms": ("phone_number", "template_id"),
    "letter": ("template_id", "personalisation"),
    "precompiled": ("reference", "content"),
}


class Refusal(Exception):
    """An answer other than success: the status and Notify's list of errors."""

    def __init__(self, status: int, errors: list[dict]):
        super().__init__(status, errors)
        self.status = status
        self.errors = errors

    @classmethod
    def one(cls, status: int, error: str, message: str) -> "Refusal":
        return cls(status, [{"error": error, "message": message}])

    def body(self) -> dict:
        return {"status_code": self.status, "errors": self.errors}


def _invalid(messages: list[str]) -> Refusal:
    """Schema failures, all of them at once and each once, as Notify lists them."""
    unique = list(dict.fromkeys(messages))
    return Refusal(400, [{"error": "ValidationError", "message": m} for m in unique])


def _bad_request(message: str) -> Refusal:
    return Refusal.one(400, "BadRequestError", message)


def _plain(value) -> str:
    # jsonschema quotes the value with repr() and Notify strips every quote mark.
    return repr(value).replace("'", "")


def _insensitive(key: str) -> str:
    """Notify matches personalisation keys without case, spaces, underscores or hyphens."""
    return re.sub(r"[ _-]", "", key).lower()


def _is_uuid(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# Recipients: notifications-utils' rules, without its phone number library.

_HOSTNAME_PART = re.compile(r"^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$", re.IGNORECASE)
_TLD_PART = re.compile(r"^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$", re.IGNORECASE)
_EMAIL = re.compile(r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@([^.@][^@\s]+)$")
_OBSCURE_WHITESPACE = dict.fromkeys(map(ord, "\u180e\u200b\u200c\u200d\u2060\ufeff"))


def valid_email_address(address: str) -> bool:
    address = address.translate(_OBSCURE_WHITESPACE).strip()
    match = _EMAIL.match(address)
    if not match or len(address) > 320 or ".." in address:
        return False
    try:
        hostname = match.group(1).encode("idna").decode("ascii")
    except UnicodeError:
        return False
    parts = hostname.split(".")
    if len(hostname) > 253 or len(parts) < 2:
        return False
    if not all(part and len(part) <= 63 and _HOSTNAME_PART.match(part) for part in parts):
        return False
    return bool(_TLD_PART.match(parts[-1]))


def phone_number_problem(number: str) -> tuple[str, str] | None:
    """What Notify's schema says of a number it cannot take at all, as (error, message)."""
    digits = re.sub(r"[\s()\-.]", "", number)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        return ("ValidationError", "phone_number Must not contain letters or symbols")
    national = _uk_national(digits)
    if national is None:  # another country's number
        if len(digits) < 8:
            return ("ValidationError", "phone_number Not enough digits")
        if len(digits) > 15:
            return ("ValidationError", "phone_number Too many digits")
        return None
    if national.startswith("7"):
        if len(national) < 10:
            return ("ValidationError", "phone_number Not enough digits")
        if len(national) > 10:
            return ("ValidationError", "phone_number Too many digits")
    return None


def phone_number_refusal(number: str) -> Refusal | None:
    """What Notify says of a number its schema took but this service cannot text: a UK
    landline (no permission to text landlines) or another country (no international)."""
    digits = re.sub(r"[\s()\-.+]", "", number)
    national = _uk_national(digits)
    if national is None:
        return _bad_request("Cannot send to international mobile numbers")
    if not national.startswith("7"):
        # The documented answer; the API's source now says "InvalidPhoneError" and
        # "Not a UK mobile number", for the same 400.
        return Refusal.one(400, "ValidationError", "phone_number Not a UK mobile number")
    return None


def _uk_national(digits: str) -> str | None:
    """The number without +44 or 0 in front, or None for a number from elsewhere."""
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and len(digits) > 10:
        digits = digits[2:]
    elif digits.startswith("00") or not digits.startswith(("0", "7")):
        return None
    return digits.lstrip("0")


# Postal addresses: notifications-utils' PostalAddress, for a service that cannot send
# letters abroad.

_POSTCODE_AREAS = " ".join(  # notifications-utils' uk-postcode-zones.txt
    [
        "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG",
        "DH DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE",
        "KA KT KW KY L GIR LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH",
        "PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW",
        "UB W WA WC WD WF WN WR WS WV YO ZE",
    ]
).split()
_POSTCODE = re.compile(rf"({'|'.join(_POSTCODE_AREAS)})[0-9][0-9A-Z]?[0-9][A-BD-HJLNP-UW-Z]{{2}}")
_UK_NAMES = {
    "uk",
    "u.k.",
    "united kingdom",
    "great britain",
    "gb",
    "britain",
    "england",
    "scotland",
    "wales",
    "cymru",
    "northern ireland",
}
_ADDRESS_KEYS = [f"address_line_{n}" for n in range(1, 7)]
_BAD_LINE_STARTS = tuple('@()=[]"\\/,<>~')


def uk_postcode(line: str) -> str | None:
    """The postcode as Royal Mail sorts it ("SW1A 1AA"), or None if it is not one."""
    squashed = re.sub(r"\s", "", line).upper()
    if not _POSTCODE.fullmatch(squashed):
        return None
    return f"{squashed[:-3]} {squashed[-3:]}"


def address_lines(personalisation: dict) -> list[str]:
    """The address as Notify reads it from the personalisation: lines 1 to 6 and postcode
    (or line 7 in its place), blank lines dropped, whitespace tidied."""
    last = "address_line_7" if "address_line_7" in personalisation else "postcode"
    lines = []
    for key in [*_ADDRESS_KEYS, last]:
        line = " ".join(str(personalisation.get(key) or "").split()).rstrip(" ,")
        line = re.sub(r"\s+([,.;:!?])", r"\1", line)
        if line:
            lines.append(line)
    while len(lines) > 1 and lines[-1].lower() in _UK_NAMES:
        lines.pop()  # "United Kingdom" after the postcode is not a line Royal Mail needs
    if lines and (postcode := uk_postcode(lines[-1])):
        lines[-1] = postcode
    return lines


def address_problem(lines: list[str]) -> str | None:
    if len(lines) < 3:
        return "Address must be at least 3 lines"
    if len(lines) > 7:
        return "Address must be no more than 7 lines"
    if not all(re.search(r"[a-zA-Z0-9]", line) for line in lines[:2]):
        return (
            "The first 2 lines of the address must both include at least one alphanumeric character"
        )
    if not uk_postcode(lines[-1]):
        return "Must be a real UK postcode"
    if any(line.startswith(_BAD_LINE_STARTS) for line in lines):
        return (
            "Address lines must not start with any of the following characters: "
            "@ ( ) = [ ] \u201d \\ / , < >"
        )
    address = "\n".join(lines)
    if any(line.lower() == "nfa" for line in lines) or re.search(
        r"no fixed (abode|address)", address, re.IGNORECASE
    ):
        return "Must be a real address"
    return None


# Templates: ((placeholders)) filled in as Notify fills them.

_PLACEHOLDER = re.compile(r"\({2}([^()]+)\){2}")
_TRUTHY = {"true", "yes", "y", "1", "include", "show"}


def placeholders(text: str) -> list[str]:
    return [body.split("??")[0] for body in _PLACEHOLDER.findall(text or "")]


def fill_in(text: str, values: dict, notification_type: str) -> str:
    by_key = {_insensitive(k): v for k, v in values.items()}

    def replacement(match: re.Match) -> str:
        name, _, conditional = match.group(1).partition("??")
        value = by_key.get(_insensitive(name))
        if value is None:
            return match.group(0)
        if "??" in match.group(1):
            return conditional if str(value).strip().lower() in _TRUTHY else ""
        if isinstance(value, list):
            return _as_list([str(v).strip() for v in value if v is not None], notification_type)
        return str(value)

    return _PLACEHOLDER.sub(replacement, text or "")


def _as_list(items: list[str], notification_type: str) -> str:
    """A list given for a placeholder: bullets in an email or letter, "a, b and c" in a
    text message."""
    items = [item for item in items if item]
    if not items:
        return ""
    if notification_type == "sms":
        return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
    return "\n\n" + "\n".join(f"* {item}" for item in items)


# Notify's sanitise_content_for: Markdown escaped, links taken out (or broken up, when they
# could be an accident, like "example.com").

_URL = re.compile(
    r"(?i)\b(?<![\@\.])(https?:\/\/)?([\w\-]+\.{1})+([a-z]{2,63})(?!\@)\b([/\?#][^<\s]*)?"
)


def sanitised(value: str) -> str:
    def link(match: re.Match) -> str:
        found = match.group()
        return found.replace(".", ". ") if re.fullmatch(r"[a-zA-Z0-9\.\-]+", found) else ""

    return re.sub(r"([`*_()\\{}\[\]<>#+\-.!|])", r"\\\1", _URL.sub(link, value), flags=re.M)


class Template:
    def __init__(self, template_id: str, spec: dict):
        self.id = template_id
        self.type = spec["type"]
        if self.type not in NOTIFICATION_TYPES:
            raise ValueError(f"template {template_id}: type must be one of {NOTIFICATION_TYPES}")
        self.subject = spec.get("subject")
        self.body = spec.get("body")
        declared = sorted(spec.get("personalisation") or ())
        named = [*placeholders(self.subject or ""), *placeholders(self.body or ""), *declared]
        self.required: list[str] = []
        for name in named:  # in the order Notify names them: subject, body, then the rest
            if _insensitive(name) not in map(_insensitive, self.required):
                self.required.append(name)

    def missing(self, personalisation: dict) -> list[str]:
        given = {_insensitive(k): v for k, v in personalisation.items()}
        return [name for name in self.required if given.get(_insensitive(name)) is None]

    def render(self, personalisation: dict) -> tuple[str | None, str]:
        if self.body is not None:
            body = fill_in(self.body, personalisation, self.type)
        else:
            shown = {
                k: v
                for k, v in personalisation.items()
                if not (
                    self.type == "letter" and k in [*_ADDRESS_KEYS, "address_line_7", "postcode"]
                )
            }
            body = "\n\n".join(fill_in(f"(({k}))", {k: v}, self.type) for k, v in shown.items())
        if self.type == "sms":
            return None, body
        return fill_in(self.subject or "", personalisation, self.type), body


def _now() -> datetime:
    return datetime.fromtimestamp(time.time(), UTC)


class NotifyStandIn:
    """The stand-in service: its key, its templates, and what it was sent.

    templates: template id (a UUID) -> {"type": "email" | "sms" | "letter",
    "personalisation": the field names it needs, and optionally "subject" and "body",
    text with ((placeholders)), whose names are needed too}. Without a body, the content
    is every personalisation value, one after another.

    delay_seconds: a slow Notify. Each accepted POST is taken (it is in `received` at once)
    and answered this long after: a client killed meanwhile never hears that it was
    taken. `holding` lists those not answered yet.
    """

    def __init__(self, templates: dict[str, dict], delay_seconds: float = 0.0):
        self.templates = {}
        for template_id, spec in templates.items():
            if not _is_uuid(template_id):
                raise ValueError(f"Notify's template ids are UUIDs, not {template_id!r}")
            self.templates[str(uuid.UUID(template_id))] = Template(template_id, spec)
        self.service_id = str(uuid.uuid4())
        self.secret = str(uuid.uuid4())
        self.api_key = f"portal_test-{self.service_id}-{self.secret}"
        self._lock = threading.Lock()
        self._notifications: list[dict] = []
        self._failures: list[int] = []
        self._requests_seen = 0
        self.delay_seconds = delay_seconds
        self._holding: list[dict] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Running

    def start(self) -> "NotifyStandIn":
        if self._server is not None:
            raise RuntimeError("the Notify stand-in is already running")
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.standin = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            # A short poll: stop() waits for it, once a test.
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="notify-standin",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> "NotifyStandIn":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("start the Notify stand-in first: it has no address until then")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # What tests read and arrange

    @property
    def received(self) -> list[dict]:
        """Every notification accepted, oldest first (a copy: safe to read while sending)."""
        keys = (
            "id",
            "type",
            "template_id",
            "to",
            "personalisation",
            "reference",
            "one_click_unsubscribe_url",
            "created_at",
        )
        with self._lock:
            copies = [{k: n[k] for k in keys} for n in self._notifications]
        for copy in copies:
            copy["personalisation"] = dict(copy["personalisation"])
            if isinstance(copy["to"], list):
                copy["to"] = list(copy["to"])
        return copies

    @property
    def requests_seen(self) -> int:
        """Every POST, accepted or not."""
        with self._lock:
            return self._requests_seen

    @property
    def holding(self) -> list[dict]:
        """The accepted POSTs still waiting out `delay_seconds`: {"id", "reference",
        "client_port"} (the port the client sent from, to tell which process it was)."""
        with self._lock:
            return [dict(held) for held in self._holding]

    def hold(self, status: int, body: dict, client_port: int) -> None:
        """Wait out `delay_seconds` before answering an accepted POST (on its server thread)."""
        if not self.delay_seconds or status != 201:
            return
        held = {
            "id": body.get("id"),
            "reference": body.get("reference"),
            "client_port": client_port,
        }
        with self._lock:
            self._holding.append(held)
        try:
            time.sleep(self.delay_seconds)
        finally:
            with self._lock:
                self._holding.remove(held)

    def fail_next(self, count: int, status: int) -> None:
        """The next `count` POSTs, whatever they hold, answer `status` (429: Notify's
        RateLimitError; 500: its Exception) and are not accepted."""
        if count < 0 or not 400 <= status <= 599:
            raise ValueError("fail_next takes a count of 0 or more and a 4xx or 5xx status")
        with self._lock:
            self._failures.extend([status] * count)

    # Answering (on the server's threads)

    def answer(self, method: str, target: str, headers, raw: bytes) -> tuple[int, dict]:
        url = urlsplit(target)
        parts = url.path.rstrip("/").split("/") if url.path != "/" else [""]
        try:
            if method == "POST":
                self._count_post()
            route = self._route(method, parts)
            self._authenticate(headers.get("Authorization"))
            return route(parts, url.query, raw)
        except Refusal as refusal:
            return refusal.status, refusal.body()

    def _count_post(self) -> None:
        with self._lock:
            self._requests_seen += 1
            status = self._failures.pop(0) if self._failures else None
        if status is not None:
            raise _failure(status)

    def _route(self, method: str, parts: list[str]):
        # Routing comes before authentication, as in Flask: a wrong address or method is
        # answered without looking at the token.
        if parts[:3] != ["", "v2", "notifications"] or len(parts) > 4:
            raise Refusal.one(404, "NotFound", "Not Found")
        allowed = {"GET": self._list} if len(parts) == 3 else {"GET": self._one, "POST": self._post}
        if method not in allowed:
            raise Refusal.one(405, "MethodNotAllowed", "Method Not Allowed")
        return allowed[method]

    def _authenticate(self, header: str | None) -> None:
        if not header:
            raise Refusal.one(
                401, "AuthError", "Unauthorized: authentication token must be provided"
            )
        if header[:7].title() != "Bearer ":
            raise Refusal.one(
                401, "AuthError", "Unauthorized: authentication bearer scheme must be used"
            )
        token = header[7:]
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.InvalidTokenError:
            raise Refusal.one(403, "AuthError", GENERAL_TOKEN_ERROR) from None
        if "iss" not in unverified:
            raise Refusal.one(403, "AuthError", "Invalid token: iss field not provided")
        if not _is_uuid(unverified["iss"]):
            raise Refusal.one(
                403, "AuthError", "Invalid token: service id is not the right data type"
            )
        if uuid.UUID(unverified["iss"]) != uuid.UUID(self.service_id):
            raise Refusal.one(403, "AuthError", "Invalid token: service not found")
        self._verify(token)

    def _verify(self, token: str) -> None:
        """The signature, then the time, as notifications-python-client's decode_jwt_token
        checks them on Notify's side; the time is time.time()."""
        try:
            claims = jwt.decode(
                token,
                key=self.secret,
                algorithms=["HS256"],
                options={"verify_iat": False, "verify_exp": False, "verify_nbf": False},
            )
        except jwt.InvalidAlgorithmError:
            raise Refusal.one(
                403, "AuthError", "Invalid token: algorithm used is not HS256"
            ) from None
        except jwt.DecodeError:  # includes a bad signature: not signed with this key
            raise Refusal.one(403, "AuthError", "Invalid token: API key not found") from None
        except jwt.InvalidTokenError:
            raise Refusal.one(403, "AuthError", GENERAL_TOKEN_ERROR) from None
        if "iat" not in claims:
            # Notify tries its next key, and has none left.
            raise Refusal.one(403, "AuthError", "Invalid token: API key not found")
        now = int(time.time())
        try:
            iat = int(claims["iat"])
        except (TypeError, ValueError):
            raise Refusal.one(403, "AuthError", CLOCK_ERROR) from None
        if now > iat + TOKEN_BOUND or iat > now + TOKEN_BOUND:
            raise Refusal.one(403, "AuthError", CLOCK_ERROR)
        if isinstance(claims.get("nbf"), int | float) and claims["nbf"] > now + TOKEN_BOUND:
            raise Refusal.one(403, "AuthError", CLOCK_ERROR)
        if isinstance(claims.get("exp"), int | float) and now > claims["exp"] + TOKEN_BOUND:
            raise Refusal.one(403, "AuthError", GENERAL_TOKEN_ERROR)

    # Sending

    def _post(self, parts: list[str], query: str, raw: bytes) -> tuple[int, dict]:
        kind = parts[3]
        if kind not in NOTIFICATION_TYPES:
            raise Refusal.one(404, "NotFound", "Not Found")
        try:
            form = json.loads(raw.decode("utf-8")) if raw.strip() else None
        except (UnicodeDecodeError, ValueError):
            raise _bad_request("Invalid JSON supplied in POST data") from None
        form = form or {}  # as Notify: an empty body is an empty form
        if kind == "letter" and isinstance(form, dict) and "content" in form:
            return self._precompiled(form)
        _check_schema(form, kind)
        if kind == "email":
            form, sanitised_content = _sanitise(form)
        template = self._template_for(form, kind)
        subject, body = template.render(form.get("personalisation") or {})
        if template.body is not None and not body.strip():
            raise _bad_request("Your message is empty.")
        to = self._recipient(form, kind)
        _check_length(kind, body)
        notification = self._accept(kind, template, form, to, subject, body)
        answer = self._sent_answer(notification)
        if kind == "email":
            answer["sanitised_content"] = sanitised_content
        return 201, answer

    def _template_for(self, form: dict, kind: str) -> Template:
        template = self.templates.get(str(uuid.UUID(form["template_id"])))
        if template is None:
            raise _bad_request("Template not found")
        if template.type != kind:
            raise _bad_request(f"{template.type} template is not suitable for {kind} notification")
        missing = template.missing(form.get("personalisation") or {})
        if missing:
            raise _bad_request(f"Missing personalisation: {', '.join(missing)}")
        return template

    def _recipient(self, form: dict, kind: str):
        if kind == "email":
            return form["email_address"]
        if kind == "sms":
            refusal = phone_number_refusal(form["phone_number"])
            if refusal:
                raise refusal
            return form["phone_number"]
        lines = address_lines(form["personalisation"])
        problem = address_problem(lines)
        if problem:
            raise Refusal.one(400, "ValidationError", problem)
        return lines

    def _accept(self, kind, template, form, to, subject, body) -> dict:
        notification = {
            "id": str(uuid.uuid4()),
            "type": kind,
            "template_id": template.id,
            "to": to,
            "personalisation": dict(form.get("personalisation") or {}),
            "reference": form.get("reference"),
            "one_click_unsubscribe_url": form.get("one_click_unsubscribe_url"),
            "created_at": _now(),
            "subject": subject,
            "body": body,
            "postage": "second" if kind == "letter" else None,
        }
        with self._lock:
            self._notifications.append(notification)
        return notification

    def _precompiled(self, form: dict) -> tuple[int, dict]:
        problems = _field_problems(form, "precompiled")
        if isinstance(form.get("postage"), str) and form["postage"] not in (
            "first",
            "second",
            "economy",
        ):
            problems.append("postage invalid. It must be either first, second or economy.")
        if problems:
            raise _invalid(problems)
        try:
            base64.b64decode(form["content"], validate=True)
        except (binascii.Error, ValueError):
            raise _bad_request("Cannot decode letter content (invalid base64 encoding)") from None
        notification = {
            "id": str(uuid.uuid4()),
            "type": "letter",
            "template_id": None,
            "to": ["Provided as PDF"],
            "personalisation": {"address_line_1": "Provided as PDF"},
            "reference": form["reference"],
            "one_click_unsubscribe_url": None,
            "created_at": _now(),
            "subject": "Pre-compiled PDF",
            "body": "",
            "postage": form.get("postage") or "second",
        }
        with self._lock:
            self._notifications.append(notification)
        return 201, {
            "id": notification["id"],
            "reference": notification["reference"],
            "postage": notification["postage"],
        }

    def _template_answer(self, template_id: str | None) -> dict:
        return {
            "id": template_id,
            "version": 1,
            "uri": f"{self.base_url}/services/{self.service_id}/templates/{template_id}",
        }

    def _sent_answer(self, n: dict) -> dict:
        if n["type"] == "email":
            content = {
                "from_email": FROM_EMAIL,
                "body": n["body"],
                "subject": n["subject"],
                "one_click_unsubscribe_url": n["one_click_unsubscribe_url"],
            }
        elif n["type"] == "sms":
            content = {"from_number": FROM_NUMBER, "body": n["body"]}
        else:
            content = {"body": n["body"], "subject": n["subject"]}
        return {
            "id": n["id"],
            "reference": n["reference"],
            "uri": f"{self.base_url}/v2/notifications/{n['id']}",
            "template": self._template_answer(n["template_id"]),
            "scheduled_for": None,
            "content": content,
        }

    # Looking up

    def _one(self, parts: list[str], query: str, raw: bytes) -> tuple[int, dict]:
        if not _is_uuid(parts[3]):
            raise _invalid(["notification_id is not a valid UUID"])
        wanted = uuid.UUID(parts[3])
        with self._lock:
            found = [n for n in self._notifications if uuid.UUID(n["id"]) == wanted]
        if not found:
            raise Refusal.one(404, "NoResultFound", "No result found")
        return 200, self._serialise(found[0])

    def _list(self, parts: list[str], query: str, raw: bytes) -> tuple[int, dict]:
        data = _list_arguments(query)
        with self._lock:
            newest_first = list(reversed(self._notifications))
        if "older_than" in data:
            ids = [uuid.UUID(n["id"]) for n in newest_first]
            older_than = uuid.UUID(data["older_than"])
            # An id Notify does not know matches nothing older.
            newest_first = newest_first[ids.index(older_than) + 1 :] if older_than in ids else []
        page = [n for n in newest_first if _matches(n, data)][:PAGE_SIZE]
        links = {"current": self._list_link(data)}
        if page:
            links["next"] = self._list_link({**data, "older_than": page[-1]["id"]})
        return 200, {"notifications": [self._serialise(n) for n in page], "links": links}

    def _list_link(self, data: dict) -> str:
        query = urlencode(data, doseq=True)
        return f"{self.base_url}/v2/notifications" + (f"?{query}" if query else "")

    def _serialise(self, n: dict) -> dict:
        created = n["created_at"].strftime(DATETIME_FORMAT)
        lines = {f"line_{i}": None for i in range(1, 7)} | {"postcode": None}
        if n["type"] == "letter":
            # Notify reads these straight from the personalisation, line 7 not among them.
            given = {_insensitive(k): v for k, v in n["personalisation"].items()}
            lines = {f"line_{i}": given.get(f"addressline{i}") for i in range(1, 7)}
            lines["postcode"] = given.get("postcode")
        serialised = {
            "id": n["id"],
            "reference": n["reference"],
            "email_address": n["to"] if n["type"] == "email" else None,
            "phone_number": n["to"] if n["type"] == "sms" else None,
            **lines,
            "type": n["type"],
            "status": "received" if n["type"] == "letter" else "delivered",
            "template": self._template_answer(n["template_id"]),
            "body": n["body"],
            "subject": n["subject"],
            "created_at": created,
            "created_by_name": None,
            "sent_at": created,
            "completed_at": created,
            "scheduled_for": None,
            "postage": n["postage"],
            "one_click_unsubscribe_url": n["one_click_unsubscribe_url"],
            "is_cost_data_ready": True,
            "cost_in_pounds": 0.0,
            "cost_details": _cost_details(n),
        }
        if n["type"] == "letter":
            delivery = n["created_at"] + timedelta(days=3)  # roughly: second class
            serialised["estimated_delivery"] = delivery.strftime(DATETIME_FORMAT)
        return serialised


def _failure(status: int) -> Refusal:
    if status == 429:
        return Refusal.one(
            429,
            "RateLimitError",
            "Exceeded rate limit for key type TEST of 3000 requests per 60 seconds",
        )
    if status == 500:
        return Refusal.one(500, "Exception", "Internal server error")
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return Refusal.one(status, "Exception", phrase)


def _cost_details(n: dict) -> dict:
    if n["type"] == "sms":
        return {"billable_sms_fragments": 1, "international_rate_multiplier": 1.0, "sms_rate": 0.0}
    if n["type"] == "letter":
        return {"billable_sheets_of_paper": 1, "postage": n["postage"]}
    return {}


# The request schemas (notifications-api, app/v2/notifications/notification_schemas.py) and
# the messages jsonschema gives for them, as Notify passes them on.


def _check_schema(form, kind: str) -> None:
    if not isinstance(form, dict):
        raise _invalid([f"{_plain(form)} is not of type object"])
    problems = _field_problems(form, kind)
    if kind == "letter" and isinstance(form.get("personalisation"), dict):
        # Documented for letters (the first two lines); the address checks follow later.
        for line in ("address_line_1", "address_line_2"):
            if line not in form["personalisation"]:
                problems.append(f"personalisation {line} is a required property")
    if problems:
        raise _invalid(problems)


def _field_problems(form: dict, kind: str) -> list[str]:
    problems = []
    for name in FIELDS[kind]:
        if name in form:
            problems.extend(_value_problems(name, form[name]))
    problems.extend(f"{name} is a required property" for name in REQUIRED[kind] if name not in form)
    problems.extend(_additional(set(form) - set(FIELDS[kind])))
    return problems


def _additional(extras: set) -> list[str]:
    if not extras:
        return []
    verb = "was" if len(extras) == 1 else "were"
    named = ", ".join(map(str, sorted(extras, key=str)))
    return [f"Additional properties are not allowed ({named} {verb} unexpected)"]


def _value_problems(name: str, value) -> list[str]:
    if name in ("template_id", "email_reply_to_id", "sms_sender_id"):
        return [] if _is_uuid(value) else [f"{name} is not a valid UUID"]
    if name in _NOT_STRINGS:
        return _NOT_STRINGS[name](value)
    if not isinstance(value, str):
        return [f"{name} {_plain(value)} is not of type string"]
    return _STRINGS.get(name, lambda value: [])(value)


def _personalisation_problems(value) -> list[str]:
    if isinstance(value, dict):
        return []
    return [f"personalisation {_plain(value)} is not of type object"]


def _sanitise_content_for_problems(value) -> list[str]:
    if value is None or isinstance(value, list):
        return []
    return [f"sanitise_content_for {_plain(value)} is not of type array, null"]


def _reference_problems(value: str) -> list[str]:
    return [f"reference {_plain(value)} is too long"] if len(value) > 1000 else []


def _email_address_problems(value: str) -> list[str]:
    return [] if valid_email_address(value) else ["email_address Not a valid email address"]


def _phone_number_problems(value: str) -> list[str]:
    problem = phone_number_problem(value)
    return [problem[1]] if problem else []


def _unsubscribe_url_problems(value: str) -> list[str]:
    return [] if _https_url(value) else ["one_click_unsubscribe_url is not a valid https url"]


def _https_url(value: str) -> bool:
    """Notify's schema: a URI beginning "https"; http:// is refused."""
    if not value.startswith("https") or re.search(r"\s", value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.netloc)


def _scheduled_for_problems(value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"scheduled_for {_plain(value)} is not of type string, null"]
    try:
        when = datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return [
            "scheduled_for datetime format is invalid. It must be a valid ISO8601 date time "
            "format, https://en.wikipedia.org/wiki/ISO_8601"
        ]
    now = _now().replace(tzinfo=None)
    if when < now:
        return ["scheduled_for datetime can not be in the past"]
    if when > now + timedelta(hours=24):
        return ["scheduled_for datetime can only be 24 hours in the future"]
    return []


_NOT_STRINGS = {
    "personalisation": _personalisation_problems,
    "scheduled_for": _scheduled_for_problems,
    "sanitise_content_for": _sanitise_content_for_problems,
}
_STRINGS = {
    "reference": _reference_problems,
    "email_address": _email_address_problems,
    "phone_number": _phone_number_problems,
    "one_click_unsubscribe_url": _unsubscribe_url_problems,
}


def _sanitise(form: dict) -> tuple[dict, dict]:
    keys = {_insensitive(k) for k in form.get("sanitise_content_for") or [] if isinstance(k, str)}
    given = form.get("personalisation") or {}
    cleaned = {
        k: sanitised(v) if _insensitive(k) in keys and isinstance(v, str) else v
        for k, v in given.items()
    }
    report = {
        k: {"unsanitised": given[k], "sanitised": cleaned[k]}
        for k in given
        if given[k] != cleaned[k]
    }
    return ({**form, "personalisation": cleaned} if given else form), report


def _check_length(kind: str, body: str) -> None:
    if kind == "sms" and len(body) > SMS_CHARACTER_LIMIT:
        raise _bad_request(
            f"Your message is too long. Text messages cannot be longer than {SMS_CHARACTER_LIMIT} "
            f"characters. Your message is {len(body)} characters long."
        )
    size = len(body.encode("utf-8"))
    if kind == "email" and size > EMAIL_BYTE_LIMIT:
        raise _bad_request(
            f"Your message is too long. Emails cannot be longer than {EMAIL_BYTE_LIMIT} bytes. "
            f"Your message is {size} bytes."
        )


def _list_arguments(query: str) -> dict:
    """GET /v2/notifications' arguments, checked as Notify checks them: status and
    template_type may repeat; the others are taken once."""
    data: dict = parse_qs(query, keep_blank_values=True)
    for single in ("older_than", "reference", "include_jobs"):
        if single in data:
            data[single] = data[single][0]
    problems = []
    for status in data.get("status", []):
        if status not in STATUSES:
            problems.append(f"status {status} is not one of [{', '.join(STATUSES)}]")
    for template_type in data.get("template_type", []):
        if template_type not in NOTIFICATION_TYPES:
            problems.append(f"template_type {template_type} is not one of [sms, email, letter]")
    if "include_jobs" in data and data["include_jobs"] not in ("true", "True"):
        problems.append(f"include_jobs {data['include_jobs']} is not one of [true, True]")
    if "older_than" in data and not _is_uuid(data["older_than"]):
        problems.append("older_than is not a valid UUID")
    allowed = {"reference", "status", "template_type", "include_jobs", "older_than"}
    problems.extend(_additional(set(data) - allowed))
    if problems:
        raise _invalid(problems)
    return data


def _matches(n: dict, data: dict) -> bool:
    if "reference" in data and n["reference"] != data["reference"]:
        return False
    if data.get("template_type") and n["type"] not in data["template_type"]:
        return False
    if data.get("status"):
        wanted = {s for status in data["status"] for s in _SUBSTITUTES.get(status, [status])}
        if "delivered" not in wanted:  # everything here was delivered at once
            return False
    return True


class _Handler(BaseHTTPRequestHandler):
    server_version = "NotifyStandIn/1"

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        standin: NotifyStandIn = self.server.standin  # type: ignore[attr-defined]
        try:
            status, body = standin.answer(self.command, self.path, self.headers, raw)
        except Exception:
            # A bug in the stand-in: answered as Notify failing (not a hung client), and
            # told on stderr, which pytest shows with the failing test.
            traceback.print_exc()
            status, body = 500, _failure(500).body()
        if self.command == "POST":
            standin.hold(status, body, self.client_address[1])
        payload = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _reply

    def log_message(self, format, *args) -> None:
        pass  # quiet: the tests say what went wrong
