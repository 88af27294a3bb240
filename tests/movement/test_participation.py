import logging
import secrets
import socket
import time
from unittest import mock

import pytest

from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.test import override_settings

from wagtail.models import Locale

from libraries.models import Library
from movement.consent import CONSENT_TEXT_VERSION
from movement.forms import SIGNER_SALT
from movement.models import ParticipationReport
from tests.factories import ParticipationReportFactory, RegionFactory
from tests.helpers import run_background_jobs

pytestmark = pytest.mark.django_db


def started(seconds_ago=60):
    stamp = f"{int(time.time()) - seconds_ago}:{secrets.token_hex(8)}"
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(stamp)


@pytest.fixture
def region():
    return RegionFactory(name="Белгородская область")


def form_data(region, **overrides):
    data = {
        "library_name": "Центральная районная библиотека «Родник»",
        "region": str(region.pk),
        "settlement": "Короча",
        "library_kind": Library.Kind.MUNICIPAL,
        "post_url": "https://vk.com/wall-123_456",
        "contact_email": "rodnik@example.org",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def post(client, campaign, data, **extra):
    return client.post(campaign.url + "participate/", data, **extra)


def test_valid_report_is_saved_pending_with_consent_evidence(client, campaign, region):
    response = post(client, campaign, form_data(region))
    assert response.status_code == 302
    assert response["Location"] == campaign.url + "participate/thanks/"
    report = ParticipationReport.objects.get(campaign=campaign)
    assert report.status == ParticipationReport.Status.PENDING
    assert report.library_name == "Центральная районная библиотека «Родник»"
    assert report.region == region
    assert report.consent_given is True
    assert report.consent_ip == "127.0.0.1"
    assert report.consent_text_version == CONSENT_TEXT_VERSION
    assert report.consent_at is not None
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.content.decode()


def test_pending_and_rejected_reports_are_never_public(client, campaign, region):
    post(client, campaign, form_data(region))
    ParticipationReportFactory(
        campaign=campaign, library_name="Отклонённая библиотека", status=ParticipationReport.Status.REJECTED
    )
    html = client.get(campaign.url).content.decode()
    assert "Родник" not in html
    assert "Отклонённая библиотека" not in html
    movement = campaign.get_parent().specific
    assert movement.participation_counts() == {"libraries": 0, "regions": 0}

    report = ParticipationReport.objects.get(library_name__contains="Родник")
    report.status = ParticipationReport.Status.APPROVED
    report.save()
    html = client.get(campaign.url).content.decode()
    assert "Родник" in html
    assert "https://vk.com/wall-123_456" in html
    assert movement.participation_counts() == {"libraries": 1, "regions": 1}


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens here once the socket is closed


@override_settings(
    MOVEMENT_COORDINATOR_EMAILS=["coordinator@example.org"],
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=closed_port(),
    EMAIL_TIMEOUT=2,
)
def test_report_is_kept_when_the_mail_server_refuses(client, campaign, region, caplog):
    response = post(client, campaign, form_data(region))
    assert response.status_code == 302
    assert ParticipationReport.objects.filter(campaign=campaign).count() == 1
    with caplog.at_level(logging.WARNING, logger="movement.participation"):
        assert run_background_jobs() == 1
    warning = next(r for r in caplog.records if r.name == "movement.participation")
    assert "Could not notify" in warning.getMessage() and warning.exc_info is None  # one line, no traceback


@override_settings(MOVEMENT_COORDINATOR_EMAILS=["coordinator@example.org"])
def test_coordinators_are_notified(client, campaign, region):
    post(client, campaign, form_data(region))
    assert not mail.outbox  # the worker sends it
    run_background_jobs()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordinator@example.org"]
    assert "Родник" in mail.outbox[0].subject


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"contact_email": "not-an-email"}, "contact_email"),
        ({"post_url": "javascript:alert(1)"}, "post_url"),
        ({"region": ""}, "region"),
        ({"region": "abc"}, "region"),
        ({"region": "99999999999999999999999"}, "region"),
        ({"library_kind": "palace"}, "library_kind"),
        ({"library_name": ""}, "library_name"),
        ({"library_name": "x" * 600}, "library_name"),
        ({"started": "garbage"}, "started"),
    ],
)
def test_invalid_input_gets_form_errors(client, campaign, region, overrides, field):
    data = form_data(region)
    data.update(overrides)
    response = post(client, campaign, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ParticipationReport.objects.filter(campaign=campaign).exists()


def test_consent_is_required(client, campaign, region):
    data = form_data(region)
    del data["consent"]
    response = post(client, campaign, data)
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert not ParticipationReport.objects.exists()


def test_duplicate_library_is_refused_with_a_clear_message(client, campaign, region):
    assert post(client, campaign, form_data(region)).status_code == 302
    # The same library written differently: case, quotes and spacing.
    again = form_data(region, library_name="центральная  районная библиотека Родник", settlement="КОРОЧА")
    response = post(client, campaign, again)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any(error.code == "duplicate" for error in errors.as_data())
    assert ParticipationReport.objects.filter(campaign=campaign).count() == 1


def test_database_refuses_duplicates_too(campaign, region):
    ParticipationReportFactory(
        campaign=campaign, region=region, library_name="Библиотека", settlement="Город"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationReportFactory(
            campaign=campaign, region=region, library_name="БИБЛИОТЕКА", settlement="город"
        )


def test_honeypot_stops_the_report(client, campaign, region):
    response = post(client, campaign, form_data(region, website="http://spam.example"))
    assert response.status_code == 200
    assert "website" in response.context["form"].errors
    assert not ParticipationReport.objects.exists()


def test_too_fast_submission_is_refused(client, campaign, region):
    response = post(client, campaign, form_data(region, started=started(seconds_ago=0)))
    assert response.status_code == 200
    assert "started" in response.context["form"].errors
    assert not ParticipationReport.objects.exists()


def test_fresh_form_carries_a_signed_start_time(client, campaign):
    form = client.get(campaign.url).context["form"]
    value = signing.TimestampSigner(salt=SIGNER_SALT).unsign(form.initial["started"])
    assert abs(int(value.split(":")[0]) - time.time()) < 60
    assert client.get(campaign.url).context["form"].initial["started"] != form.initial["started"]


def test_a_form_token_is_accepted_once(client, campaign, region):
    data = form_data(region)
    assert post(client, campaign, data).status_code == 302
    again = dict(data, library_name="Другая библиотека")
    response = post(client, campaign, again)
    assert response.status_code == 200
    assert "already sent" in " ".join(response.context["form"].non_field_errors()) or "уже отправлена" in (
        " ".join(response.context["form"].non_field_errors())
    )
    assert ParticipationReport.objects.filter(campaign=campaign).count() == 1


@override_settings(TRUSTED_PROXY_COUNT=1, MOVEMENT_REPORT_RATE_LIMIT=(2, 3600))
def test_rate_limit_counts_the_address_the_trusted_proxy_saw(client, campaign, region):
    # The reader forges a first X-Forwarded-For entry each time; the proxy appends the real address.
    for number in range(2):
        forged = f"198.51.100.{number}, 203.0.113.7"
        response = post(
            client, campaign, form_data(region, library_name=f"Б {number}"), HTTP_X_FORWARDED_FOR=forged
        )
        assert response.status_code == 302
    response = post(
        client, campaign, form_data(region, library_name="Б 3"), HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7"
    )
    assert response.status_code == 429
    assert ParticipationReport.objects.latest("created_at").consent_ip == "203.0.113.7"
    # A different real address is counted on its own.
    response = post(
        client, campaign, form_data(region, library_name="Б 4"), HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.8"
    )
    assert response.status_code == 302


def test_forwarded_addresses_are_ignored_without_trusted_proxies(rf):
    from movement.participation import client_ip

    request = rf.post("/", HTTP_X_FORWARDED_FOR="198.51.100.1", REMOTE_ADDR="10.1.2.3")
    assert client_ip(request) == "10.1.2.3"
    with override_settings(TRUSTED_PROXY_COUNT=2):
        assert client_ip(request) == "10.1.2.3"  # fewer entries than proxies: not trusted
        request.META["HTTP_X_FORWARDED_FOR"] = "not-an-address, 10.9.9.9"
        assert client_ip(request) == "10.1.2.3"
        request.META["HTTP_X_FORWARDED_FOR"] = "1.1.1.1, 198.51.100.9, 10.9.9.9"
        assert client_ip(request) == "198.51.100.9"


@override_settings(MOVEMENT_REPORT_RATE_LIMIT=(3, 3600))
def test_rate_limit_per_ip(client, campaign, region):
    for number in range(3):
        response = post(client, campaign, form_data(region, library_name=f"Библиотека {number}"))
        assert response.status_code == 302
    response = post(client, campaign, form_data(region, library_name="Библиотека 4"))
    assert response.status_code == 429
    assert ParticipationReport.objects.filter(campaign=campaign).count() == 3
    # Another address is not affected.
    response = post(client, campaign, form_data(region, library_name="Библиотека 5"), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_get_on_the_form_url_redirects_to_the_form(client, campaign):
    response = client.get(campaign.url + "participate/")
    assert response.status_code == 302
    assert response["Location"].endswith("#participate")


def test_upcoming_campaign_takes_no_reports(client, campaign, region):
    with mock.patch(
        "movement.models.pages.CampaignPage.today", return_value=campaign.start_date.replace(year=2023)
    ):
        response = post(client, campaign, form_data(region))
    assert response.status_code == 200
    assert not ParticipationReport.objects.exists()


@pytest.mark.usefixtures("seeded")
@override_settings(MOVEMENT_COORDINATOR_EMAILS=["coordinator@example.org"])
def test_report_from_the_english_page_belongs_to_the_russian_campaign(client, campaign, region):
    english = campaign.get_translation(Locale.objects.get(language_code="en"))
    response = post(client, english, form_data(region))
    assert response.status_code == 302
    assert response["Location"] == english.url + "participate/thanks/"
    assert ParticipationReport.objects.get().campaign_id == campaign.pk
    run_background_jobs()
    # The coordinators get the notice in Russian.
    assert mail.outbox[0].subject.startswith("Новый отчёт об участии")
