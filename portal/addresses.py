"""Where the portal is: the host names it answers to, and the address its absolute URLs
name. Neither is ever taken from what a request says about itself.

A Host or X-Forwarded-Host header is written by whoever sends the request. Built into an
hreflang link or an API's `links.next` and kept by a cache, one request with
`Host: evil.example` would send everyone after it to that site. So requests for any host
outside TRUSTED_HOSTS are refused (Flask checks the list as it routes), and every absolute
URL is built on BASE_URL when it is set.
"""

from urllib.parse import urlsplit

from flask import Flask, Request, Response
from werkzeug.exceptions import SecurityError
from werkzeug.routing import MapAdapter

from portal.requests import PortalRequest


class Portal(Flask):
    """Flask, with absolute URLs on the configured address."""

    request_class = PortalRequest

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        adapter = super().create_url_adapter(request)
        base = self.config.get("BASE_URL")
        if adapter is not None and base:
            # Only the building side: routing never reads these without host matching.
            address = urlsplit(base)
            adapter.url_scheme = address.scheme
            adapter.server_name = address.netloc
        return adapter


def refuse_unknown_host(error: SecurityError) -> Response:
    """A request for a host we are not. No page: a page would need URLs, and the request
    could not be routed. Plain words, for the person who typed a wrong address."""
    return Response(
        "Bad request: this address is not one this service answers to.\n",
        400,
        mimetype="text/plain",
    )


def register_addresses(app: Flask) -> None:
    app.register_error_handler(SecurityError, refuse_unknown_host)
