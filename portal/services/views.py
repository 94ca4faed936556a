"""Citizen pages: home, topics, services, guides and the information pages."""

from flask import Blueprint, abort, render_template, request

from portal.caching import cached_page
from portal.i18n import current_language, localised_route
from portal.needs.personalise import choose_variant, plan_channels
from portal.needs.store import current_needs
from portal.publishing.index import current_content

bp = Blueprint("services", __name__)

# Information pages live in content/pages/ and are served at the top level.
INFO_PAGES = ("accessibility-statement", "cookies", "privacy", "contact")


@localised_route(bp, "/")
@cached_page
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
@cached_page
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
@cached_page
def service(slug: str):
    return _content_page("services", slug, "services/service.html")


@localised_route(bp, "/guides/<slug>")
@cached_page
def guide(slug: str):
    return _content_page("guides", slug, "services/guide.html")


@localised_route(bp, "/<any(" + ", ".join(f'"{slug}"' for slug in INFO_PAGES) + "):slug>")
@cached_page
def info_page(slug: str):
    return _content_page("pages", slug, "services/info_page.html")


def _content_page(kind: str, slug: str, template: str):
    """A page from content/, in the version the person's needs call for."""
    content = current_content()
    language = current_language()
    standard = content.find(kind, slug, language)
    if standard is None:
        abort(404)
    needs = current_needs()
    variants = content.variants(kind, slug)
    choice = choose_variant(needs, variants, request.args.get("version"))
    shown = content.find(kind, slug, language, choice.variant) if choice.variant else standard
    channels = getattr(standard.page.meta, "channels", None)
    return render_template(
        template,
        page=shown.page,
        fallback=shown.fallback,
        standard=standard,
        choice=choice,
        variants=variants,
        needs=needs,
        plan=plan_channels(dict(channels.offered()), needs) if channels else None,
        channels=dict(channels.offered()) if channels else {},
        taxonomy=content.taxonomy,
    )


def sitemap_values() -> dict[str, list[dict]]:
    """The values every parametrised page here is reached with, for the sitemap and tests."""
    content = current_content()
    return {
        "services.topic": [{"slug": slug} for slug in content.taxonomy.topics],
        "services.service": [{"slug": slug} for slug in content.slugs("services")]
        + [
            {"slug": slug, "version": variant}
            for slug in content.slugs("services")
            for variant in content.variants("services", slug)
        ],
        "services.guide": [{"slug": slug} for slug in content.slugs("guides")],
        "services.info_page": [{"slug": slug} for slug in INFO_PAGES],
    }
