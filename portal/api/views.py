"""The read-only JSON content API at /api/v1, for other departments to reuse our content.

Public content only, no cookies read, so responses may be cached by anyone and fetched
from any origin.
"""

import math

from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from portal.api.openapi import openapi_document
from portal.api.schemas import (
    Channel,
    PageLinks,
    PageMeta,
    Problem,
    ServiceDetail,
    ServiceList,
    ServiceResponse,
    ServiceSummary,
)
from portal.languages import languages
from portal.publishing.index import Found, current_content

bp = Blueprint("api", __name__, url_prefix="/api/v1")

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100


class BadParameter(Exception):
    def __init__(self, detail: str):
        self.detail = detail


@bp.after_request
def public_json(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    # Only an answer may be shared for five minutes; an error is for the one who asked.
    shareable = response.status_code == 200
    response.headers.setdefault("Cache-Control", "public, max-age=300" if shareable else "no-store")
    # The language the body is in, from the registry: never the query's text, which could
    # carry a line break into the headers.
    language = request.args.get("lang", "en")
    if language in languages().content_codes:
        response.headers["Content-Language"] = language
    return response


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return _problem(400, "Bad request", error.detail)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    return _problem(error.code or 500, error.name, error.description or "")


def _problem(status: int, title: str, detail: str):
    body = Problem(status=status, title=title, detail=detail).model_dump(mode="json")
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def _language() -> str:
    language = request.args.get("lang", "en")
    content_languages = languages().content_codes
    if language not in content_languages:
        raise BadParameter(f"lang must be one of: {', '.join(content_languages)}")
    return language


def _positive_int(name: str, default: int, maximum: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None:
        return default
    # ASCII decimal digits only ("²" is a digit to Python but not a number int() reads), and
    # few enough of them that int() never meets its limit on long strings.
    value = int(raw) if raw.isascii() and raw.isdecimal() and len(raw) <= 9 else 0
    if value < 1 or (maximum and value > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise BadParameter(f"{name} must be a whole number, 1 or more{limit}")
    return value


def _page_url(language: str, slug: str) -> str:
    return url_for(
        "services.service", slug=slug, lang=None if language == "en" else language, _external=True
    )


def _summary_fields(found: Found, language: str) -> dict:
    page, meta = found.page, found.page.service_meta
    taxonomy = current_content().taxonomy
    return {
        "slug": page.slug,
        "language": page.language,
        "fallback": found.fallback,
        "title": meta.title,
        "summary": meta.summary,
        "department": meta.department,
        "department_name": taxonomy.departments[meta.department].name.get(language),
        "topics": list(meta.topics),
        "life_events": list(meta.life_events),
        "url": _page_url(language, page.slug),
        "api_url": url_for("api.service", slug=page.slug, lang=language, _external=True),
        "last_reviewed": meta.last_reviewed,
        "review_by": meta.review_by,
    }


@bp.get("/services")
def services():
    language = _language()
    page = _positive_int("page", 1)
    per_page = _positive_int("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    content = current_content()
    listed = list(content.listed("services", language))
    total_pages = max(1, math.ceil(len(listed) / per_page))
    if page > total_pages:
        raise BadParameter(f"page must be at most {total_pages}")
    shown = listed[(page - 1) * per_page : page * per_page]

    def link(number: int) -> str:
        return url_for(
            "api.services", lang=language, page=number, per_page=per_page, _external=True
        )

    body = ServiceList(
        data=[ServiceSummary(**_summary_fields(found, language)) for found in shown],
        links=PageLinks(
            self=link(page),
            first=link(1),
            last=link(total_pages),
            next=link(page + 1) if page < total_pages else None,
            prev=link(page - 1) if page > 1 else None,
        ),
        meta=PageMeta(
            page=page,
            per_page=per_page,
            total=len(listed),
            total_pages=total_pages,
            language=language,
        ),
    )
    return jsonify(body.model_dump(mode="json"))


@bp.get("/services/<slug>")
def service(slug: str):
    language = _language()
    content = current_content()
    found = content.find("services", slug, language)
    if found is None:
        return _problem(404, "Not Found", f"There is no service called {slug!r}.")
    channels = [
        Channel(way=way, details=details.model_dump(exclude_none=True))
        for way, details in found.page.service_meta.channels.offered()
    ]
    detail = ServiceDetail(
        **_summary_fields(found, language),
        body_html=str(found.page.body),
        channels=channels,
        versions=content.variants("services", slug),
    )
    return jsonify(ServiceResponse(data=detail).model_dump(mode="json"))


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document(url_for("api.services", _external=True).rsplit("/", 1)[0]))
