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

pytestmark = pytest.mark.django_db


def started(seconds_ago=60):
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(str(int(time.time()) - seconds_ago))


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


def test_report_is_kept_when_the_notification_fails(client, campaign, region):
    with mock.patch("movement.participation.send_mail", side_effect=ConnectionRefusedError("smtp down")):
        response = post(client, campaign, form_data(region))
    assert response.status_code == 302
    assert ParticipationReport.objects.filter(campaign=campaign).count() == 1


@override_settings(MOVEMENT_COORDINATOR_EMAILS=["coordinator@example.org"])
def test_coordinators_are_notified(client, campaign, region):
    post(client, campaign, form_data(region))
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
    assert abs(int(value) - time.time()) < 60


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
    # The coordinators get the notice in Russian.
    assert mail.outbox[0].subject.startswith("Новый отчёт об участии")
