"""E-mail that never holds a request and never costs what was saved.

``EMAIL_BACKEND = "core.mail.QueuedEmailBackend"`` turns every message a request sends (Wagtail's
workflow notices, the translators' notices, password resets) into a background job of django-tasks'
database queue. The job is written in the request's transaction, so a message leaves only for work
that was committed, and the worker (``manage.py db_worker``) sends it through
``EMAIL_DELIVERY_BACKEND`` (SMTP bounded by ``EMAIL_TIMEOUT``, or the console in development). A
server that refuses or hangs costs the worker one logged line, never the request.

Code that already runs in the worker (a background job) sends through ``delivery_connection()``.
"""

import base64
import logging
import smtplib

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


def delivery_connection(**kwargs):
    """A connection of the transport that really sends (for code running in the worker)."""
    return get_connection(settings.EMAIL_DELIVERY_BACKEND, **kwargs)


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def encode(message):
    """A message as JSON-able data for the queue (text, alternatives, simple attachments)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        data = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(data).decode("ascii"), mimetype])
    return {
        "subject": _text(message.subject),
        "body": _text(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {key: _text(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [
            [_text(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def decode(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def describe(messages):
    return "; ".join(f"{message.subject!r} to {', '.join(message.recipients())}" for message in messages)


@task(backend="background")
def deliver_email(messages):
    """Runs in the worker: sends the messages; a refusing or silent server is logged in one line."""
    emails = [decode(data) for data in messages]
    try:
        with delivery_connection(fail_silently=False) as connection:
            connection.send_messages(emails)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("E-mail not delivered (%s: %s): %s", type(error).__name__, error, describe(emails))
        return "mail failed"
    return "sent"


class QueuedEmailBackend(BaseEmailBackend):
    """Queues the messages as one background job, in the current transaction (if any)."""

    def send_messages(self, email_messages):
        messages = [message for message in email_messages or [] if message.recipients()]
        if not messages:
            return 0
        try:
            deliver_email.enqueue([encode(message) for message in messages])
        except Exception:
            if not self.fail_silently:
                raise
            logger.exception("E-mail not queued: %s", describe(messages))
            return 0
        return len(messages)
