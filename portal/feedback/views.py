"""Page feedback on every page, problem reports, and the satisfaction question after a form.

Everything works without JavaScript: the Yes and No buttons are a small form that posts
here and comes back. Robots are kept out by a honeypot and rate limits, not a CAPTCHA
(which many disabled people cannot use); a page's answers by one vote per browser and a
refusal of cross-site posts (portal.feedback.votes), and the satisfaction figure by asking
only the browser that has just sent the form, once (portal.receipts).
"""

import re

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal import receipts
from portal.clock import now
from portal.errors import committed
from portal.extensions import csrf, db, limiter
from portal.feedback import votes
from portal.feedback.forms import PERSONAL_DATA_HINT, ProblemForm, SatisfactionForm, UsefulForm
from portal.feedback.models import PageFeedback, SatisfactionResponse
from portal.i18n import current_language, localised_route
from portal.redaction import redacted
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
    if not votes.same_site_post():
        abort(403)  # another site's page posting in the person's name
    form = UsefulForm()
    if not form.validate():
        abort(400)
    page = page_path(form.page.data)
    if votes.first_vote(page):  # a second answer from the same browser is not counted
        db.session.add(
            PageFeedback(path=page, language=current_language(), useful=form.answer.data == "yes")
        )
        try:
            db.session.commit()
        except IntegrityError:  # the same browser's answer, twice at once: counted once
            db.session.rollback()
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
                    what_doing=redacted((form.what_doing.data or "").strip() or None),
                    what_wrong=redacted((form.what_wrong.data or "").strip() or None),
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
    # Only the browser that has just sent this form may answer, once: the receipt it was
    # given on sending says so (and is all that links the two; the answer stays anonymous).
    receipt = receipts.current(receipts.FORM, slug)
    if form.validate_on_submit() and _may_rate(form, receipt):
        if not form.is_spam():
            receipt.rated_at = now()  # type: ignore[union-attr]  # _may_rate: not None
            db.session.add(
                SatisfactionResponse(
                    form=slug,
                    service=form_definition.definition.service,
                    language=current_language(),
                    rating=int(form.rating.data),
                    improve=redacted((form.improve.data or "").strip() or None),
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


def _may_rate(form: SatisfactionForm, receipt) -> bool:
    if receipt is not None and receipt.rated_at is None:
        return True
    form.rating.errors = [
        _l("You can only tell us what you thought once, on the device you sent the form from")
    ]
    return False


def sitemap_values() -> dict[str, list[dict]]:
    forms = current_forms()
    return {
        "feedback.problem": [{"page": "/services/apply-for-a-blue-badge"}],
        "feedback.thanks": [{"page": "/"}],
        "feedback.satisfaction": [{"slug": slug} for slug in sorted(forms)[:1]],
    }
