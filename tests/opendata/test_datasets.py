"""The open data page: passports, CSV for Excel (BOM, neutralised formulas) and JSON, structure and
meta files, in three languages."""

import csv
import datetime
import io
import json

import pytest

from django.utils import timezone

from opendata.export import cell, csv_text
from opendata.models import OpenDataPage
from tests.factories import LibraryFactory, OfficialDocumentFactory, RegionFactory

pytestmark = pytest.mark.django_db

DATASETS = ["libraries", "agreements", "documents", "events"]


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+7 (495) 629-10-10", "'+7 (495) 629-10-10"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Библиотека", "Библиотека"),
        (["a", "=b"], "a; =b"),  # only the cell's start matters to a spreadsheet
        (42, 42),
        (True, "true"),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value, expected):
    assert cell(value) == expected


def test_csv_round_trips_quotes_newlines_and_cyrillic():
    text = csv_text(["a", "b"], [['Он сказал "да"', "строка 1\nстрока 2"]])
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]))) == [["a", "b"], ['Он сказал "да"', "строка 1\nстрока 2"]]


def test_libraries_csv_and_json_carry_the_same_rows(client, open_data):
    region = RegionFactory(name="Тестовая область")
    LibraryFactory(
        full_name="=Библиотека с формулой", slug="od-formula", region=region, phone="+7 (4722) 00-00-00"
    )
    rows = read_csv(client.get(open_data.url + "libraries/csv/"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["slug", "full_name", "short_name"]
    row = dict(zip(header, next(r for r in body if r[0] == "od-formula"), strict=True))
    assert row["full_name"] == "'=Библиотека с формулой"
    assert row["phone"] == "'+7 (4722) 00-00-00"
    assert row["region"] == "Тестовая область" and row["region_code"] == region.code
    assert row["is_sample"] == "false"
    response = client.get(open_data.url + "libraries/json/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    item = next(i for i in data["items"] if i["slug"] == "od-formula")
    assert item["full_name"] == "=Библиотека с формулой"  # JSON keeps the value as it is
    assert item["is_sample"] is False and item["social_links"] == []
    assert data["meta"]["records"] == len(body) == len(data["items"])
    assert [c["name"] for c in data["meta"]["structure"]] == header


def test_passport_gives_dates_licence_and_files(client, open_data):
    document = OfficialDocumentFactory(slug="od-letter", date=datetime.date(2020, 1, 2), live=False)
    document.save_revision().publish()
    data = json.loads(client.get(open_data.url + "documents/json/").content)
    meta = data["meta"]
    assert meta["identifier"] == "vmeste-silnee-documents"
    assert meta["title"] == "Реестр официальных документов"
    assert meta["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert datetime.date.fromisoformat(meta["modified"]) == timezone.localdate()
    assert datetime.date.fromisoformat(meta["created"]) == timezone.localdate()
    assert meta["links"]["csv"].endswith("/ru/open-data/documents/csv/")
    letter = next(i for i in data["items"] if i["slug"] == "od-letter")
    assert letter["date"] == "2020-01-02" and letter["title"].startswith("Письмо о сотрудничестве")
    assert letter["url"] == ""  # this site has no registry page to link to

    structure = read_csv(client.get(open_data.url + "documents/structure/csv/"))
    assert structure[0] == ["field name", "english description", "russian description", "format"]
    assert ["date", "Date", "Дата", "date"] in structure

    meta_csv = dict(read_csv(client.get(open_data.url + "documents/meta/csv/"))[1:])
    assert meta_csv["standardversion"] == "http://opendata.gosmonitor.ru/standard/3.0"
    assert meta_csv["identifier"] == "vmeste-silnee-documents"
    assert meta_csv["format"] == "csv"
    assert len(meta_csv["modified"]) == 8 and meta_csv["modified"].isdigit()


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("language", ["ru", "en", "be"])
def test_every_dataset_in_every_language(client, seeded, dataset, language):
    page = OpenDataPage.objects.get(locale__language_code=language)
    rows = read_csv(client.get(page.url + f"{dataset}/csv/"))
    data = json.loads(client.get(page.url + f"{dataset}/json/").content)
    assert len(rows) - 1 == len(data["items"]) == data["meta"]["records"]
    assert data["meta"]["language"] == language
    assert client.get(page.url + f"{dataset}/").status_code == 200


def test_seeded_sets_hold_the_source_documents(client, seeded):
    page = OpenDataPage.objects.get(locale__language_code="en")
    events = json.loads(client.get(page.url + "events/json/").content)["items"]
    forum = next(e for e in events if e["start_date"] == "2024-04-17")
    assert forum["sessions"] == 5 and forum["city"] == "Ryazan"
    assert forum["schedule_xml"].endswith("/schedule/xml/")
    agreements = json.loads(client.get(page.url + "agreements/json/").content)["items"]
    assert any(set(a["partner_slugs"]) == {"amur-ounb", "nlb"} for a in agreements)
    documents = json.loads(client.get(page.url + "documents/json/").content)["items"]
    assert {d["number"] for d in documents} >= {"01-16/124", "606-01.1-39@-НП"}


@pytest.mark.parametrize(
    "language, heading, dataset",
    [
        ("ru", "Открытые данные", "Справочник библиотек"),
        ("en", "Open data", "Directory of libraries"),
        ("be", "Адкрытыя даныя", "Даведнік бібліятэк"),
    ],
)
def test_the_page_lists_the_sets_in_three_languages(client, seeded, language, heading, dataset):
    page = OpenDataPage.objects.get(locale__language_code=language)
    html = client.get(page.url).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert dataset in html
    for code in DATASETS:
        assert f'href="http://testserver{page.url}{code}/csv/"' in html


def test_unknown_dataset_is_a_404(client, open_data):
    assert client.get(open_data.url + "no-such-set/").status_code == 404
    assert client.get(open_data.url + "no-such-set/csv/").status_code == 404
