"""E-mail that never holds a request and never costs what was saved.

``EMAIL_BACKEND = "core.mail.BackgroundEmailBackend"`` queues every message until the current
transaction commits, then a background thread sends it through ``EMAIL_DELIVERY_BACKEND`` (SMTP
bounded by ``EMAIL_TIMEOUT``, or the console in development). A server that refuses or hangs costs
that thread a logged error, never the request: a participation report or a submitted draft is
already stored when its notice is being sent.
"""

import atexit
import logging
import threading

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

logger = logging.getLogger(__name__)

_pending = set()
_lock = threading.Lock()


def deliver(messages):
    """Send now through the delivery backend; failures are logged with what was not sent."""
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        return connection.send_messages(messages) or 0
    except Exception:
        logger.exception(
            "E-mail not delivered: %s",
            "; ".join(f"{message.subject!r} to {', '.join(message.recipients())}" for message in messages),
        )
        return 0


def _run(messages):
    try:
        deliver(messages)
    finally:
        with _lock:
            _pending.discard(threading.current_thread())


def start_delivery(messages):
    thread = threading.Thread(target=_run, args=(messages,), name="email-delivery", daemon=True)
    with _lock:
        _pending.add(thread)
    thread.start()
    return thread


def wait_for_deliveries(timeout):
    """Wait at most ``timeout`` seconds in all for messages still being sent; True when none is left."""
    with _lock:
        threads = list(_pending)
    for thread in threads:
        thread.join(timeout)
    with _lock:
        return not _pending


class BackgroundEmailBackend(BaseEmailBackend):
    """Hands messages to a background thread once the transaction commits (at once outside one)."""

    def send_messages(self, email_messages):
        messages = list(email_messages or [])
        if not messages:
            return 0
        transaction.on_commit(lambda: start_delivery(messages))
        return len(messages)


# A process that stops gives messages in flight the time one connection may take.
atexit.register(lambda: wait_for_deliveries(getattr(settings, "EMAIL_TIMEOUT", None) or 10))
