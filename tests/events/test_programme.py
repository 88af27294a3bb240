import datetime
import json
import re

import pytest

from django.db import connection

from events.blocks import Provider
from events.forms import ProgrammeFilterSet
from events.models import EventIndexPage, EventPage, EventParticipant
from home.models import HomePage
from tests.factories import (
    EventHallFactory,
    EventIndexPageFactory,
    EventPageFactory,
    day,
    event_with_sessions,
    session,
)
from tests.helpers import assert_filter_ignored, garbage_cases, main, rows_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """The events section and a forum, made once: the tests only read them."""
    with rows_for_the_module(django_db_blocker):
        index = EventIndexPageFactory(parent=HomePage.objects.get(locale__language_code="ru"))
        page = EventPageFactory(parent=index, title="Форум библиотек", slug="forum-bibliotek")
        for name in ("Горьковский зал", "Малый конференц-зал", "Мультимедийный зал"):
            EventHallFactory(page=page, name=name, locale=page.locale)
        page.programme = [
            day(
                "2030-05-20",
                [
                    session("Пленарное заседание", fmt="plenary", hall="Горьковский зал", start="10:00"),
                    session("Культурный код", track=1, hall="Горьковский зал"),
                    session("Лицом к людям", track=2, hall="Малый конференц-зал"),
                    session("Модельные библиотеки", track=3, hall="Мультимедийный зал", fmt="laboratory"),
                    session("Вторая сессия трека 1", track=1, hall="Горьковский зал"),
                ],
                title="Первый день",
            ),
            day("2030-05-21", [session("Экскурсия", fmt="excursion")], title="Второй день"),
        ]
        page.save_revision().publish()
        yield {"index": index.pk, "forum": page.pk}


@pytest.fixture
def events_index(db, shared):
    return EventIndexPage.objects.get(pk=shared["index"])


@pytest.fixture
def forum(db, shared):
    return EventPage.objects.get(pk=shared["forum"])


def session_titles(html):
    return re.findall(r'<h4 class="session__title">([^<]+)</h4>', html)


def test_parallel_tracks_sit_side_by_side(client, forum):
    html = client.get(forum.url).content.decode()
    # One grid with three track columns between the plenary and the next day.
    assert html.count('class="programme-tracks" style="--tracks: 3"') == 1
    grid = html.split('class="programme-tracks"', 1)[1].split('id="day-2030-05-21"', 1)[0]
    columns = grid.split('class="programme-track"')[1:]
    assert len(columns) == 3
    assert "Культурный код" in columns[0] and "Вторая сессия трека 1" in columns[0]
    assert "Лицом к людям" in columns[1]
    assert "Модельные библиотеки" in columns[2]
    assert "Пленарное заседание" not in grid
    assert session_titles(html) == [
        "Пленарное заседание",
        "Культурный код",
        "Вторая сессия трека 1",
        "Лицом к людям",
        "Модельные библиотеки",
        "Экскурсия",
    ]


def test_every_session_has_an_anchor_and_links(client, forum):
    html = client.get(forum.url).content.decode()
    programme = forum.get_programme()
    for item in programme.sessions:
        assert f'id="session-{item.id}"' in html
        assert f'href="http://testserver{forum.url}#session-{item.id}"' in html
        assert f'href="{forum.url}sessions/{item.id}/calendar/"' in html


def test_filter_by_track_and_hall_without_javascript(client, forum):
    html = client.get(forum.url, {"track": "1"}).content.decode()
    assert session_titles(html) == ["Культурный код", "Вторая сессия трека 1"]
    hall = forum.halls.get(name="Малый конференц-зал")
    html = client.get(forum.url, {"hall": str(hall.pk)}).content.decode()
    assert session_titles(html) == ["Лицом к людям"]
    html = client.get(forum.url, {"track": "2", "hall": str(hall.pk)}).content.decode()
    assert session_titles(html) == ["Лицом к людям"]
    html = client.get(forum.url, {"track": "3", "hall": str(hall.pk)}).content.decode()
    assert session_titles(html) == []
    assert 'class="programme-day"' not in html
    assert "Ни одна сессия не подходит под эти условия." in html


@pytest.mark.parametrize(
    "query", [{"track": "abc"}, {"track": "99"}, {"hall": "zzz"}, {"hall": "999999999"}, {"track": "-1"}]
)
def test_garbage_programme_filters_show_the_whole_programme(client, forum, query):
    response = client.get(forum.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(session_titles(html)) == 6
    assert 'class="notice"' in html


def test_provider_is_recognised_from_the_link():
    assert Provider.from_url("https://www.culture.ru/live/broadcast/91474/x") == Provider.CULTURE_RF
    assert Provider.from_url("https://vkvideo.ru/video-1_2") == Provider.VK_VIDEO
    assert Provider.from_url("https://vk.com/video-1_2") == Provider.VK_VIDEO
    assert Provider.from_url("https://rutube.ru/video/abc/") == Provider.RUTUBE
    assert Provider.from_url("https://youtu.be/abc") == Provider.YOUTUBE
    assert Provider.from_url("https://www.youtube.com/watch?v=abc") == Provider.YOUTUBE
    assert Provider.from_url("https://evilculture.ru/x") == ""
    assert Provider.from_url("not a url") == ""


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_json_ld_describes_the_event(client, events_index):
    page = EventPageFactory(
        parent=events_index,
        title="Форум </script><script>alert(1)</script>",
        start_date=datetime.date(2030, 5, 20),
        end_date=datetime.date(2030, 5, 21),
        start_time=datetime.time(10, 0),
        broadcast_platform="Культура.РФ",
    )
    EventParticipant.objects.create(
        page=page, role="organiser", name="Российская государственная библиотека", locale=page.locale
    )
    EventParticipant.objects.create(
        page=page, role="supporter", name="Минкультуры России", locale=page.locale
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == page.title
    assert data["startDate"] == "2030-05-20T10:00:00+03:00"
    assert data["endDate"] == "2030-05-21"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["organizer"] == [{"@type": "Organization", "name": "Российская государственная библиотека"}]
    assert data["sponsor"][0]["name"] == "Минкультуры России"
    assert data["location"][0]["@type"] == "Place"


def test_json_ld_offline_without_broadcast(client, events_index):
    page = EventPageFactory(parent=events_index)
    data = json_ld(client.get(page.url).content.decode())
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressLocality"] == "Рязань"


def count_queries(client, url):
    """Queries of one request, counted at the cursor (independent of the debug query log's size)."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200
    return len(statements), response


def test_event_page_queries_do_not_grow_with_sessions(client, events_index):
    small = event_with_sessions(events_index, 5, slug="small-forum")
    large = event_with_sessions(events_index, 200, slug="large-forum")
    client.get(small.url)  # warm caches shared by every page (site root paths, locales)
    small_count, small_response = count_queries(client, small.url)
    large_count, large_response = count_queries(client, large.url)
    assert large_response.content.decode().count('class="session"') == 200
    assert small_response.content.decode().count('class="session"') == 5
    assert small_count > 0
    assert small_count == large_count


@pytest.mark.parametrize("query, name", garbage_cases("track", "hall"))
def test_garbage_in_every_programme_filter_is_reported_and_ignored(client, forum, query, name):
    response = client.get(forum.url + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert_filter_ignored(html, ProgrammeFilterSet, name)
    assert len(session_titles(html)) == 6
    assert "<script>" not in main(html)


def test_valid_programme_filter_still_filters_beside_garbage(client, forum):
    html = client.get(forum.url + "?track=1&hall=%ff").content.decode()
    assert session_titles(html) == ["Культурный код", "Вторая сессия трека 1"]
    assert_filter_ignored(html, ProgrammeFilterSet, "hall")
    # A hall of another event is not one of this programme's halls.
    other = EventHallFactory(page=EventPageFactory(parent=forum.get_parent(), slug="other"), name="Чужой зал")
    html = client.get(forum.url, {"hall": str(other.pk), "track": "2"}).content.decode()
    assert session_titles(html) == ["Лицом к людям"]
    assert_filter_ignored(html, ProgrammeFilterSet, "hall")
