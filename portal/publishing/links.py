"""Checks on links between pages of the portal: the page must exist, and so must the heading.

Only addresses on this site are checked (no network): a path that starts with `/`, or a
`#heading` on the same page. A heading's id is whatever the portal's own renderer gives
it, so the check agrees with the page citizens get.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, RequestRedirect

from portal.publishing.markdown import render_markdown
from portal.publishing.schema import INFO_PAGES, VARIANTS
from portal.publishing.sources import Finding, Source, inline_line, inline_tokens

# Content kinds served at /<kind>/<slug>; information pages (content/pages) are served at
# /<slug>, and only those named in INFO_PAGES.
ROUTED_KINDS = ("services", "guides", "step-by-step")
PAGES_WITHOUT_HEADINGS = ("your-needs", "search")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_HEADING_ID = re.compile(r"<h[1-6]\b[^>]*?\sid=\"([^\"]*)\"")
_STEP_LINK = re.compile(r"^(services|guides)/([a-z0-9-]+)$")

ADDRESSES = (
    "/services/<slug>, /guides/<slug>, /step-by-step/<slug>, /topics/<topic>, /forms/<form>, "
    + ", ".join(f"/{slug}" for slug in INFO_PAGES)
    + ", "
    + ", ".join(f"/{slug}" for slug in PAGES_WITHOUT_HEADINGS)
)


class Broken(Exception):
    """A link that leads nowhere: the code, what is wrong and how to fix it."""

    def __init__(self, code: str, message: str, fix: str):
        super().__init__(message)
        self.code, self.message, self.fix = code, message, fix


@dataclass
class Site:
    """Everything a link can lead to, built from the content being checked."""

    sources: dict[tuple, Source]
    topics: frozenset[str]
    forms: frozenset[str]
    languages: tuple[str, ...]
    # Every language with a URL prefix, content language or not (Arabic is interface only:
    # /ar/services/... shows the English page).
    url_languages: tuple[str, ...]
    # Whether the portal answers a GET at a path that is not a content page
    # (`/your-needs/saved`, say): the app's URL map, when there is an app to ask.
    serves: Callable[[str], bool] | None = None
    _ids: dict = field(default_factory=dict, repr=False)

    def heading_ids(self, page: Source) -> list[str]:
        """The ids the renderer gives the page's headings (`## Who can apply` -> who-can-apply)."""
        if page.path not in self._ids:
            rendered = render_markdown(page.body)
            self._ids[page.path] = [html.unescape(i) for i in _HEADING_ID.findall(rendered)]
        return self._ids[page.path]

    def english(self, kind: str, slug: str, variant: str | None = None) -> Source | None:
        return self.sources.get((kind, slug, variant, self.languages[0]))

    def resolve(self, path: str, query: str, source: Source) -> Source | None:
        """The content page at `path` (None for a page that is not from content/)."""
        parts = path[1:].split("/")
        language = self.languages[0]
        if parts[0] in self.url_languages[1:]:
            language = parts.pop(0)
        match parts:
            case [] | [""]:
                return None
            case [kind, slug] if kind in ROUTED_KINDS:
                return self._page(kind, slug, language, query, path, source)
            case [slug] if slug in INFO_PAGES:
                return self._page("pages", slug, language, query, path, source)
            case ["topics", slug] if slug in self.topics:
                return None
            case ["forms", slug] if slug in self.forms:
                return None
            case [slug] if slug in PAGES_WITHOUT_HEADINGS:
                return None
            case [first, *_] if first not in (*ROUTED_KINDS, "topics", "forms") and (
                self.serves and self.serves(path)
            ):
                return None
            case ["topics", slug]:
                raise Broken(
                    "broken-link",
                    f"there is no topic {slug} (link to {path})",
                    f"use a topic from taxonomy.yaml: {', '.join(sorted(self.topics))}",
                )
            case ["forms", slug]:
                raise Broken(
                    "broken-link",
                    f"there is no form {slug} (link to {path})",
                    f"use a form in content/forms/: {', '.join(sorted(self.forms))}",
                )
        raise Broken(
            "broken-link",
            f"there is no page at {path} on this site",
            f"link to one of: {ADDRESSES} (with /cy before them for Welsh pages), "
            "or to a full https:// address for another site",
        )

    def _page(self, kind, slug, language, query, path, source: Source) -> Source:
        english = self.english(kind, slug)
        if english is None:
            raise Broken(
                "broken-link",
                f"there is no page at {path}: content/{kind}/{slug}.md does not exist",
                "check the spelling of the address against the file names in content/",
            )
        if english.meta.get("draft") is True and source.meta.get("draft") is not True:
            raise Broken(
                "broken-link",
                f"{path} is a draft, so citizens cannot see it",
                "publish that page first (remove `draft: true`), or remove the link",
            )
        version = parse_qs(query).get("version", [None])[0]
        english_page: Source | None
        if version is None:
            variant, english_page = None, english
        elif version in VARIANTS and (english_page := self.english(kind, slug, version)):
            variant = version
        else:
            raise Broken(
                "broken-link",
                f"{path} has no version {version!r}",
                f"link to the standard page, or add {kind}/{slug}.{version}.md",
            )
        # As the portal does: the page in the link's language, else the English page.
        return self.sources.get((kind, slug, variant, language)) or english_page


def check_links(source: Source, site: Site) -> list[Finding]:
    """Internal links whose page or heading does not exist: readers would get "Page not
    found", or land at the top of a long page instead of the part they were sent to."""
    findings = []
    for inline, _heading in inline_tokens(source):
        for index, child in enumerate(inline.children or []):
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            try:
                _check_href(href, source, site)
            except Broken as broken:
                number = source.body_line(inline_line(inline, index))
                findings.append(
                    source.finding(number, "error", broken.code, broken.message, broken.fix)
                )
    return findings + _step_links(source, site)


def _check_href(href: str, source: Source, site: Site) -> None:
    if _SCHEME.match(href):
        return  # another site, an email address or a phone number: not checked here
    address, _, fragment = href.partition("#")
    path, _, query = address.partition("?")
    path, anchor = unquote(path), unquote(fragment)
    if not path and not anchor:
        raise Broken("broken-link", f"the link {href!r} goes nowhere", "give the address")
    if path and not path.startswith("/"):
        raise Broken(
            "broken-link",
            f"{path} is a relative address, which changes meaning from page to page",
            f"start it from the site root: /{path.removeprefix('./')}",
        )
    target = site.resolve(path, query, source) if path else source
    if not anchor:
        return
    if target is None:
        raise Broken(
            "broken-anchor",
            f"{path} is not a content page, so it has no heading #{anchor}",
            f"link to {path} without #{anchor}",
        )
    ids = site.heading_ids(target)
    if anchor not in ids:
        where = "this page" if target is source else target.path.name
        raise Broken(
            "broken-anchor",
            f"#{anchor} is not a heading on {where}",
            f"link to one of its headings: {', '.join('#' + i for i in ids)}"
            if ids
            else f"it has no ## or ### headings: link to the page without #{anchor}",
        )


def _step_links(source: Source, site: Site) -> list[Finding]:
    """The `links` of each step in a step-by-step's front matter: `services/<slug>`."""
    findings = []
    steps = source.meta.get("steps") if source.kind == "step-by-step" else None
    for step_index, step in enumerate(steps if isinstance(steps, list) else []):
        links = step.get("links") if isinstance(step, dict) else None
        for link_index, link in enumerate(links if isinstance(links, list) else []):
            match = _STEP_LINK.match(str(link))
            if match and site.english(match[1], match[2]) is None:
                findings.append(
                    source.finding(
                        source.field_line("steps", step_index, "links", link_index),
                        "error",
                        "broken-link",
                        f"step {step_index + 1} links to {link}, but content/{link}.md "
                        "does not exist",
                        "check the spelling against the file names in content/",
                    )
                )
    return findings


def answers(url_map: Map, path: str) -> bool:
    """Whether the portal answers a GET at `path` (a redirect counts: it gets there)."""
    try:
        url_map.bind("localhost").match(path, method="GET")
    except RequestRedirect:
        return True
    except HTTPException:
        return False
    return True
