"""What staff see of the messages about one thing they handle: when, how, in which
language, and what became of each (with the provider's reason when it failed)."""

from sqlalchemy import select

from portal.extensions import db
from portal.messages.models import Message


def messages_about(about: str) -> list[Message]:
    return list(
        db.session.scalars(select(Message).where(Message.about == about).order_by(Message.id))
    )
