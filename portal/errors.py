"""Error pages in GOV.UK style, in the language of the URL that was asked for."""

from urllib.parse import quote

from flask import Flask, current_app, redirect, render_template, request
from sqlalchemy.exc import DataError, InterfaceError, OperationalError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from portal.extensions import db

# The database is down, restarting, read-only or full: a moment's problem, not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response(template: str, status: int = 503, **context):
    """Render a page that says the service is unavailable for a moment. The failed
    transaction is rolled back so the next request starts clean."""
    db.session.rollback()
    response = current_app.make_response((render_template(template, **context), status))
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def committed() -> bool:
    """Commit the session; False (rolled back) when the database is unavailable, so the
    view can give the person their page back with what they typed."""
    try:
        db.session.commit()
    except DATABASE_UNAVAILABLE:
        db.session.rollback()
        return False
    return True


def _without_trailing_slash() -> str | None:
    """`/your-needs/` for `/your-needs`: the address people type or paste with a slash
    on the end, if the portal answers it without one (a redirect keeps the query)."""
    path = request.path
    if request.method not in ("GET", "HEAD") or len(path) < 2 or not path.endswith("/"):
        return None
    wanted = path.rstrip("/")
    if not wanted.startswith("/") or wanted.startswith("//") or "\\" in wanted:
        return None  # never an address a browser would read as another site
    try:
        current_app.url_map.bind("localhost").match(wanted, method="GET")
    except HTTPException:
        return None
    query = request.query_string.decode("latin-1")
    # request.path is decoded: quote it again, or a %0D%0A in the address asked for would
    # become a line break in the Location header.
    return quote(wanted, safe="/!$&'()*+,;=:@-._~") + (f"?{query}" if query else "")


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code == 404 and (wanted := _without_trailing_slash()) is not None:
            return redirect(wanted, code=308)
        template = "errors/404.html" if error.code == 404 else "errors/generic.html"
        return render_template(template, error=error), error.code

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError):
        # Never show a stack trace: the log has it.
        return render_template("errors/500.html"), 500

    @app.errorhandler(DataError)
    def impossible_value(error):
        # A value the database cannot hold (a number too big for its column, say): it came
        # from the request, so it is the request that is wrong.
        db.session.rollback()
        return http_error(BadRequest())

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_error(error):
        app.logger.error("database unavailable: %s", error.__class__.__name__, exc_info=error)
        return database_unavailable_response("errors/unavailable.html")
