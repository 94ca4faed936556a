"""Form journeys: start, one question per page, exits, check your answers, send, and
"save and come back later"."""

from contextlib import nullcontext

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import select
from werkzeug import Response

from portal import receipts
from portal.errors import DATABASE_UNAVAILABLE
from portal.extensions import db, limiter
from portal.i18n import current_language, localised_route
from portal.languages import languages
from portal.messages.forms import SendCodeForm
from portal.needs.visitor import current_needs, current_visitor
from portal.privacy import personal
from portal.transactions import draft_link, draft_messages, drafts
from portal.transactions.answer_types import TYPES
from portal.transactions.answers import build_form, readable, stored, text
from portal.transactions.catalogue import Form, current_forms
from portal.transactions.forms import ResumeForm
from portal.transactions.models import Submission

bp = Blueprint("forms", __name__)


def _form(slug: str) -> Form:
    form = current_forms().get(slug)
    if form is None:
        abort(404)
    return form


def _form_words(language: str) -> dict:
    """What every form page's template needs to show the form's own words: the language,
    `text` to pick it, and how to mark English shown on a page in another language."""
    return {"language": language, "text": text, "fallback": _language_attrs()}


def _language_attrs() -> dict:
    """Form text is in the content languages; others read it in the default, marked so."""
    registry = languages()
    if current_language() in registry.content_codes:
        return {}
    return {"lang": registry.default.code, "dir": registry.default.direction}


def _persons_route(form: Form, answers: dict):
    """The form's route for this person: their answers, and how they prefer to be contacted
    (a phone number is asked only of people we would call)."""
    return form.route(answers, current_needs().preferred_channel)


def _in_the_forms_language():
    """Where the form's words are English on a page in another language (Arabic), its
    error messages are English too, and whole: "Select which bin was not collected", not
    an Arabic verb before an English name. See _marked_english."""
    return force_locale(languages().default.code) if _language_attrs() else nullcontext()


def _marked_english(answer_form) -> None:
    """Mark each error message from _in_the_forms_language as English, left to right, so
    a screen reader speaks it in English and its full stop lands at its end."""
    if not _language_attrs():
        return
    attrs = _language_attrs()
    field = answer_form.answer
    field.errors = [
        Markup('<span lang="{}" dir="{}">{}</span>').format(attrs["lang"], attrs["dir"], error)
        for error in field.errors
    ]


@localised_route(bp, "/forms/<slug>")
def start(slug: str):
    form = _form(slug)
    return render_template(
        "transactions/start.html",
        form=form,
        **_form_words(current_language()),
        has_draft=drafts.current_draft(form) is not None,
        lifetime_days=drafts.lifetime().days,
    )


@localised_route(bp, "/forms/<slug>/<question_id>", methods=["GET", "POST"])
@personal
def question(slug: str, question_id: str):
    form = _form(slug)
    asked = form.question(question_id)
    if asked is None:
        abort(404)
    language = current_language()
    changing = request.args.get("change") == "1"
    try:
        draft = drafts.current_draft(form)
    except DATABASE_UNAVAILABLE:
        if request.method != "POST":
            raise  # the "unavailable for a moment" page: there is nothing typed to keep
        db.session.rollback()
        draft = None
    answers = draft.answers if draft else {}
    answer_form_class = build_form(asked, language)
    unavailable = False
    if request.method == "POST":
        answer_form = answer_form_class()
        with _in_the_forms_language():
            valid = answer_form.validate_on_submit()
        _marked_english(answer_form)
        if valid:
            answer = stored(asked, answer_form.answer.data)
            try:
                draft = drafts.save_answer(form, language, asked.id, answer)
            except DATABASE_UNAVAILABLE:
                # Say so, and give the page back with the answer as it was typed.
                db.session.rollback()
                unavailable = True
            else:
                return redirect(_after(form, asked, draft.answers, changing))
    else:
        answer_form = answer_form_class(data={"answer": answers.get(asked.id)})
    status = 503 if unavailable else 400 if answer_form.errors else 200
    return render_template(
        "transactions/question.html",
        form=form,
        asked=asked,
        answer_form=answer_form,
        field_params=_field_params(asked, answer_form.answer),
        fallback=_language_attrs(),
        back_url=_back(form, asked, answers, changing),
        language=language,
        unavailable=unavailable,
    ), status


def _field_params(asked, field) -> dict:
    """The question is the page's heading; form text shown in English is marked English."""
    heading = {"text": str(field.label.text), "isPageHeading": True}
    english = _language_attrs()
    if english:
        heading = {
            "html": Markup('<span lang="en" dir="ltr">{}</span>').format(field.label.text),
            "isPageHeading": True,
        }
    params = TYPES[asked.type].params(asked, field, heading, english)
    if english and field.description:  # the hint is the form's too
        params["hint"] = {**params.get("hint", {}), "attributes": english}
    return params


def _after(form: Form, asked, answers: dict, changing: bool) -> str:
    if changing:
        _route, stop = _persons_route(form, answers)
    else:
        stop = form.next_after(asked, answers.get(asked.id), current_needs().preferred_channel)
    return _page_url(form, stop, changing)


def _page_url(form: Form, page_id: str | None, changing: bool = False) -> str:
    if page_id is None:
        return url_for("forms.check", slug=form.slug)
    if form.exit_page(page_id):
        return url_for("forms.exit_page", slug=form.slug, exit_id=page_id)
    return url_for(
        "forms.question", slug=form.slug, question_id=page_id, change="1" if changing else None
    )


def _back(form: Form, asked, answers: dict, changing: bool) -> str:
    if changing:
        return url_for("forms.check", slug=form.slug)
    route, _stop = _persons_route(form, answers)
    earlier = route[: route.index(asked)] if asked in route else route
    if earlier:
        return _page_url(form, earlier[-1].id)
    return url_for("forms.start", slug=form.slug)


@localised_route(bp, "/forms/<slug>/exit/<exit_id>")
def exit_page(slug: str, exit_id: str):
    form = _form(slug)
    page = form.exit_page(exit_id)
    if page is None:
        abort(404)
    language = current_language()
    # Back to the answer that led here, to change it.
    draft = drafts.current_draft(form)
    route, _stop = _persons_route(form, draft.answers if draft else {})
    back = _page_url(form, route[-1].id) if route else url_for("forms.start", slug=form.slug)
    return render_template(
        "transactions/exit.html",
        form=form,
        page=page,
        paragraphs=[p.strip() for p in text(page.body, language).split("\n\n") if p.strip()],
        back_url=back,
        **_form_words(language),
    )


@localised_route(bp, "/forms/<slug>/check", methods=["GET", "POST"])
@personal
def check(slug: str):
    form = _form(slug)
    draft = drafts.current_draft(form)
    if draft is None and (sent := drafts.already_sent(form)) is not None:
        return _confirm_sent(form, sent)
    if draft is None and receipts.current(receipts.FORM, form.slug) is not None:
        # Back to check your answers after sending: say it was sent, not start again.
        return redirect(url_for("forms.sent", slug=form.slug, again="1"))
    answers = draft.answers if draft else {}
    route, stop = _persons_route(form, answers)
    if draft is None or stop is not None:
        # Not finished: go to the first question still to answer (or the exit page).
        return redirect(_page_url(form, stop or form.questions[0].id))
    language = current_language()
    if request.method == "POST":  # CSRFProtect has already checked the token
        assisted = current_visitor().assisted
        submission = drafts.submit(
            form,
            draft,
            {q.id: answers[q.id] for q in route},
            _needs_for_follow_up(),
            language,
            assisted_session_id=assisted.session_id if assisted else None,
        )
        return _confirm_sent(form, submission)
    return render_template(
        "transactions/check.html",
        form=form,
        rows=_rows(route, answers, language, change=True, form=form),
        **_form_words(language),
    )


def _confirm_sent(form: Form, submission: Submission) -> Response:
    """The sent page for this browser, which no longer points at a draft."""
    receipts.issue(receipts.FORM, form.slug, submission.reference)
    draft_link.unlink(form.slug)
    return redirect(url_for("forms.sent", slug=form.slug))


def _rows(route, answers, language, change, form) -> list[dict]:
    rows = []
    for asked in route:
        lines = readable(asked, answers.get(asked.id), language)
        row = {
            "key": {"text": text(asked.question, language)},
            "value": {"html": _lines_html(lines)},
        }
        if change:
            row["actions"] = {
                "items": [
                    {
                        "href": url_for(
                            "forms.question", slug=form.slug, question_id=asked.id, change="1"
                        ),
                        "text": str(_l("Change")),
                        "visuallyHiddenText": text(asked.question, language),
                    }
                ]
            }
        rows.append(row)
    return rows


def _lines_html(lines: list[str]):
    if not lines:
        return escape(str(_l("Not answered")))
    return Markup("<br>").join(escape(line) for line in lines)


def _needs_for_follow_up() -> dict:
    needs = current_needs()
    return {
        "language": needs.language,
        "channels": list(needs.channels),
        "someone_helps": needs.someone_helps,
        "easy_read": needs.easy_read,
        "bsl": needs.bsl,
        # Counted (never listed) in the published performance figures.
        "access_needs": _declared_access_needs(needs),
    }


def _declared_access_needs(needs) -> bool:
    """Whether the person told us of any need beyond their language and ways of contact."""
    return needs.changed(language=None, channels=()).declared


@localised_route(bp, "/forms/<slug>/sent")
@personal
def sent(slug: str):
    form = _form(slug)
    # Through a receipt (portal.receipts), not a reference in the cookie: it expires, and
    # an assisted session's end revokes it, so a copy of the cookie opens nothing.
    receipt = receipts.current(receipts.FORM, slug)
    submission = receipt and db.session.scalar(
        select(Submission).where(Submission.reference == receipt.reference)
    )
    if not submission:
        abort(404)
    language = current_language()
    route = [q for q in form.questions if q.id in submission.answers]
    preferred = current_needs().preferred_channel
    next_steps = form.definition.what_happens_next
    return render_template(
        "transactions/sent.html",
        form=form,
        submission=submission,
        sent_again=request.args.get("again") == "1",
        rows=_rows(route, submission.answers, language, change=False, form=form),
        what_happens_next=text(
            next_steps.by_channel.get(preferred, next_steps.default)
            if preferred
            else next_steps.default,
            language,
        ),
        **_form_words(language),
    )


@localised_route(bp, "/forms/<slug>/save", methods=["GET", "POST"])
@personal
def save(slug: str):
    """ "Save and come back later". Only a POST (with its CSRF token) makes a code, and a
    draft keeps the code it was given: the person may have written it down, so a link,
    a refresh or another site can never quietly make it stop working. Someone who lost
    theirs asks for a new one on purpose, and the page says the old one no longer works."""
    form = _form(slug)
    draft = drafts.current_draft(form)
    if draft is None:
        return redirect(url_for("forms.start", slug=slug))
    page = {"form": form, "lifetime_days": drafts.lifetime().days}
    page.update(_form_words(current_language()))
    has_code = draft.return_code_hash is not None
    if request.method == "POST":  # CSRFProtect has already checked the token
        replacing = request.form.get("replace") == "yes"
        if has_code and not replacing:
            return redirect(url_for("forms.save", slug=slug), 303)
        code = drafts.issue_return_code(draft)
        return render_template(
            "transactions/save.html",
            code=code,
            replaced=has_code and replacing,
            send_form=SendCodeForm(code=code),
            **page,
        )
    return render_template("transactions/save_ask.html", has_code=has_code, **page)


@localised_route(bp, "/forms/<slug>/save/send", methods=["POST"])
@personal
@limiter.limit("10 per minute")
def send_return_code(slug: str):
    """Send the code just shown to the person's own email or mobile. Anything wrong is said
    on the same page, with the code still on it and what they typed kept."""
    form = _form(slug)
    draft = drafts.current_draft(form)
    send_form = SendCodeForm()
    if draft is None or not drafts.matches_return_code(draft, send_form.code.data or ""):
        return redirect(url_for("forms.save", slug=slug), 303)
    if not send_form.validate():
        page = {"form": form, "lifetime_days": drafts.lifetime().days}
        page.update(_form_words(current_language()))
        return render_template(
            "transactions/save.html", code=send_form.code.data, send_form=send_form, **page
        ), 400
    draft_messages.send_return_code(
        form, draft, send_form.code.data, send_form.email.data, send_form.mobile.data
    )
    return render_template(
        "transactions/save_sent.html",
        form=form,
        to=[a for a in (send_form.email.data, send_form.mobile.data) if a],
        **_form_words(current_language()),
    )


@localised_route(bp, "/forms/<slug>/forget", methods=["POST"])
@personal
def forget_on_this_device(slug: str):
    """On a shared computer, after taking a return code: this browser stops pointing at the
    draft. Only once a code exists, or the answers could never be reached again."""
    form = _form(slug)
    draft = drafts.current_draft(form)
    if draft is not None and draft.return_code_hash is None:
        return redirect(url_for("forms.save", slug=slug), 303)
    draft_link.unlink(form.slug)
    return render_template("transactions/forgotten.html")


@localised_route(bp, "/forms/resume", methods=["GET", "POST"])
@personal
@limiter.limit("10 per minute", methods=["POST"])
def resume():
    resume_form = ResumeForm()
    if resume_form.validate_on_submit():
        draft = drafts.resume(resume_form.code.data)
        if draft is not None and draft.form in current_forms():
            form = current_forms()[draft.form]
            _route, stop = _persons_route(form, draft.answers)
            return redirect(_page_url(form, stop))
        resume_form.code.errors.append(
            _l("Check the code: it does not match a saved form, or the form has expired")
        )
    return render_template("transactions/resume.html", resume_form=resume_form), (
        400 if resume_form.errors else 200
    )


def sitemap_values() -> dict[str, list[dict]]:
    """Pages anyone can open. Check, sent and save depend on a draft: the journey tests
    visit them (and run axe on them) instead."""
    forms = current_forms()
    return {
        "forms.start": [{"slug": slug} for slug in forms],
        "forms.question": [
            {"slug": slug, "question_id": q.id} for slug, f in forms.items() for q in f.questions
        ],
        "forms.exit_page": [
            {"slug": slug, "exit_id": e.id} for slug, f in forms.items() for e in f.definition.exits
        ],
        "forms.check": [],
        "forms.sent": [],
        "forms.save": [],
    }
