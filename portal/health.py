"""/healthz and /readyz for the load balancer and the platform: plain text, never cached,
never rate limited, never personalised."""

from flask import Blueprint, Response
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db, limiter

bp = Blueprint("health", __name__)


def _plain(body: str, status: int) -> Response:
    return Response(
        body + "\n", status, mimetype="text/plain", headers={"Cache-Control": "no-store"}
    )


@bp.get("/healthz")
@limiter.exempt
def healthz():
    """The process is alive and answering: restart it if not."""
    return _plain("ok", 200)


@bp.get("/readyz")
@limiter.exempt
def readyz():
    """The database answers: send this server traffic only if so. Content pages work
    without it, but forms do not, so a server that cannot reach it is not ready."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return _plain("database unavailable", 503)
    return _plain("ok", 200)
