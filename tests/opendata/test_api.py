"""The read API at /api/v2/: pages (Wagtail), libraries, regions, agreements with their chronicle,
documents and participation counts; pagination, languages, CORS, the rate limit, JSON errors."""

import datetime
import json

import pytest

from django.core.cache import cache
from django.test import override_settings

from movement.models import MovementPage
from partnerships.models import AgreementIndexPage, AgreementSignatory, ChronicleEntry
from tests.factories import (
    AgreementPageFactory,
    CampaignPageFactory,
    EventHallFactory,
    EventPageFactory,
    LibraryFactory,
    OfficialDocumentFactory,
    ParticipationReportFactory,
    RegionFactory,
    day,
    session,
)
from tests.helpers import GARBAGE

pytestmark = pytest.mark.django_db

ENDPOINTS = ["libraries", "regions", "agreements", "documents", "participation"]


def get_json(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


@pytest.fixture
def region():
    return RegionFactory(name="Тестовая область")


@pytest.fixture
def libraries(region):
    return [
        LibraryFactory(
            full_name="Центральная библиотека", slug="api-central", region=region, kind="central_regional"
        ),
        LibraryFactory(
            full_name="Сельская библиотека", slug="api-village", region=region, settlement="Ивановка"
        ),
        LibraryFactory(full_name="Черновик", slug="api-draft", region=region, live=False),
    ]


def test_index_names_every_endpoint_the_schema_and_the_docs(client):
    data = get_json(client, "/api/v2/")
    assert set(data["endpoints"]) == {*ENDPOINTS, "pages"}
    for url in data["endpoints"].values():
        get_json(client, url)
    assert data["schema"].endswith("/api/schema/")
    assert set(data["documentation"]) == {"ru", "en", "be"}


def test_libraries_filter_paginate_and_hide_drafts(client, libraries, region):
    data = get_json(client, f"/api/v2/libraries/?region={region.code}")
    assert data["meta"]["total_count"] == 2
    assert [item["slug"] for item in data["items"]] == ["api-village", "api-central"]
    village = data["items"][0]
    assert village["region"] == {"code": region.code, "name": "Тестовая область"}
    assert village["settlement"] == "Ивановка" and village["language"] == "ru"
    assert village["kind_label"] == "Муниципальная библиотека"

    first = get_json(client, f"/api/v2/libraries/?region={region.code}&limit=1")
    assert first["meta"]["next"].endswith(f"/api/v2/libraries/?limit=1&offset=1&region={region.code}")
    assert first["meta"]["previous"] is None
    second = get_json(client, first["meta"]["next"])
    assert [item["slug"] for item in second["items"]] == ["api-central"]
    assert second["meta"]["next"] is None

    assert get_json(client, "/api/v2/libraries/?kind=central_regional&search=Центральная")["items"][0][
        "slug"
    ] == ("api-central")
    assert get_json(client, "/api/v2/libraries/api-village/")["full_name"] == "Сельская библиотека"
    assert "Library" in get_json(client, "/api/v2/libraries/api-draft/", status=404)["message"]


def test_untranslated_rows_come_in_russian_with_english_labels(client, libraries, region):
    data = get_json(client, f"/api/v2/libraries/?locale=en&region={region.code}")
    village = next(item for item in data["items"] if item["slug"] == "api-village")
    assert village["language"] == "ru" and village["full_name"] == "Сельская библиотека"
    assert village["kind_label"] == "Municipal library"


def test_seeded_library_in_three_languages(client, seeded):
    names = {
        code: get_json(client, f"/api/v2/libraries/bgunb/?locale={code}")["full_name"]
        for code in ("ru", "en")
    }
    assert names["ru"].startswith("Белгородская государственная")
    assert names["en"] == "Belgorod State Universal Scientific Library"


def test_regions_count_their_libraries(client, libraries, region):
    data = get_json(client, f"/api/v2/regions/{region.code}/")
    assert data == {"code": region.code, "name": "Тестовая область", "libraries": 2}


def test_seeded_regions_are_listed_in_every_language(client, seeded):
    for code in ("ru", "en", "be"):
        data = get_json(client, f"/api/v2/regions/?locale={code}&limit=100")
        assert data["meta"]["total_count"] >= 89
    assert get_json(client, "/api/v2/regions/31/?locale=en")["name"] == "Belgorod Oblast"


def test_agreements_carry_partners_and_the_chronicle_with_corrections(client, seeded, libraries):
    parent = AgreementIndexPage.objects.get(locale__language_code="ru")
    agreement = AgreementPageFactory(
        parent=parent,
        slug="api-agreement",
        date_signed=datetime.date(2024, 1, 10),
        date_signed_precision="month",
    )
    central, village, _draft = libraries
    AgreementSignatory.objects.create(
        page=agreement, name="Иванов И.И.", position="директор", library=central, locale=agreement.locale
    )
    ChronicleEntry.objects.create(
        agreement=agreement, date=datetime.date(2024, 1, 10), kind="join", library=central
    )
    wrong = ChronicleEntry.objects.create(
        agreement=agreement, date=datetime.date(2024, 1, 10), kind="join", library=village
    )
    ChronicleEntry.objects.create(
        agreement=agreement, date=datetime.date(2024, 2, 1), kind="correction", corrects=wrong
    )
    data = get_json(client, f"/api/v2/agreements/{agreement.pk}/")
    assert data["title"] == agreement.title and data["slug"] == "api-agreement"
    assert (data["date_signed"], data["date_signed_precision"]) == ("2024-01-01", "month")
    assert data["signatories"] == [{"name": "Иванов И.И.", "position": "директор", "library": "api-central"}]
    assert data["partners"] == [{"slug": "api-central", "name": "Центральная библиотека"}]
    assert data["status"] == "ended"  # one partner left after the correction
    assert [(e["kind"], e["corrects"]) for e in data["chronicle"]] == [
        ("join", None),
        ("join", None),
        ("correction", wrong.pk),
    ]
    listed = get_json(client, "/api/v2/agreements/?limit=100")
    assert agreement.pk in [item["id"] for item in listed["items"]]


def test_documents_filter_by_kind_and_year(client):
    OfficialDocumentFactory(slug="api-letter", date=datetime.date(2021, 3, 1), title="Письмо 2021")
    OfficialDocumentFactory(slug="api-order", kind="order", date=datetime.date(2021, 5, 1), number="")
    data = get_json(client, "/api/v2/documents/?year=2021&kind=letter")
    assert [item["slug"] for item in data["items"]] == ["api-letter"]
    letter = data["items"][0]
    assert letter["addressees"] == ["Директорам государственных библиотек субъектов РФ"]
    assert letter["body_html"] == "<p>Уважаемые коллеги!</p>"
    assert letter["kind_label"] == "Письмо"


def test_participation_counts_only_approved_reports_and_no_personal_data(client, seeded, region):
    movement = MovementPage.objects.get(locale__language_code="ru")
    campaign = CampaignPageFactory(parent=movement, slug="api-campaign")
    other = RegionFactory(name="Другая область")
    ParticipationReportFactory(campaign=campaign, region=region)
    ParticipationReportFactory(campaign=campaign, region=region, library_kind="central_regional")
    ParticipationReportFactory(campaign=campaign, region=other)
    ParticipationReportFactory(campaign=campaign, region=other, status="pending")
    ParticipationReportFactory(campaign=campaign, region=other, status="rejected")
    response = client.get(f"/api/v2/participation/{campaign.pk}/")
    data = json.loads(response.content)
    assert data["libraries"] == 3 and data["regions"] == 2
    assert data["by_region"] == [
        {"code": region.code, "name": "Тестовая область", "count": 2},
        {"code": other.code, "name": "Другая область", "count": 1},
    ]
    assert {row["code"]: row["count"] for row in data["by_kind"]} == {"municipal": 2, "central_regional": 1}
    body = response.content.decode()
    assert "@example.org" not in body and "vk.com/wall" not in body and "consent" not in body


def test_pages_endpoint_gives_events_with_their_sessions(client, events_index):
    page = EventPageFactory(parent=events_index, slug="api-forum", start_date=datetime.date(2030, 5, 20))
    EventHallFactory(page=page, name="Горьковский зал", locale=page.locale)
    page.programme = [
        day(
            "2030-05-20",
            [session("Открытие", hall="Горьковский зал", start="10:00", end="11:00", speakers="А.\nБ.")],
        )
    ]
    page.save_revision().publish()
    listing = get_json(
        client, f"/api/v2/pages/?type=events.EventPage&child_of={events_index.pk}&fields=programme,halls"
    )
    item = next(i for i in listing["items"] if i["id"] == page.pk)
    (only_day,) = item["programme"]
    (opening,) = only_day["sessions"]
    assert opening["title"] == "Открытие" and opening["hall"] == "Горьковский зал"
    assert opening["start"] == "2030-05-20T10:00:00+03:00" and opening["end"] == "2030-05-20T11:00:00+03:00"
    assert opening["speakers"] == ["А.", "Б."]
    assert item["halls"] == ["Горьковский зал"]
    detail = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert detail["exports"]["frab_xml"].endswith(f"{page.url}schedule/xml/")
    assert detail["start_date"] == "2030-05-20"


def test_pages_endpoint_filters_by_locale_type_and_search(client, seeded):
    english = get_json(client, "/api/v2/pages/?locale=en&type=news.NewsPage&fields=topics,regions,libraries")
    assert english["meta"]["total_count"] >= 1
    assert all(item["meta"]["locale"] == "en" for item in english["items"])
    found = get_json(client, "/api/v2/pages/?locale=ru&search=Рязань")
    assert any(item["meta"]["slug"] == "ryazan-forum-2024" for item in found["items"])


@pytest.mark.parametrize("endpoint", [*ENDPOINTS, "pages"])
@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_garbage_in_any_parameter_is_a_json_400_never_a_500(client, endpoint, kind):
    names = ["limit", "offset", "locale", "unknown"]
    names += {
        "libraries": ["region", "kind", "search"],
        "documents": ["kind", "year"],
        "pages": ["type", "child_of", "descendant_of", "translation_of", "search", "order", "fields", "site"],
    }.get(endpoint, [])
    for name in names:
        query = GARBAGE[kind](name)
        response = client.get(f"/api/v2/{endpoint}/?{query}")
        assert response.status_code in (200, 400), (query, response.status_code)
        assert response["Content-Type"].startswith("application/json"), query
        if response.status_code == 400:
            assert json.loads(response.content)["message"], query


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=events.EventPage&start_date=not-a-date",
        "/api/v2/pages/?type=events.EventPage&start_date=99999-01-01",
        "/api/v2/pages/?child_of=99999999999999999999",
        "/api/v2/pages/?offset=99999999999999999999",
        "/api/v2/pages/?site=nowhere.example:abc",
        "/api/v2/pages/?locale=xx",
        "/api/v2/libraries/?limit=0",
        "/api/v2/libraries/?limit=101",
        "/api/v2/documents/?year=20x1",
    ],
)
def test_known_bad_values_are_refused_with_a_message(client, url):
    assert get_json(client, url, status=400)["message"]


def test_unknown_objects_are_a_json_404(client):
    assert get_json(client, "/api/v2/libraries/no-such-library/", status=404)["message"]
    assert get_json(client, "/api/v2/agreements/999999/", status=404)["message"]
    assert get_json(client, "/api/v2/pages/999999/", status=404)["message"]


def test_cors_allows_reading_from_any_site_but_only_the_api(client):
    response = client.get("/api/v2/regions/", headers={"origin": "https://library.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v2/regions/",
        headers={"origin": "https://library.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 200
    assert set(preflight["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    page = client.get("/ru/", headers={"origin": "https://library.example"})
    assert "Access-Control-Allow-Origin" not in page


def test_write_methods_are_refused(client):
    assert client.post("/api/v2/libraries/", {}).status_code == 405
    assert client.delete("/api/v2/pages/1/").status_code == 405


@override_settings(API_THROTTLE_RATE="3/minute")
def test_too_many_requests_get_a_429_with_retry_after(client):
    cache.clear()
    try:
        for _ in range(3):
            assert client.get("/api/v2/regions/").status_code == 200
        for url in ("/api/v2/regions/", "/api/v2/pages/"):
            response = client.get(url)
            assert response.status_code == 429
            assert int(response["Retry-After"]) > 0
            assert json.loads(response.content)["retry_after"] > 0
        # Another address has its own allowance.
        assert client.get("/api/v2/regions/", REMOTE_ADDR="127.0.0.2").status_code == 200
    finally:
        cache.clear()


@override_settings(API_THROTTLE_RATE="2/minute", TRUSTED_PROXY_COUNT=1)
def test_rate_limit_counts_the_address_the_trusted_proxy_saw(client):
    cache.clear()
    try:
        proxy = {"REMOTE_ADDR": "127.0.0.9"}
        for forged in ("10.0.0.1", "10.0.0.2"):
            # Whatever the reader puts before the proxy's entry does not make a new client.
            response = client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.5", **proxy)
            assert response.status_code == 200
        assert client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
        # Another reader behind the same proxy has its own allowance.
        assert client.get("/api/v2/regions/", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200
    finally:
        cache.clear()


def test_every_live_page_and_page_type_serialises(client, seeded):
    from tests.helpers import live_pages

    pages = list(live_pages())
    types = {f"{page._meta.app_label}.{type(page).__name__}" for page in pages}
    for page_type in sorted(types):
        data = get_json(client, f"/api/v2/pages/?type={page_type}&fields=*&limit=100")
        assert data["meta"]["total_count"] >= 1, page_type
    for page in pages:
        detail = get_json(client, f"/api/v2/pages/{page.pk}/")
        assert detail["id"] == page.pk and detail["meta"]["locale"] == page.locale.language_code


def test_unknown_addresses_under_the_api_are_json_404s(client):
    for url in (
        "/api/",
        "/api/v1/",
        "/api/v2/nothing/",
        "/api/v2/libraries/кириллица/",
        "/api/v2/pages/abc/",
    ):
        assert "/api/v2/" in get_json(client, url, status=404)["message"], url
    # A missing slash is still added.
    response = client.get("/api/v2/regions")
    assert response.status_code == 301 and response["Location"] == "/api/v2/regions/"
