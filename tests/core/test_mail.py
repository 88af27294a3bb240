"""E-mail is a background job written in the sender's transaction; the worker sends it through a
real SMTP conversation, and a server that refuses or hangs costs the worker one logged line."""

import logging
import os
import signal

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.test import override_settings

from tests.helpers import run_background_jobs
from tests.settings_probe import read_settings
from tests.smtp import SMTPStub

pytestmark = pytest.mark.django_db

BOUND = 30  # seconds a worker may take before the test calls it hung (a hang guard, not a speed check)


def smtp(stub, timeout=5):
    return override_settings(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=stub.port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=timeout,
    )


def work_off():
    """Run the worker, failing (instead of hanging) should it wait longer than BOUND."""

    def hung(signum, frame):
        raise AssertionError("the worker hung on the mail server")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(BOUND)
    try:
        return run_background_jobs()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_message_is_a_job_of_its_transaction_and_the_worker_sends_it():
    with SMTPStub() as stub, smtp(stub):
        with transaction.atomic():
            message = EmailMultiAlternatives("Проверка", "Текст письма", None, ["moderator@example.org"])
            message.attach_alternative("<p>Текст письма</p>", "text/html")
            message.send()
        assert stub.connections == 0  # the sender never talks to the mail server
        assert DBTaskResult.objects.filter(task_path="core.mail.deliver_email").count() == 1
        assert work_off() == 1
    [received] = stub.messages
    assert received["Subject"] == "Проверка"
    assert received["To"] == "moderator@example.org"
    assert received.get_body(("plain",)).get_content().strip() == "Текст письма"
    assert received.get_body(("html",)).get_content().strip() == "<p>Текст письма</p>"
    assert DBTaskResult.objects.get().return_value == "sent"


def test_a_rolled_back_transaction_sends_nothing():
    with SMTPStub() as stub, smtp(stub):
        with pytest.raises(RuntimeError), transaction.atomic():
            send_mail("Не уйдёт", "Текст", None, ["moderator@example.org"])
            raise RuntimeError("rolled back")
        assert work_off() == 0
    assert stub.connections == 0


def test_a_refusing_server_costs_one_logged_line(caplog):
    with SMTPStub("refuse") as stub, smtp(stub), caplog.at_level(logging.WARNING, logger="core.mail"):
        send_mail("Отказ", "Текст", None, ["moderator@example.org"])
        assert work_off() == 1
        assert stub.connections == 1
    assert DBTaskResult.objects.get().return_value == "mail failed"
    [record] = [r for r in caplog.records if r.name == "core.mail"]
    assert "E-mail not delivered" in record.getMessage() and "moderator@example.org" in record.getMessage()


def test_a_hanging_server_is_given_up_after_the_timeout(caplog):
    with (
        SMTPStub("hang") as stub,
        smtp(stub, timeout=0.25),  # the server never answers: any wait is the timeout
        caplog.at_level(logging.WARNING, logger="core.mail"),
    ):
        send_mail("Зависнет", "Текст", None, ["moderator@example.org"])
        assert stub.connections == 0
        # Not released: the worker ends the wait by EMAIL_TIMEOUT.
        assert work_off() == 1
        assert stub.connections == 1 and not stub.released.is_set()
    assert DBTaskResult.objects.get().return_value == "mail failed"
    assert any("E-mail not delivered" in r.getMessage() for r in caplog.records if r.name == "core.mail")


def settings_from(env):
    """E-mail settings as a fresh process reads them from ``env``, evaluated in this one."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    values = read_settings("dev", {**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env})
    return {
        k: values[k]
        for k in (
            "EMAIL_BACKEND",
            "EMAIL_DELIVERY_BACKEND",
            "EMAIL_HOST",
            "EMAIL_PORT",
            "EMAIL_HOST_USER",
            "EMAIL_HOST_PASSWORD",
            "EMAIL_USE_TLS",
            "EMAIL_USE_SSL",
            "EMAIL_TIMEOUT",
        )
    }


def test_email_url_configures_the_server_with_a_timeout():
    values = settings_from({"EMAIL_URL": "submission://robot:s3cret@mail.example.org:587/?timeout=7"})
    assert values["EMAIL_BACKEND"] == "core.mail.QueuedEmailBackend"
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
