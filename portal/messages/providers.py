"""Who carries a message: GOV.UK Notify, a council's own SMTP server, or (under
`make run`) the development inbox. Each answers `send` with the provider's id for the
message, or raises Retry (try again later: a 429, a 5xx, a dropped connection) or
Rejected (this message can never go: a bad address). `already_sent` says whether a
message with this reference was taken before, for a worker that died mid-send."""

import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from typing import Protocol

import requests
from flask import current_app
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient
from sqlalchemy import select

from portal.extensions import db
from portal.messages.models import DevelopmentInbox, Message
from portal.messages.templates import Rendered


class Retry(Exception):
    """The provider could not take it now; a later try may work."""


class Rejected(Exception):
    """The provider will never take this message as it is."""


class Provider(Protocol):
    def send(self, message: Message, rendered: Rendered, stop_url: str | None) -> str: ...

    def already_sent(self, message: Message) -> str | None: ...


def address_lines(to: dict) -> list[str]:
    return [*to.get("lines", []), to.get("postcode", "")]


class NotifyProvider:
    """GOV.UK Notify, through its official client. One template per channel, made of
    ((subject)) and ((body)): the words are ours, in content/messages/."""

    def __init__(self, api_key: str, base_url: str, templates: dict[str, str], timeout: float):
        self.client = NotificationsAPIClient(api_key, base_url=base_url, timeout=timeout)
        self.templates = templates

    def send(self, message: Message, rendered: Rendered, stop_url: str | None) -> str:
        template_id = self.templates[message.channel]
        try:
            if message.channel == "email":
                answer = self.client.send_email_notification(
                    email_address=message.to["email"],
                    template_id=template_id,
                    personalisation={"subject": rendered.subject, "body": rendered.body},
                    reference=message.reference,
                    # Notify takes only an https address (a checkout on http has none).
                    one_click_unsubscribe_url=stop_url
                    if (stop_url or "").startswith("https://")
                    else None,
                )
            elif message.channel == "sms":
                answer = self.client.send_sms_notification(
                    phone_number=message.to["phone"],
                    template_id=template_id,
                    personalisation={"body": rendered.body},
                    reference=message.reference,
                )
            else:
                lines = address_lines(message.to)
                personalisation = {f"address_line_{n}": line for n, line in enumerate(lines, 1)}
                personalisation.update(subject=rendered.subject or "", body=rendered.body)
                answer = self.client.send_letter_notification(
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=message.reference,
                )
        except HTTPError as error:
            raise _notify_problem(error) from error
        except requests.RequestException as error:
            raise Retry(f"Notify could not be reached: {error}") from error
        return str(answer["id"])

    def already_sent(self, message: Message) -> str | None:
        try:
            found = self.client.get_all_notifications(reference=message.reference)
        except (HTTPError, requests.RequestException) as error:
            raise Retry(f"Notify could not say whether it was sent: {error}") from error
        notifications = found.get("notifications", [])
        return str(notifications[0]["id"]) if notifications else None


def _notify_problem(error: HTTPError) -> Exception:
    said = "; ".join(
        str(e.get("message", "")) for e in (error.message or []) if isinstance(e, dict)
    )
    said = said or str(error.message)
    if error.status_code == 429 or error.status_code >= 500:
        return Retry(f"Notify answered {error.status_code}: {said}")
    return Rejected(f"Notify refused it ({error.status_code}): {said}")


class SmtpProvider:
    """A council's own mail server: email only (the outbox never gives it anything else).
    SMTP cannot be asked whether a message arrived, so a worker killed between the server
    taking a message and the outbox recording it sends it again, with the same Message-ID,
    which mail systems use to drop the copy."""

    def __init__(self, config):
        self.host, self.port = config["SMTP_HOST"], config["SMTP_PORT"]
        self.starttls = config["SMTP_STARTTLS"]
        self.username, self.password = config["SMTP_USERNAME"], config["SMTP_PASSWORD"]
        self.sender = config["MESSAGES_FROM"]
        self.timeout = provider_timeout(config)

    def send(self, message: Message, rendered: Rendered, stop_url: str | None) -> str:
        email = self._email(message, rendered, stop_url)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as server:
                if self.starttls:
                    server.starttls(context=ssl.create_default_context())
                if self.username:
                    server.login(self.username, self.password)
                server.send_message(email)
        except smtplib.SMTPRecipientsRefused as error:
            code, said = next(iter(error.recipients.values()))
            if 400 <= code < 500:
                raise Retry(f"The mail server could not take it yet ({code})") from error
            raise Rejected(f"The mail server refused the address ({code}): {said!r}") from error
        except smtplib.SMTPResponseException as error:
            if 400 <= error.smtp_code < 500:
                raise Retry(f"The mail server answered {error.smtp_code}") from error
            raise Rejected(f"The mail server refused it ({error.smtp_code})") from error
        except (OSError, smtplib.SMTPException) as error:
            raise Retry(f"The mail server could not be reached: {error}") from error
        return email["Message-ID"]

    def _email(self, message: Message, rendered: Rendered, stop_url: str | None) -> EmailMessage:
        email = EmailMessage()
        name, address = parseaddr(self.sender)
        email["From"] = str(Address(display_name=name, addr_spec=address))
        email["To"] = message.to["email"]
        email["Subject"] = rendered.subject or ""
        email["Date"] = formatdate(localtime=False)
        # The same reference, the same Message-ID, however many times it is tried.
        email["Message-ID"] = f"<{message.reference}@{address.split('@')[-1]}>"
        if stop_url:
            # One click, as RFC 8058 describes: mail apps show their own "unsubscribe".
            email["List-Unsubscribe"] = f"<{stop_url}>"
            email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        email.set_content(rendered.body)
        email["Content-Language"] = message.language  # after: set_content clears Content-*
        return email

    def already_sent(self, message: Message) -> str | None:
        return None


class DevelopmentProvider:
    """`make run`: every message is kept for /development/messages instead of sent."""

    def send(self, message: Message, rendered: Rendered, stop_url: str | None) -> str:
        to = (
            message.to.get("email")
            or message.to.get("phone")
            or ", ".join(address_lines(message.to))
        )
        db.session.add(
            DevelopmentInbox(
                message_reference=message.reference,
                channel=message.channel,
                language=message.language,
                to=to,
                subject=rendered.subject,
                body=rendered.body,
            )
        )
        db.session.commit()
        return message.reference

    def already_sent(self, message: Message) -> str | None:
        found = db.session.scalar(
            select(DevelopmentInbox.id).where(
                DevelopmentInbox.message_reference == message.reference
            )
        )
        return message.reference if found else None


def provider_timeout(config) -> float:
    """Well inside the lease: a worker still waiting on its provider must never be taken
    for a dead one (another would send the message again)."""
    return config["MESSAGES_LEASE_SECONDS"] / 3


def configured_provider() -> Provider:
    config = current_app.config
    name = config["MESSAGES_PROVIDER"]
    if name == "notify":
        return NotifyProvider(
            config["NOTIFY_API_KEY"],
            config["NOTIFY_BASE_URL"],
            dict(config["NOTIFY_TEMPLATES"]),
            timeout=provider_timeout(config),
        )
    if name == "smtp":
        return SmtpProvider(config)
    if name == "development":
        return DevelopmentProvider()
    raise RuntimeError("messages are switched off (PORTAL_MESSAGES_PROVIDER=off)")
