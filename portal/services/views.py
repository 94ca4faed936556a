"""Citizen pages: home, topics, services, guides and the information pages."""

from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request
from markupsafe import Markup

from portal.caching import cached_page
from portal.i18n import current_language, localised_route
from portal.needs.model import Needs
from portal.needs.personalise import plan_page, visible_segments
from portal.needs.visitor import current_needs
from portal.publishing.index import current_content
from portal.publishing.schema import INFO_PAGES
from portal.transparency.statement import latest_report

bp = Blueprint("services", __name__)


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
        life_events=content.taxonomy.life_events,
        guides=list(content.listed("guides", language)),
        step_by_steps=list(content.listed("step-by-step", language)),
    )


# Three ways into the same catalogue: what a service is about (topic), what is happening
# in someone's life (life event), and who runs it (department).
@localised_route(bp, "/topics/<slug>")
@cached_page
def topic(slug: str):
    return _browse_page("topic", current_content().taxonomy.topics, slug)


@localised_route(bp, "/life-events/<slug>")
@cached_page
def life_event(slug: str):
    return _browse_page("life_event", current_content().taxonomy.life_events, slug)


@localised_route(bp, "/departments/<slug>")
@cached_page
def department(slug: str):
    return _browse_page("department", current_content().taxonomy.departments, slug)


# Each way in has an index of its own too: /topics, /life-events and /departments.
@localised_route(bp, "/topics")
@cached_page
def topics():
    return _index_page("topic", current_content().taxonomy.topics)


@localised_route(bp, "/life-events")
@cached_page
def life_events():
    return _index_page("life_event", current_content().taxonomy.life_events)


@localised_route(bp, "/departments")
@cached_page
def departments():
    return _index_page("department", current_content().taxonomy.departments, by_name=True)


def _index_page(facet: str, entries: dict, by_name: bool = False):
    """Every topic, life event or department with how many services it has; in the
    taxonomy's order, or by name in the reader's language."""
    content = current_content()
    language = current_language()
    listed = list(entries.items())
    if by_name:
        listed.sort(key=lambda item: item[1].name.get(language).casefold())
    return render_template(
        "services/index_page.html",
        facet=facet,
        entries=listed,
        service_counts={
            slug: len(list(content.listed("services", language, **{facet: slug})))
            for slug in entries
        },
    )


def _browse_page(facet: str, entries: dict, slug: str):
    entry = entries.get(slug)
    if entry is None:
        abort(404)
    content = current_content()
    language = current_language()
    return render_template(
        "services/browse.html",
        facet=facet,
        entry=entry,
        services=list(content.listed("services", language, **{facet: slug})),
        guides=list(content.listed("guides", language, **{facet: slug})),
    )


@localised_route(bp, "/step-by-step/<slug>")
@cached_page
def step_by_step(slug: str):
    content = current_content()
    language = current_language()
    found = content.find("step-by-step", slug, language)
    if found is None:
        abort(404)
    return render_template(
        "services/step_by_step.html",
        page=found.page,
        fallback=found.fallback,
        body=_body(found.page, current_needs()),
        steps=_steps(content, found.page, language),
    )


def _steps(content, page, language: str) -> list[dict]:
    """A step-by-step's steps, numbered as GOV.UK numbers them ("and"/"or" steps share the
    number of the step before), each link resolved to its page in the reader's language."""
    steps, number = [], 0
    for step in page.meta.steps:
        if step.logic is None:
            number += 1
        links = []
        for link in step.links:
            kind, linked = link.split("/")
            links.append((kind, content.find(kind, linked, language)))
        steps.append({"step": step, "number": number, "links": links})
    return steps


@localised_route(bp, "/services/<slug>")
@cached_page
def service(slug: str):
    return _content_page("services", slug, "services/service.html")


@localised_route(bp, "/guides/<slug>")
@cached_page
def guide(slug: str):
    return _content_page("guides", slug, "services/guide.html")


@localised_route(bp, "/<any(" + ", ".join(f'"{slug}"' for slug in INFO_PAGES) + "):slug>")
def info_page(slug: str):
    if slug == "accessibility-statement":
        # Kept out of the render cache: its key (caching.render_key) knows the content
        # version but not the audit report shown after the content, and a new report must
        # show at once. Putting the report's mtime in that key would make every cached page
        # stat the file; here only this page does, and the report is parsed only when the
        # file changes (statement.latest_report), so it costs one stat and a render.
        report = latest_report(Path(current_app.config["A11Y_AUDIT_REPORT"]))
        return _content_page("pages", slug, "services/info_page.html", audit=report)
    return _cached_info_page(slug)


@cached_page
def _cached_info_page(slug: str):
    return _content_page("pages", slug, "services/info_page.html")


def _content_page(kind: str, slug: str, template: str, **extra):
    """A page from content/, in the version the person's needs call for."""
    content = current_content()
    language = current_language()
    standard = content.find(kind, slug, language)
    if standard is None:
        abort(404)
    needs = current_needs()
    variants = content.variants(kind, slug)
    channels = getattr(standard.page.meta, "channels", None)
    offered = dict(channels.offered()) if channels else {}
    plan = plan_page(needs, variants, request.args.get("version"), offered if channels else None)
    choice = plan.choice
    shown = content.find(kind, slug, language, choice.variant) if choice.variant else standard
    if shown is None:  # never: a variant is only chosen from those the page has
        abort(404)
    part_of = [
        (found, _steps(content, found.page, language))
        for journey in content.step_by_steps_for(kind, slug)
        if (found := content.find("step-by-step", journey, language)) is not None
    ]
    return render_template(
        template,
        page=shown.page,
        fallback=shown.fallback,
        body=_body(shown.page, needs),
        standard=standard,
        choice=choice,
        variants=variants,
        page_plan=plan,
        plan=plan.channels,
        channels=offered,
        taxonomy=content.taxonomy,
        part_of=part_of,
        **extra,
    )


def _body(page, needs: Needs) -> Markup:
    """A content page's body with only the needs-aware blocks this person should see."""
    return Markup("").join(segment.html for segment in visible_segments(page.segments, needs))


def sitemap_values() -> dict[str, list[dict]]:
    """The values every parametrised page here is reached with, for the sitemap and tests."""
    content = current_content()
    return {
        "services.topic": [{"slug": slug} for slug in content.taxonomy.topics],
        "services.life_event": [{"slug": slug} for slug in content.taxonomy.life_events],
        "services.department": [{"slug": slug} for slug in content.taxonomy.departments],
        "services.step_by_step": [{"slug": slug} for slug in content.slugs("step-by-step")],
        "services.service": [{"slug": slug} for slug in content.slugs("services")]
        + [
            {"slug": slug, "version": variant}
            for slug in content.slugs("services")
            for variant in content.variants("services", slug)
        ],
        "services.guide": [{"slug": slug} for slug in content.slugs("guides")],
        "services.info_page": [{"slug": slug} for slug in INFO_PAGES],
    }
