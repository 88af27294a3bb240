import csv
import io

import pytest

from django.test import Client
from django.urls import reverse

from movement.models import ParticipationReport
from tests.factories import ParticipationReportFactory

pytestmark = pytest.mark.django_db


def test_listing_filters_by_status(admin_client_ru, campaign):
    pending = ParticipationReportFactory(
        campaign=campaign, library_name="Ждущая библиотека", status=ParticipationReport.Status.PENDING
    )
    ParticipationReportFactory(campaign=campaign, library_name="Одобренная библиотека")
    url = reverse("movement_reports:index")
    html = admin_client_ru.get(url, {"status": "pending"}).content.decode()
    assert pending.library_name in html
    assert "Одобренная библиотека" not in html
    # Garbage in a filter is a form error, not a crash.
    assert admin_client_ru.get(url, {"status": "nonsense", "campaign": "abc"}).status_code == 200


def test_approve_and_reject(admin_client_ru, campaign, client):
    report = ParticipationReportFactory(
        campaign=campaign, library_name="Библиотека на проверке", status=ParticipationReport.Status.PENDING
    )
    approve = reverse("movement_reports:moderate", kwargs={"pk": report.pk, "action": "approve"})
    listing = admin_client_ru.get(reverse("movement_reports:index")).content.decode()
    assert approve in listing
    # GET only asks for confirmation.
    assert admin_client_ru.get(approve).status_code == 200
    report.refresh_from_db()
    assert report.status == ParticipationReport.Status.PENDING

    assert admin_client_ru.post(approve).status_code == 302
    report.refresh_from_db()
    assert report.status == ParticipationReport.Status.APPROVED
    assert report.moderated_by.username == "root"
    assert report.moderated_at is not None
    assert "Библиотека на проверке" in client.get(campaign.url).content.decode()

    reject = reverse("movement_reports:moderate", kwargs={"pk": report.pk, "action": "reject"})
    admin_client_ru.post(reject)
    report.refresh_from_db()
    assert report.status == ParticipationReport.Status.REJECTED
    assert "Библиотека на проверке" not in client.get(campaign.url).content.decode()


def test_unknown_action_and_anonymous_users_are_refused(admin_client_ru, campaign):
    report = ParticipationReportFactory(campaign=campaign, status=ParticipationReport.Status.PENDING)
    bad = reverse("movement_reports:moderate", kwargs={"pk": report.pk, "action": "delete-all"})
    assert admin_client_ru.post(bad, follow=True).status_code == 404
    approve = reverse("movement_reports:moderate", kwargs={"pk": report.pk, "action": "approve"})
    anonymous = Client()
    response = anonymous.post(approve)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    report.refresh_from_db()
    assert report.status == ParticipationReport.Status.PENDING


def test_csv_export_for_coordinators(admin_client_ru, campaign):
    ParticipationReportFactory(
        campaign=campaign,
        library_name="Библиотека для выгрузки",
        consent_text_version="2025-09-01.1",
        consent_ip="192.0.2.1",
    )
    response = admin_client_ru.get(reverse("movement_reports:index"), {"export": "csv"})
    assert response.status_code == 200
    assert "participation-reports.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert "Библиотека для выгрузки" in row.values()
    assert "192.0.2.1" in row.values()
    assert "2025-09-01.1" in row.values()
