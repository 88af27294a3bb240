"""The page cache: what is kept, under which key, what is never kept, and purging on publish."""

import json
import re

import pytest

from django.test import Client, override_settings

from events.models import EventPage
from home.models import FooterContent
from movement.models import CampaignPage, MovementPage, ParticipationReport
from tests.events.helpers import star_url
from tests.factories import ParticipationReportFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_request_is_served_from_the_cache(page_cache, seeded, client):
    first = client.get("/ru/partnerships/")
    second = client.get("/ru/partnerships/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=0"} <= control and any(part.startswith("s-maxage=") for part in control)
    assert "Cookie" in second["Vary"]


def test_reader_settings_are_in_the_key_and_other_cookies_are_not(page_cache, seeded):
    Client().get("/ru/events/")
    other = Client()
    other.cookies["_ym_uid"] = "12345"
    assert other.get("/ru/events/")["X-Page-Cache"] == "hit"
    low_vision = Client()
    low_vision.cookies["a11y"] = "200.wb.wide.off"
    response = low_vision.get("/ru/events/")
    assert response["X-Page-Cache"] == "miss"
    assert "a11y-size-200" in response.content.decode()
    consented = Client()
    consented.cookies["consent"] = "necessary"
    assert consented.get("/ru/events/")["X-Page-Cache"] == "miss"
    # Garbage in the cookie is the standard version, as the page itself treats it.
    garbage = Client()
    garbage.cookies["a11y"] = "999.x"
    assert garbage.get("/ru/events/")["X-Page-Cache"] == "hit"


def test_logged_in_editors_are_never_served_or_stored(page_cache, seeded, admin_client_ru):
    for _ in range(2):
        response = admin_client_ru.get("/ru/partnerships/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert Client().get("/ru/partnerships/")["X-Page-Cache"] == "miss"


def test_errors_and_admin_are_not_cached(page_cache, seeded, client):
    assert client.get("/ru/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/ru/no-such-page/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_publishing_a_page_purges_every_language(page_cache, seeded, client):
    for url in ("/ru/", "/en/", "/ru/events/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    movement = MovementPage.objects.get(locale__language_code="ru")
    movement.title = "Движение: новое название"
    movement.save_revision().publish()
    home = client.get("/ru/")
    assert home["X-Page-Cache"] == "miss"
    assert "Движение: новое название" in home.content.decode()
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/ru/events/")["X-Page-Cache"] == "miss"


def test_unpublishing_a_page_purges_it(page_cache, seeded, client):
    campaign = CampaignPage.objects.get(locale__language_code="ru")
    assert client.get(campaign.url).status_code == 200
    campaign.unpublish()
    assert client.get(campaign.url).status_code == 404


def test_publishing_a_snippet_purges_the_pages_that_show_it(page_cache, seeded, client):
    client.get("/ru/partnerships/")
    footer = FooterContent.objects.get(locale__language_code="ru")
    footer.organisation = "Новый координатор движения"
    footer.save_revision().publish()
    response = client.get("/ru/partnerships/")
    assert response["X-Page-Cache"] == "miss"
    assert "Новый координатор движения" in response.content.decode()


def test_a_pending_report_keeps_the_cache_and_its_approval_purges(page_cache, seeded, client):
    campaign = CampaignPage.objects.get(locale__language_code="ru")
    region = RegionFactory()
    client.get(campaign.url)
    report = ParticipationReportFactory(
        campaign=campaign,
        region=region,
        library_name="Библиотека-тёзка № 7",
        status=ParticipationReport.Status.PENDING,
    )
    assert client.get(campaign.url)["X-Page-Cache"] == "hit"
    report.status = ParticipationReport.Status.APPROVED
    report.save()
    response = client.get(campaign.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Библиотека-тёзка № 7" in response.content.decode()


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_first_time_visitor_served_a_cached_form_can_post_it(page_cache, seeded):
    campaign = CampaignPage.objects.get(locale__language_code="ru")
    campaign.reports_after_end = True  # the seeded flash mob is over: its form stays open for this test
    campaign.save(update_fields=["reports_after_end"])
    first = Client(enforce_csrf_checks=True)
    first.get(campaign.url)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(campaign.url)
    assert page["X-Page-Cache"] == "hit"
    # The token is the visitor's own, the page is private and the CSRF cookie is set.
    assert "private" in page["Cache-Control"]
    assert "csrftoken" in page.cookies
    token = _token(page.content.decode())
    action = campaign.url + campaign.reverse_subpage("participate")
    answer = visitor.post(action, {"csrfmiddlewaretoken": token, "library_name": ""})
    assert answer.status_code != 403
    # Without the visitor's cookie the same token is refused: CSRF is still enforced.
    stranger = Client(enforce_csrf_checks=True)
    assert stranger.post(action, {"csrfmiddlewaretoken": token}).status_code == 403


@override_settings(METRICA_ID="12345")
def test_a_cached_page_with_the_counter_gets_each_reader_a_fresh_nonce(page_cache, home_page):
    def nonces(response):
        policy = response["Content-Security-Policy"]
        script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
        header = {source[7:-1] for source in script_src.split() if source.startswith("'nonce-")}
        return header, set(re.findall(r'nonce="([^"]+)"', response.content.decode()))

    seen = []
    for expected in ("miss", "hit"):
        reader = Client()
        reader.cookies["consent"] = "all"
        response = reader.get(home_page.url)
        assert response["X-Page-Cache"] == expected
        header, in_page = nonces(response)
        assert len(header) == 1 and in_page == header, (expected, header, in_page)
        # A per-reader nonce: no shared cache (CDN, proxy) may keep the page.
        assert "private" in response["Cache-Control"]
        seen.append(header)
    assert seen[0] != seen[1]


def test_a_reader_with_starred_sessions_gets_them_not_a_kept_copy(page_cache, seeded):
    """The starred sessions live in a cookie of the reader's: the page that shows them is theirs."""
    forum = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code="ru")
    code = forum.get_programme().sessions[0].code
    assert Client().get(forum.url)["X-Page-Cache"] == "miss"  # a copy without stars is kept
    reader = Client()
    star = reader.post(star_url(forum), {"session": code, "action": "add", "next": forum.url})
    assert star.status_code == 303
    page = reader.get(forum.url)
    assert "X-Page-Cache" not in page and "private" in page["Cache-Control"]
    assert page.content.decode().count('data-starred="true"') == 1
    assert Client().get(forum.url)["X-Page-Cache"] == "hit"  # the shared copy is unchanged


@pytest.fixture
def chain_reached(monkeypatch):
    """The requests that went on past the first middleware (SessionMiddleware, further down, saw them)."""
    from django.contrib.sessions.middleware import SessionMiddleware

    calls, original = [], SessionMiddleware.process_request
    monkeypatch.setattr(
        SessionMiddleware, "process_request", lambda self, request: calls.append(original(self, request))
    )
    return calls


@pytest.mark.parametrize("path", ["/ru/partnerships/", "/ru/events/ryazan-forum-2024/", "campaign"])
def test_a_kept_copy_is_the_whole_response_and_nothing_after_the_first_middleware_runs(
    page_cache, seeded, path, chain_reached
):
    """The first middleware answers a kept copy with every header the chain gave the page; one with
    a form still gets the visitor's own CSRF token and cookie."""
    with_form = path == "campaign"
    if with_form:  # its participation form, open for this test
        campaign = CampaignPage.objects.get(locale__language_code="ru")
        campaign.reports_after_end = True
        campaign.save(update_fields=["reports_after_end"])
        path = campaign.url
    miss = Client().get(path)
    chain_reached.clear()
    hit = Client().get(path)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"], chain_reached) == ("miss", "hit", [])
    headers = {name: value for name, value in miss.items() if name != "X-Page-Cache"}
    assert {name: value for name, value in hit.items() if name != "X-Page-Cache"} == headers
    assert {"Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary"} <= set(headers)
    assert ("csrfmiddlewaretoken" in miss.content.decode()) == with_form
    if with_form:
        own, first = _token(hit.content.decode()), _token(miss.content.decode())
        assert own != first and set(hit.cookies) == {"csrftoken"}
        assert hit.content.replace(own.encode(), first.encode()) == miss.content
    else:
        assert hit.content == miss.content


def test_an_api_answer_is_kept_whole_and_a_cross_origin_request_still_gets_its_cors_headers(
    page_cache, seeded, chain_reached
):
    url = "/api/v2/libraries/?limit=5"
    miss = Client().get(url)
    assert "origin" in miss["Vary"].lower() and "Access-Control-Allow-Origin" not in miss
    chain_reached.clear()
    hit = Client().get(url)
    assert (hit["X-Page-Cache"], hit.content, chain_reached) == (
        "hit",
        miss.content,
        [],
    )  # the first middleware
    answer = Client().get(url, HTTP_ORIGIN="https://reader.example")
    assert answer["X-Page-Cache"] == "hit" and len(chain_reached) == 1  # through the chain, for CORS
    assert answer["Access-Control-Allow-Origin"] == "*"


def test_the_openapi_schema_is_kept_and_answers_any_accept(page_cache, db):
    first = Client().get("/api/schema/")
    second = Client().get("/api/schema/", HTTP_ACCEPT="application/json")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "accept" not in {part.strip() for part in first.get("Vary", "").lower().split(",")}
    assert json.loads(second.content)["openapi"].startswith("3.")


@pytest.mark.parametrize(
    "path", ["/ru/partnerships/libraries/", "/api/v2/libraries/?limit=5", "/sitemap.xml", "/api/schema/"]
)
def test_a_kept_copy_goes_gzipped_to_a_reader_whose_browser_accepts_it(page_cache, seeded, path):
    import gzip

    browser = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}
    plain = [Client().get(path) for _ in range(2)]
    packed = [Client().get(path, **browser) for _ in range(2)]
    # The encoding is part of the key: each kind of reader has its own copy.
    assert [response["X-Page-Cache"] for response in plain + packed] == ["miss", "hit", "miss", "hit"]
    assert all("Content-Encoding" not in response for response in [*plain, packed[0]])
    assert packed[1]["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed[1].content) == plain[1].content == plain[0].content == packed[0].content
    assert int(packed[1]["Content-Length"]) == len(packed[1].content) < len(plain[1].content) / 2
    # A shared cache in front keeps the two apart.
    for response in plain + packed:
        assert {"cookie", "accept-encoding"} <= {part.strip().lower() for part in response["Vary"].split(",")}


def test_a_copy_with_a_form_or_an_image_is_never_gzipped(page_cache, seeded):
    campaign = CampaignPage.objects.get(locale__language_code="ru")
    campaign.reports_after_end = True  # its participation form (a CSRF token) is open
    campaign.save(update_fields=["reports_after_end"])
    qr = campaign.url + "qr/png/"
    responses = [
        Client().get(path, HTTP_ACCEPT_ENCODING="gzip") for path in (campaign.url, campaign.url, qr, qr)
    ]
    assert [response["X-Page-Cache"] for response in responses] == ["miss", "hit", "miss", "hit"]
    for response in responses:
        assert response.status_code == 200 and "Content-Encoding" not in response
    # The form's copy carries the visitor's own token, put in where the kept copy has a hole.
    hit = responses[1]
    assert _token(hit.content.decode()) and b"\x00" not in hit.content
    assert responses[3]["Content-Type"] == "image/png"
