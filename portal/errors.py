"""Error pages in GOV.UK style, in the language of the URL that was asked for."""

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException, InternalServerError


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        template = "errors/404.html" if error.code == 404 else "errors/generic.html"
        return render_template(template, error=error), error.code

    @app.errorhandler(InternalServerError)
    def server_error(error: InternalServerError):
        # Never show a stack trace: the log has it.
        return render_template("errors/500.html"), 500
