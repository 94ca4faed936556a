"""Citizen pages: home, topics, services, guides and the information pages."""

from flask import Blueprint, abort, render_template

from portal.i18n import current_language, localised_route
from portal.publishing.index import current_content

bp = Blueprint("services", __name__)

# Information pages live in content/pages/ and are served at the top level.
INFO_PAGES = ("accessibility-statement", "cookies", "privacy", "contact")


@localised_route(bp, "/")
def home():
    content = current_content()
    language = current_language()
    return render_template(
        "services/home.html",
        topics=content.taxonomy.topics,
        service_counts={
            slug: len(list(content.listed("services", language, topic=slug)))
            for slug in content.taxonomy.topics
        },
        guides=list(content.listed("guides", language)),
    )


@localised_route(bp, "/topics/<slug>")
def topic(slug: str):
    content = current_content()
    found = content.taxonomy.topics.get(slug)
    if found is None:
        abort(404)
    language = current_language()
    return render_template(
        "services/topic.html",
        slug=slug,
        topic=found,
        services=list(content.listed("services", language, topic=slug)),
        guides=list(content.listed("guides", language, topic=slug)),
    )


@localised_route(bp, "/services/<slug>")
def service(slug: str):
    return _content_page("services", slug, "services/service.html")


@localised_route(bp, "/guides/<slug>")
def guide(slug: str):
    return _content_page("guides", slug, "services/guide.html")


@localised_route(bp, "/<any(" + ", ".join(f'"{slug}"' for slug in INFO_PAGES) + "):slug>")
def info_page(slug: str):
    return _content_page("pages", slug, "services/info_page.html")


def _content_page(kind: str, slug: str, template: str):
    content = current_content()
    found = content.find(kind, slug, current_language())
    if found is None:
        abort(404)
    return render_template(
        template,
        page=found.page,
        fallback=found.fallback,
        taxonomy=content.taxonomy,
    )


def sitemap_values() -> dict[str, list[dict]]:
    """The values every parametrised page here is reached with, for the sitemap and tests."""
    content = current_content()
    return {
        "services.topic": [{"slug": slug} for slug in content.taxonomy.topics],
        "services.service": [{"slug": slug} for slug in content.slugs("services")],
        "services.guide": [{"slug": slug} for slug in content.slugs("guides")],
        "services.info_page": [{"slug": slug} for slug in INFO_PAGES],
    }
