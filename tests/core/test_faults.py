"""Faults: a mail server that refuses or never answers. The report is saved, the reader's request
returns without waiting for the mail server, and the worker gives up after EMAIL_TIMEOUT with one
logged line. (A stopped database is the serving suite's fault test.)"""

import logging
import signal
import socket
import threading

import pytest

from django.test import override_settings

from movement.models import ParticipationReport
from tests.helpers import run_background_jobs
from tests.movement.test_participation import form_data, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    from tests.factories import RegionFactory

    return RegionFactory(name="Тестовая область")


@pytest.fixture
def campaign(seeded):
    from movement.models import CampaignPage

    page = CampaignPage.objects.get(locale__language_code="ru", slug="flashmob-2024")
    # The 2024 flash mob is over; an editor keeps its form open, as the movement's tests do.
    CampaignPage.objects.filter(translation_key=page.translation_key).update(reports_after_end=True)
    page.reports_after_end = True
    return page


@pytest.fixture
def silent_server():
    """A loopback SMTP port that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
                accepted.append(connection)
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    stop.set()
    thread.join(5)
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_silent_mail_server_does_not_hold_the_request_or_the_worker(
    client, campaign, region, silent_server, caplog
):
    port, accepted = silent_server
    settings = {
        "MOVEMENT_COORDINATOR_EMAILS": ["coordinator@example.org"],
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_TIMEOUT": 0.25,  # the server never answers: any wait is the timeout
    }
    with override_settings(**settings):
        response = post(client, campaign, form_data(region))
        assert response.status_code == 302
        assert not accepted  # the request did not talk to the mail server at all
        assert ParticipationReport.objects.filter(campaign=campaign).count() == 1

        # The worker tries, the server stays silent, EMAIL_TIMEOUT ends the wait. The alarm only
        # bounds a hang (without a timeout the worker would wait for ever); it is not a speed check.
        def hung(signum, frame):
            raise AssertionError("the worker hung on a silent mail server")

        previous = signal.signal(signal.SIGALRM, hung)
        signal.alarm(60)
        try:
            with caplog.at_level(logging.WARNING, logger="movement.participation"):
                assert run_background_jobs() == 1
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
    assert accepted
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.get().return_value == "mail failed"
    assert any("Could not notify" in record.getMessage() for record in caplog.records)
