"""Flask extensions: created once here, bound to an app in create_app()."""

from typing import TYPE_CHECKING, Any, cast

from flask import request
from flask_babel import Babel
from flask_caching import Cache
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import CursorResult, Delete, Update
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Base for every model: typed SQLAlchemy 2 declarative mappings."""


db = SQLAlchemy(model_class=Base)


def rows_changed(statement: Update | Delete) -> int:
    """Run an UPDATE or DELETE in the session and say how many rows it changed: a
    conditional UPDATE that changed none lost a race. (Its result is a CursorResult, which
    counts them; Session.execute is typed as returning any statement's Result.)"""
    return cast(CursorResult[Any], db.session.execute(statement)).rowcount


# The models' base class. A type checker cannot take a base class from an attribute
# (db.Model), so it is told what db.Model is: a subclass of Base (with Flask-SQLAlchemy's
# table naming and query helpers, which no model here relies on for its types).
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
# Limits are per client address, kept in memory unless RATELIMIT_STORAGE_URI names a
# shared store (needed as soon as there is more than one server).
# The default limit (RATELIMIT_DEFAULT) applies to POSTs only: reading pages is never limited.
limiter = Limiter(
    key_func=get_remote_address,
    default_limits_exempt_when=lambda: request.method != "POST",
)
# Gzip and brotli for pages; static files come precompressed from the build.
compress = Compress()
# The render cache: per process, bounded in size, rebuilt on start (see portal.caching).
cache = Cache()
