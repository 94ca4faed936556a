"""Page feedback on every page, problem reports, and the satisfaction question after a form.

Everything works without JavaScript: the Yes and No buttons are a small form that posts
here and comes back. Robots are kept out by a honeypot and rate limits, not a CAPTCHA
(which many disabled people cannot use).
"""

import re

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from portal.errors import committed
from portal.extensions import csrf, db, limiter
from portal.feedback.forms import PERSONAL_DATA_HINT, ProblemForm, SatisfactionForm, UsefulForm
from portal.feedback.models import PageFeedback, SatisfactionResponse
from portal.i18n import current_language, localised_route
from portal.transactions.catalogue import current_forms

bp = Blueprint("feedback", __name__)

# A page of this site: a path, not an address elsewhere ("//evil.example" or "/\\evil").
_OUR_PATH = re.compile(r"^/(?![/\\])[^\s?#]{0,299}$")


def post_limit() -> str:
    """Feedback posts per client address and route (PORTAL_FEEDBACK_RATE_LIMIT)."""
    return current_app.config["FEEDBACK_RATE_LIMIT"]


def page_path(value: str | None) -> str:
    """The page the feedback is about, or the home page for anything that is not ours."""
    value = (value or "").split("?", 1)[0]
    return value if _OUR_PATH.match(value) else "/"


@localised_route(bp, "/feedback/useful", methods=["POST"])
@csrf.exempt
@limiter.limit(post_limit, methods=["POST"])
def useful():
    form = UsefulForm()
    if not form.validate():
        abort(400)
    page = page_path(form.page.data)
    db.session.add(
        PageFeedback(path=page, language=current_language(), useful=form.answer.data == "yes")
    )
    db.session.commit()
    if form.answer.data == "no":
        return redirect(url_for("feedback.problem", page=page, useful="no"), 303)
    return redirect(url_for("feedback.thanks", page=page), 303)


@localised_route(bp, "/feedback/problem", methods=["GET", "POST"])
@limiter.limit(post_limit, methods=["POST"])
def problem():
    form = ProblemForm()
    page = page_path(form.page.data or request.args.get("page"))
    form.page.data = page
    unavailable = False
    if form.validate_on_submit():
        if not form.is_spam():
            db.session.add(
                PageFeedback(
                    path=page,
                    language=current_language(),
                    useful=None,
                    what_doing=(form.what_doing.data or "").strip() or None,
                    what_wrong=(form.what_wrong.data or "").strip() or None,
                )
            )
            unavailable = not committed()
        if not unavailable:
            return redirect(url_for("feedback.thanks", page=page), 303)
    return render_template(
        "feedback/problem.html",
        form=form,
        page=page,
        after_no=request.args.get("useful") == "no",
        personal_data_hint=PERSONAL_DATA_HINT,
        unavailable=unavailable,
    ), (503 if unavailable else 200)


@localised_route(bp, "/feedback/thanks")
def thanks():
    return render_template("feedback/thanks.html", page=page_path(request.args.get("page")))


@localised_route(bp, "/forms/<slug>/feedback", methods=["GET", "POST"])
@limiter.limit(post_limit, methods=["POST"])
def satisfaction(slug: str):
    form_definition = current_forms().get(slug)
    if form_definition is None:
        abort(404)
    form = SatisfactionForm()
    unavailable = False
    if form.validate_on_submit():
        if not form.is_spam():
            db.session.add(
                SatisfactionResponse(
                    form=slug,
                    service=form_definition.definition.service,
                    language=current_language(),
                    rating=int(form.rating.data),
                    improve=(form.improve.data or "").strip() or None,
                )
            )
            unavailable = not committed()
        if not unavailable:
            return redirect(url_for("feedback.thanks", page=url_for("services.home")), 303)
    return render_template(
        "feedback/satisfaction.html",
        form=form,
        service_form=form_definition,
        personal_data_hint=PERSONAL_DATA_HINT,
        unavailable=unavailable,
    ), (503 if unavailable else 200)


def sitemap_values() -> dict[str, list[dict]]:
    forms = current_forms()
    return {
        "feedback.problem": [{"page": "/services/apply-for-a-blue-badge"}],
        "feedback.thanks": [{"page": "/"}],
        "feedback.satisfaction": [{"slug": slug} for slug in sorted(forms)[:1]],
    }
