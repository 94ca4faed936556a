"""The content designers' preview (`make preview`): every document, drafts included, in
every content language and the main needs profiles side by side.

Registered only under PreviewConfig: citizens never reach these pages or see drafts.
"""

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, url_for
from flask_babel import lazy_gettext as _l

from portal.languages import languages
from portal.needs.code import encode
from portal.needs.model import Needs
from portal.preview.reload import fingerprint
from portal.publishing.index import current_content

bp = Blueprint("preview", __name__, url_prefix="/preview")

# The people a content designer should picture while writing: the needs that change
# what a content page shows (its version, its blocks, its channels, its size).
PROFILES = (
    (_l("No needs declared"), Needs()),
    (_l("Easy Read"), Needs(easy_read=True)),
    (_l("Largest text and more spacing"), Needs(text_size="largest", more_spacing=True)),
    (_l("Prefers phone calls"), Needs(channels=("phone",))),
    (_l("BSL user"), Needs(bsl=True)),
)
ENDPOINTS = {
    "services": "services.service",
    "guides": "services.guide",
    "pages": "services.info_page",
    "step-by-step": "services.step_by_step",
}
KIND_NAMES = {
    "services": _l("Services"),
    "guides": _l("Guides"),
    "pages": _l("Information pages"),
    "step-by-step": _l("Step by step"),
}

# Reload the preview page when the content changes. An external file, not inline, so the
# Content-Security-Policy needs no exception.
LIVE_SCRIPT = """\
(function () {
  var seen = null;
  function check() {
    fetch(%(url)s, {cache: "no-store"}).then(function (response) {
      return response.text();
    }).then(function (version) {
      if (seen !== null && version !== seen) { window.location.reload(); }
      seen = version;
    }).catch(function () {});
  }
  check();
  setInterval(check, 1500);
})();
"""


def _needs_parameter(needs: Needs) -> dict[str, Any]:
    """The preview-needs query parameter, for url_for: its name is no Python name."""
    return {"preview-needs": encode(needs)}


@bp.route("/")
def documents():
    content = current_content()
    groups = []
    for kind in ENDPOINTS:
        pages = [
            content.find(kind, slug, "en").page
            for slug in content.slugs(kind)
            if content.find(kind, slug, "en")
        ]
        groups.append((kind, KIND_NAMES[kind], sorted(pages, key=lambda p: p.meta.title)))
    return render_template("preview/documents.html", groups=groups)


@bp.route('/<any(services, guides, pages, "step-by-step"):kind>/<slug>')
def document(kind: str, slug: str):
    content = current_content()
    found = content.find(kind, slug, "en")
    if found is None:
        abort(404)
    registry = languages()
    frames = [
        {
            "language": language,
            "language_name": registry[language].name,
            "profile": name,
            "src": url_for(
                ENDPOINTS[kind],
                slug=slug,
                lang=None if language == registry.default.code else language,
                **_needs_parameter(needs),
            ),
            "translated": (kind, slug, language, None) in content.pages,
        }
        for name, needs in PROFILES
        for language in registry.content_codes
    ]
    return render_template("preview/document.html", page=found.page, frames=frames)


@bp.route("/version")
def version():
    return Response(
        fingerprint(Path(current_app.config["CONTENT_DIR"])),
        mimetype="text/plain",
        headers={"Cache-Control": "no-store"},
    )


@bp.route("/live.js")
def live_script():
    script = LIVE_SCRIPT % {"url": f'"{url_for("preview.version")}"'}
    return Response(script, mimetype="text/javascript", headers={"Cache-Control": "no-store"})
