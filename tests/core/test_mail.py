"""E-mail leaves after the commit, from a background thread, through a real SMTP conversation; a
server that refuses or hangs never loses the participation report nor holds its request."""

import json
import logging
import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.test import override_settings

from core.mail import wait_for_deliveries
from home.models import HomePage
from movement.models import ParticipationReport
from tests.factories import CampaignPageFactory, MovementPageFactory, RegionFactory
from tests.movement.test_participation import form_data
from tests.smtp import SMTPStub

pytestmark = pytest.mark.django_db

BOUND = 20  # seconds any wait in these tests may take at most


def smtp(stub, timeout=5):
    return override_settings(
        EMAIL_BACKEND="core.mail.BackgroundEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=stub.port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=timeout,
        MOVEMENT_COORDINATOR_EMAILS=["coordinator@example.org"],
    )


@pytest.fixture
def campaign(seeded):
    movement = MovementPageFactory(parent=HomePage.objects.get(locale__language_code="ru"))
    return CampaignPageFactory(parent=movement, accepts_reports=True)


def test_a_message_leaves_only_after_the_commit(django_capture_on_commit_callbacks):
    with SMTPStub() as stub, smtp(stub):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                send_mail("Проверка", "Текст письма", None, ["moderator@example.org"])
            assert stub.connections == 0  # nothing is sent before the transaction commits
        assert wait_for_deliveries(BOUND)
    [message] = stub.messages
    assert message["Subject"] == "Проверка"
    assert message["To"] == "moderator@example.org"
    assert message.get_content().strip() == "Текст письма"


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with SMTPStub() as stub, smtp(stub):
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            send_mail("Не уйдёт", "Текст", None, ["moderator@example.org"])
            raise RuntimeError("rolled back")
        assert wait_for_deliveries(BOUND)
    assert stub.connections == 0


def test_a_refusing_server_keeps_the_report_and_logs_the_lost_notice(
    client, campaign, caplog, django_capture_on_commit_callbacks
):
    region = RegionFactory()
    with SMTPStub("refuse") as stub, smtp(stub), caplog.at_level(logging.ERROR, logger="core.mail"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(campaign.url + "participate/", form_data(region))
        assert response.status_code == 302
        assert wait_for_deliveries(BOUND)
        assert stub.connections == 1
    assert ParticipationReport.objects.filter(campaign=campaign, region=region).exists()
    [record] = [r for r in caplog.records if r.name == "core.mail"]
    assert "E-mail not delivered" in record.getMessage() and "coordinator@example.org" in record.getMessage()


def test_a_hanging_server_does_not_hold_the_request(
    client, campaign, caplog, django_capture_on_commit_callbacks
):
    region = RegionFactory()
    with (
        SMTPStub("hang") as stub,
        smtp(stub, timeout=BOUND),
        caplog.at_level(logging.ERROR, logger="core.mail"),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(campaign.url + "participate/", form_data(region))
        # The reply is back and the report stored while the mail server still holds its connection.
        assert response.status_code == 302
        assert ParticipationReport.objects.filter(campaign=campaign, region=region).exists()
        assert stub.connected.wait(BOUND)
        assert not wait_for_deliveries(0)
        stub.release()  # the server closes without a greeting
        assert wait_for_deliveries(BOUND)
    assert any("E-mail not delivered" in r.getMessage() for r in caplog.records if r.name == "core.mail")


def test_a_hanging_server_is_given_up_after_the_timeout(django_capture_on_commit_callbacks, caplog):
    with SMTPStub("hang") as stub, smtp(stub, timeout=1), caplog.at_level(logging.ERROR, logger="core.mail"):
        with django_capture_on_commit_callbacks(execute=True):
            send_mail("Зависнет", "Текст", None, ["moderator@example.org"])
        # Not released: the delivery ends by its own timeout, well within the bound.
        assert wait_for_deliveries(BOUND)
        assert not stub.released.is_set()
    assert any("E-mail not delivered" in r.getMessage() for r in caplog.records if r.name == "core.mail")


def settings_from(env):
    """E-mail settings as a fresh process reads them from ``env``."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({k: getattr(settings, k) for k in ("
        "'EMAIL_BACKEND', 'EMAIL_DELIVERY_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', "
        "'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'EMAIL_TIMEOUT')}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_email_url_configures_the_server_with_a_timeout():
    values = settings_from({"EMAIL_URL": "submission://robot:s3cret@mail.example.org:587/?timeout=7"})
    assert values["EMAIL_BACKEND"] == "core.mail.BackgroundEmailBackend"
    assert values["EMAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (values["EMAIL_HOST_USER"], values["EMAIL_HOST_PASSWORD"]) == ("robot", "s3cret")
    assert values["EMAIL_USE_TLS"] is True and values["EMAIL_TIMEOUT"] == 7


def test_host_variables_configure_the_server_and_development_prints_without_them():
    values = settings_from({"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "465", "EMAIL_USE_SSL": "1"})
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_SSL"]) == (
        "smtp.example.org",
        465,
        True,
    )
    assert values["EMAIL_TIMEOUT"] == 10
    assert values["EMAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert settings_from({})["EMAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
