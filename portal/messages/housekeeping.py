"""What `flask data purge` deletes of messages: sent, failed and cancelled ones (with the
addresses in them) after MESSAGES_KEPT_DAYS, and the development inbox after a day."""

from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import delete

from portal.clock import now
from portal.housekeeping import delete_older_than, purged, register_purge
from portal.messages.models import DevelopmentInbox, Message


def purge_old_messages() -> int:
    cutoff = now() - timedelta(days=current_app.config["MESSAGES_KEPT_DAYS"])
    return purged(
        delete(Message).where(
            Message.status.in_(("sent", "failed", "cancelled")), Message.created_at < cutoff
        )
    )


def purge_development_inbox() -> int:
    return delete_older_than(DevelopmentInbox.created_at, now() - timedelta(days=1))


def register_message_purge(app: Flask) -> None:
    register_purge(app, "old messages", purge_old_messages)
    register_purge(app, "development inbox messages", purge_development_inbox)
