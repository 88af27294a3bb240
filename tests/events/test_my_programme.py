"""The personal programme without an account: stars by plain forms, the choice in a cookie or the URL,
its calendar, and «now / next» per hall computed in Moscow time."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.test import Client

from events import programme as programme_module
from events.models import EventIndexPage, EventPage
from events.personal import cookie_name
from home.models import HomePage
from tests.events.helpers import star_buttons, star_url
from tests.factories import EventHallFactory, EventIndexPageFactory, EventPageFactory, day, session
from tests.helpers import rows_for_the_module

pytestmark = pytest.mark.django_db
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    """The events section and a two-day forum, made once; each test's changes are rolled back."""
    with rows_for_the_module(django_db_blocker):
        index = EventIndexPageFactory(parent=HomePage.objects.get(locale__language_code="ru"))
        page = EventPageFactory(
            parent=index,
            slug="my-forum",
            start_date=datetime.date(2030, 5, 20),
            end_date=datetime.date(2030, 5, 21),
        )
        EventHallFactory(page=page, name="Горьковский зал", locale=page.locale)
        EventHallFactory(page=page, name="Малый зал", locale=page.locale)
        page.programme = [
            day(
                "2030-05-20",
                [
                    session("Открытие", hall="Горьковский зал", start="10:00", end="11:00"),
                    session("Секция А", track=1, hall="Горьковский зал", start="11:30", end="13:00"),
                    session("Секция Б", track=2, hall="Малый зал", start="11:30"),
                    session("Вечер", hall="Горьковский зал", start="18:00", end="20:00"),
                ],
            ),
            day("2030-05-21", [session("Экскурсия", fmt="excursion")]),
        ]
        page.save_revision().publish()
        yield {"index": index.pk, "forum": page.pk}


@pytest.fixture
def events_index(db, shared):
    return EventIndexPage.objects.get(pk=shared["index"])


@pytest.fixture
def forum(db, shared):
    return EventPage.objects.get(pk=shared["forum"])


def sessions(page):
    return {s.title: s for s in page.get_programme().sessions}


def test_star_without_javascript_then_see_my_programme_and_remove(client, forum):
    opening = sessions(forum)["Открытие"]
    html = client.get(forum.url).content.decode()
    assert star_buttons(html)[opening.code] == "add"
    assert f'action="{star_url(forum)}"' in html

    response = client.post(
        star_url(forum), {"session": opening.code, "action": "add", "next": f"{forum.url}#{opening.anchor}"}
    )
    assert response.status_code == 303
    assert response["Location"] == f"{forum.url}#{opening.anchor}"
    assert client.cookies[cookie_name(forum)].value == opening.code

    html = client.get(forum.url).content.decode()
    assert star_buttons(html)[opening.code] == "remove"
    assert '<span data-my-programme-count aria-live="polite">1</span>' in html

    mine = client.get(forum.url + "my/").content.decode()
    assert "Открытие" in mine and "Секция А" not in mine
    assert f"my/calendar/?s={opening.code}" in mine
    assert re.search(rf"webcal://[a-z.]+{forum.url}my/calendar/\?s={opening.code}", mine)

    response = client.post(
        star_url(forum), {"session": opening.code, "action": "remove", "next": forum.url + "my/"}
    )
    assert response.status_code == 303
    assert client.cookies[cookie_name(forum)].value == ""
    assert "Открытие" not in client.get(forum.url + "my/").content.decode().split("<main", 1)[1]


def test_selection_keeps_programme_order_and_drops_unknown_codes(client, forum):
    by_title = sessions(forum)
    for title in ("Вечер", "Открытие"):
        client.post(star_url(forum), {"session": by_title[title].code, "action": "add"})
    assert client.cookies[cookie_name(forum)].value == f"{by_title['Открытие'].code}.{by_title['Вечер'].code}"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
)
def test_a_star_sent_from_another_site_is_refused(forum, headers):
    """No CSRF token on the page: the browser's own Origin and Sec-Fetch-Site headers guard the form."""
    browser = Client(enforce_csrf_checks=True)
    code = sessions(forum)["Открытие"].code
    response = browser.post(star_url(forum), {"session": code, "action": "add"}, **headers)
    assert response.status_code == 403
    assert "только со страниц" in response.content.decode()
    assert cookie_name(forum) not in response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},  # no browser: nobody's cookies to misuse
    ],
)
def test_a_star_from_the_sites_own_page_needs_no_token(forum, headers):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(forum.url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    code = sessions(forum)["Открытие"].code
    response = browser.post(star_url(forum), {"session": code, "action": "add"}, **headers)
    assert response.status_code == 303
    assert browser.cookies[cookie_name(forum)].value == code


def test_the_star_address_takes_posts_of_live_events_only(client, forum):
    code = sessions(forum)["Открытие"].code
    refused = client.get(star_url(forum))
    assert refused.status_code == 405 and refused["Allow"] == "POST"
    assert "не принимает" in refused.content.decode()
    assert client.post(forum.url + "my/", {"session": code, "action": "add"}).status_code == 405
    forum.unpublish()
    assert client.post(star_url(forum), {"session": code, "action": "add"}).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"session": "deadbeef", "action": "add"},
        {"session": "", "action": "add"},
        {"action": "add"},
        {"session": "zz\x00", "action": "add"},
    ],
)
def test_a_bad_star_request_gets_a_400_with_a_message(client, forum, data):
    response = client.post(star_url(forum), data)
    assert response.status_code == 400
    assert "в программе" in response.content.decode()


def test_bad_action_is_refused_and_off_site_next_is_ignored(client, forum):
    code = sessions(forum)["Открытие"].code
    assert client.post(star_url(forum), {"session": code, "action": "delete-all"}).status_code == 400
    response = client.post(
        star_url(forum), {"session": code, "action": "add", "next": "https://evil.example/"}
    )
    assert response.status_code == 303 and response["Location"] == forum.url


def test_the_url_carries_the_choice_and_the_calendar_subscribes_to_it(client, forum):
    by_title = sessions(forum)
    codes = f"{by_title['Секция Б'].code}.{by_title['Экскурсия'].code}"
    mine = client.get(forum.url + f"my/?s={codes}").content.decode()
    assert "Секция Б" in mine and "Экскурсия" in mine and "Открытие" not in mine.split("<main", 1)[1]
    # A shared selection is not the reader's own yet: nothing is stored by looking at it.
    assert cookie_name(forum) not in client.cookies

    response = client.get(forum.url + f"my/calendar/?s={codes}")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Секция Б", "Экскурсия"]
    assert events[0].decoded("DTSTART") == datetime.datetime(2030, 5, 20, 11, 30, tzinfo=MOSCOW)
    assert events[1].decoded("DTSTART") == datetime.date(2030, 5, 21)
    # A session that has since left the programme is skipped, not an error.
    response = client.get(forum.url + f"my/calendar/?s={codes}.0badc0de")
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 2


@pytest.mark.parametrize("value", ["<script>", "x" * 5000, "1%00", "%ff"])
def test_garbage_in_the_url_gives_a_notice_or_a_clear_400(client, forum, value):
    page = client.get(forum.url + f"my/?s={value}")
    assert page.status_code == 200
    assert 'class="notice" role="status"' in page.content.decode()
    calendar = client.get(forum.url + f"my/calendar/?s={value}")
    assert calendar.status_code == 400
    assert calendar["Content-Type"].startswith("text/plain")


def test_now_and_next_per_hall_in_moscow_time(forum):
    programme = forum.get_programme()
    # 08:45 UTC is 11:45 in Moscow.
    rows = programme.now_and_next(datetime.datetime(2030, 5, 20, 8, 45, tzinfo=datetime.UTC))
    by_room = {row["room"]: row for row in rows}
    assert [s.title for s in by_room["Горьковский зал"]["now"]] == ["Секция А"]
    assert by_room["Горьковский зал"]["next"].title == "Вечер"
    # No end time: an hour from its start.
    assert [s.title for s in by_room["Малый зал"]["now"]] == ["Секция Б"]
    assert by_room["Малый зал"]["next"] is None
    # Between sessions: nothing now, the next one announced.
    rows = programme.now_and_next(datetime.datetime(2030, 5, 20, 14, 0, tzinfo=MOSCOW))
    assert [(row["room"], row["now"], row["next"].title) for row in rows] == [
        ("Горьковский зал", [], "Вечер")
    ]
    # Another day, or after the last session: nothing.
    assert programme.now_and_next(datetime.datetime(2030, 5, 20, 21, 0, tzinfo=MOSCOW)) == []
    assert programme.now_and_next(datetime.datetime(2030, 5, 22, 12, 0, tzinfo=MOSCOW)) == []


def test_event_page_shows_now_and_next_while_it_runs(client, forum, monkeypatch):
    monkeypatch.setattr(
        programme_module, "site_now", lambda: datetime.datetime(2030, 5, 20, 10, 15, tzinfo=MOSCOW)
    )
    html = client.get(forum.url).content.decode()
    block = html.split('<section class="now-next"', 1)[1].split("</section>", 1)[0]
    assert '<time datetime="2030-05-20T10:15:00+03:00">10:15</time>' in block
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", block, re.S)
    assert [(room, re.sub(r"<[^>]+>", "", now), re.sub(r"<[^>]+>", "", nxt)) for room, now, nxt in rows] == [
        ("Горьковский зал", "Открытие (до 11:00)", "11:30 Секция А"),
        ("Малый зал", "—", "11:30 Секция Б"),
    ]
    # Before the event, no such block.
    monkeypatch.setattr(
        programme_module, "site_now", lambda: datetime.datetime(2030, 5, 19, 10, 15, tzinfo=MOSCOW)
    )
    assert 'class="now-next"' not in client.get(forum.url).content.decode()
