"""Staff passwords: argon2id hashes and the rules a new password must meet.

The rules follow NCSC and NIST advice: length over complexity (12 to 128 characters,
any characters at all) and never one of the passwords attackers try first.
"""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import lazy_gettext as _l
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 12
MAX_LENGTH = 128
# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile.
_hasher = PasswordHasher()
# Verified when an email has no account, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("no account has this password, it only spends the time")


@cache
def _common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords in leaked lists, as zxcvbn ranks them."""
    return frozenset(FREQUENCY_LISTS["passwords"])


def problem_with(password: str, email: str = "") -> str | None:
    """Why this password cannot be used, in the reader's language, or None."""
    if len(password) < MIN_LENGTH:
        return str(_l("Password must be %(count)d characters or more", count=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        return str(_l("Password must be %(count)d characters or fewer", count=MAX_LENGTH))
    lowered = password.lower()
    if lowered in _common_passwords() or len(set(lowered)) < 4:
        return str(_l("Choose a password that is harder to guess: this one is widely used"))
    name = email.split("@")[0].lower()
    if len(name) >= 4 and name in lowered:
        return str(_l("Choose a password that does not contain your email address"))
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    """Whether the password matches. With no hash (no account), spend the same time."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker settings than today's."""
    return _hasher.check_needs_rehash(password_hash)
