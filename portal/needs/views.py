"""The "What helps you" pages: questions, check your answers, save, code, restore, clear."""

from typing import Any

from flask import (
    Blueprint,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from portal.extensions import db, limiter
from portal.i18n import current_language, direction, localised_route
from portal.languages import languages
from portal.messages.forms import SendCodeForm
from portal.messages.outbox import Contacts, message_language, queue
from portal.needs import code, store
from portal.needs.forms import CHANNEL_NAMES, RestoreForm
from portal.needs.journey import QUESTIONS, QUESTIONS_BY_SLUG, next_question
from portal.needs.model import Needs
from portal.needs.summary import summary_rows
from portal.needs.visitor import current_needs
from portal.privacy import personal

bp = Blueprint("needs", __name__)

DRAFT_KEY = "needs_draft"


def _draft() -> Needs:
    """Answers given so far in this journey, starting from what the person saved before."""
    saved = session.get(DRAFT_KEY)
    if saved is None:
        return current_needs()
    return store.parse(saved)


def _keep_draft(needs: Needs) -> None:
    session[DRAFT_KEY] = store.dump(needs)


def _prefix_for(needs: Needs) -> str | None:
    """URLs after a language answer continue in the chosen language."""
    language = needs.language or current_language()
    return None if language == languages().default.code else language


def _needs_code(needs: Needs) -> str | None:
    """The code for these needs, or None when no code version can carry them yet (a
    language added since the newest one): the page then says so instead of failing."""
    try:
        return code.encode(needs)
    except ValueError:
        return None


@localised_route(bp, "/your-needs")
def start():
    return render_template("needs/start.html", first=QUESTIONS[0].slug)


@localised_route(
    bp,
    "/your-needs/<any(" + ", ".join(f'"{q.slug}"' for q in QUESTIONS) + "):slug>",
    methods=["GET", "POST"],
)
def question(slug: str):
    asked = QUESTIONS_BY_SLUG[slug]
    draft = _draft()
    changing = request.args.get("change") == "1"
    form = asked.form(data={"answer": asked.read(draft)})
    if slug == "contact-first":
        form.answer.choices = [
            SelectChoice(channel, CHANNEL_NAMES[channel]) for channel in draft.channels
        ]
    if form.validate_on_submit():
        draft = asked.write(draft, form.answer.data)
        _keep_draft(draft)
        return redirect(_after(slug, draft, changing))
    return render_template(
        "needs/question.html",
        form=form,
        slug=slug,
        field_params=_question_params(form, slug),
        skip_url=_after(slug, draft, changing),
        back_url=_back(slug, draft, changing),
    ), 400 if form.errors else 200


def _question_params(form, slug: str) -> dict:
    """The question is the page's heading; each language is marked up in its own language."""
    params: dict[str, Any] = {
        "fieldset": {
            "legend": {
                "text": str(form.answer.label.text),
                "isPageHeading": True,
                "classes": "govuk-fieldset__legend--l",
            }
        }
    }
    if slug == "language":
        params["items"] = [
            {"label": {"attributes": {"lang": code, "dir": direction(code)}}}
            for code in (choice.value for choice in form.answer.choices)
        ]
    return params


def _after(slug: str, needs: Needs, changing: bool) -> str:
    following = next_question(slug, needs, changing)
    lang = _prefix_for(needs)
    if following is None:
        return url_for("needs.check", lang=lang)
    return url_for("needs.question", slug=following, lang=lang, change="1" if changing else None)


def _back(slug: str, needs: Needs, changing: bool) -> str:
    if changing:
        return url_for("needs.check")
    earlier = [q.slug for q in QUESTIONS[: [q.slug for q in QUESTIONS].index(slug)]]
    earlier = [s for s in earlier if QUESTIONS_BY_SLUG[s].applies(needs)]
    return url_for("needs.question", slug=earlier[-1]) if earlier else url_for("needs.start")


@localised_route(bp, "/your-needs/check", methods=["GET", "POST"])
@personal
def check():
    draft = _draft()
    if request.method == "POST":
        # CSRFProtect has checked the token before we get here.
        response = make_response(redirect(url_for("needs.saved", lang=_prefix_for(draft))))
        store.save(response, draft)
        session.pop(DRAFT_KEY, None)
        return response
    return render_template(
        "needs/check.html",
        summary=summary_rows(draft, change=True),
        lifetime_days=store.LIFETIME.days,
    )


@localised_route(bp, "/your-needs/saved")
@personal
def saved():
    return render_template(
        "needs/saved.html", **_told_us(current_needs()), lifetime_days=store.LIFETIME.days
    )


@localised_route(bp, "/your-needs/code")
@personal
def printable_code():
    told_us = _told_us(current_needs())
    send_form = SendCodeForm(code=told_us["needs_code"]) if told_us["needs_code"] else None
    return render_template("needs/code.html", send_form=send_form, **told_us)


@localised_route(bp, "/your-needs/code/send", methods=["POST"])
@personal
@limiter.limit("10 per minute")
def send_code():
    """Send the needs code to the person's own email or mobile (the code is worked out
    again from their needs: the hidden copy is only there for the form's shape)."""
    told_us = _told_us(current_needs())
    if not told_us["needs_code"]:
        return redirect(url_for("needs.printable_code"), 303)
    send_form = SendCodeForm()
    send_form.code.data = told_us["needs_code"]
    if not send_form.validate():
        return render_template("needs/code.html", send_form=send_form, **told_us), 400
    language = message_language(current_language())
    link = url_for("needs.restore", lang=None if language == "en" else language, _external=True)
    for preferred, contacts in (
        ("email", Contacts(email=send_form.email.data)),
        ("text_message", Contacts(phone=send_form.mobile.data)),
    ):
        if contacts.email or contacts.phone:
            values = {"needs_code": told_us["needs_code"], "link": link}
            queue("needs-code", language, (preferred,), contacts, values, about="needs-code")
    db.session.commit()
    to = [a for a in (send_form.email.data, send_form.mobile.data) if a]
    return render_template("needs/code_sent.html", to=to)


def _told_us(needs: Needs) -> dict:
    """What the saved and code pages show of the needs: whether any, the rows, the code."""
    return {
        "declared": needs.declared,
        "summary": summary_rows(needs),
        "needs_code": _needs_code(needs),
    }


@localised_route(bp, "/your-needs/restore", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def restore():
    form = RestoreForm()
    if form.validate_on_submit():
        try:
            needs = code.decode(form.code.data)
        except code.InvalidCode:
            form.code.errors.append(_l("Check the code: it does not match a needs code we made"))
        else:
            _keep_draft(needs)
            return redirect(url_for("needs.check", lang=_prefix_for(needs)))
    status = 400 if form.errors else 200
    return render_template("needs/restore.html", form=form), status


@localised_route(bp, "/your-needs/clear", methods=["POST"])
def clear():
    response = make_response(redirect(url_for("needs.cleared")))
    store.clear(response)
    session.pop(DRAFT_KEY, None)
    return response


@localised_route(bp, "/your-needs/cleared")
def cleared():
    return render_template("needs/cleared.html")


def sitemap_values() -> dict[str, list[dict]]:
    return {"needs.question": [{"slug": q.slug} for q in QUESTIONS]}
