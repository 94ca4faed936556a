"""Pages about messages: stopping them (the link in every email, and STOP by text
message), and under `make run` the development inbox that shows what would have arrived."""

import hmac

from flask import Blueprint, abort, current_app, render_template, request
from sqlalchemy import func, select

from portal.extensions import csrf, db
from portal.i18n import localised_route
from portal.messages.models import DevelopmentInbox, Message
from portal.messages.outbox import address_hash, read_stop_token, stop, stop_token

bp = Blueprint("messages", __name__)

# What people text back to stop messages, in English and Welsh ("stopio", "diwedd").
STOP_WORDS = frozenset({"STOP", "STOPIO", "UNSUBSCRIBE", "DIWEDD", "END"})


@localised_route(bp, "/messages/stop/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the authority; mail apps post RFC 8058's one click bare
def stop_messages(token: str):
    request.get_data(cache=True)  # read first: an oversized body is a 413 whatever the token
    found = read_stop_token(token)
    if found is None:
        abort(404)
    if request.method == "POST":
        stop(*found)
        return render_template("messages/stopped.html")
    return render_template("messages/stop.html", token=token)


@bp.post("/messages/received-text")
@csrf.exempt  # called by GOV.UK Notify, which proves itself with the bearer token
def received_text():
    """GOV.UK Notify's callback for a text message sent to our number."""
    request.get_data()  # read first: an oversized body is refused (413) before anything
    expected = current_app.config["NOTIFY_INBOUND_TOKEN"]
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        abort(401)
    data = request.get_json(silent=True) or {}
    number, words = str(data.get("source_number", "")), str(data.get("message", ""))
    if number and words.strip().strip(".!").upper() in STOP_WORDS:
        stop(address_hash({"phone": number}), "sms")
    return {"received": True}


def development_inbox():
    """Every message as it would have arrived, newest first (development only)."""
    arrived = db.session.scalars(
        select(DevelopmentInbox).order_by(DevelopmentInbox.id.desc()).limit(100)
    ).all()
    waiting = db.session.execute(
        select(Message.status, func.count())
        .where(Message.status != "sent")
        .group_by(Message.status)
    ).all()
    failed = db.session.scalars(
        select(Message).where(Message.status == "failed").order_by(Message.id.desc()).limit(20)
    ).all()
    return render_template(
        "messages/development_inbox.html", arrived=arrived, waiting=dict(waiting), failed=failed
    )


def register_development_inbox(app) -> None:
    """Only with the development provider, which production refuses to start with."""
    if app.config["MESSAGES_PROVIDER"] == "development":
        app.add_url_rule(
            "/development/messages", "development_inbox", development_inbox, methods=["GET"]
        )


def sitemap_values() -> dict[str, list[dict]]:
    """The stop page, as the link in an email opens it (for an address nobody owns), so
    that the checks of every page see it in every language."""
    sample = stop_token({"email": "someone@example.com"}, "email")
    return {"messages.stop_messages": [{"token": sample}]}
