import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.utils import timezone

from tests.factories import EventHallFactory, EventPageFactory, day, session

pytestmark = pytest.mark.django_db
MOSCOW = ZoneInfo("Europe/Moscow")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def forum(events_index):
    page = EventPageFactory(
        parent=events_index,
        slug="calendar-forum",
        start_date=datetime.date(2030, 5, 20),
        end_date=datetime.date(2030, 5, 21),
        venue_name="Рязанская областная библиотека",
    )
    EventHallFactory(page=page, name="Горьковский зал", locale=page.locale)
    page.programme = [
        day(
            "2030-05-20",
            [
                session(
                    "Экспертная сессия",
                    fmt="expert_session",
                    hall="Горьковский зал",
                    start="10:00",
                    end="12:30",
                    broadcast_url="https://vkvideo.ru/video-1_2",
                ),
                session("Без конца", start="14:00"),
                session("Экскурсия", fmt="excursion"),
            ],
        ),
        day("2030-05-21", [session("Культурная программа", fmt="cultural")]),
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_whole_event_export_has_a_vevent_per_session(client, forum):
    cal = parse(client.get(forum.url + "calendar/"))
    events = cal.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Экспертная сессия",
        "Без конца",
        "Экскурсия",
        "Культурная программа",
    ]
    timed = events[0]
    start = timed.decoded("DTSTART")
    assert start == datetime.datetime(2030, 5, 20, 10, 0, tzinfo=MOSCOW)
    assert timed["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert timed.decoded("DTEND") == datetime.datetime(2030, 5, 20, 12, 30, tzinfo=MOSCOW)
    assert timed["LOCATION"] == "Горьковский зал, Рязанская областная библиотека, Рязань"
    assert "https://vkvideo.ru/video-1_2" in timed["DESCRIPTION"]
    assert str(timed["URL"]).endswith(f"{forum.url}#session-{forum.get_programme().sessions[0].id}")
    # No end time: a start only, no crash.
    assert "DTEND" not in events[1]
    assert events[1].decoded("DTSTART") == datetime.datetime(2030, 5, 20, 14, 0, tzinfo=MOSCOW)
    # No times at all: an all-day event on the session's day.
    assert events[2].decoded("DTSTART") == datetime.date(2030, 5, 20)
    assert events[2].decoded("DTEND") == datetime.date(2030, 5, 21)
    assert events[3].decoded("DTSTART") == datetime.date(2030, 5, 21)
    # The time zone is described in the file itself.
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Moscow"]
    assert len({str(e["UID"]) for e in events}) == 4


def test_one_session_export(client, forum):
    target = forum.get_programme().sessions[0]
    response = client.get(f"{forum.url}sessions/{target.id}/calendar/")
    cal = parse(response)
    assert f"session-{target.id}" in response["Content-Disposition"]
    (event,) = cal.walk("VEVENT")
    assert event["SUMMARY"] == "Экспертная сессия"
    assert event["DTSTART"].params["TZID"] == "Europe/Moscow"


def test_unknown_session_is_404(client, forum):
    assert (
        client.get(f"{forum.url}sessions/00000000-0000-0000-0000-000000000000/calendar/").status_code == 404
    )
    assert client.get(f"{forum.url}sessions/not-a-uuid/calendar/").status_code == 404


def test_event_without_sessions_exports_itself(client, events_index):
    page = EventPageFactory(
        parent=events_index,
        slug="no-sessions",
        start_date=datetime.date(2030, 11, 28),
        end_date=datetime.date(2030, 11, 29),
    )
    (event,) = parse(client.get(page.url + "calendar/")).walk("VEVENT")
    assert event["SUMMARY"] == page.title
    assert event.decoded("DTSTART") == datetime.date(2030, 11, 28)
    # DTEND of an all-day event is exclusive: the day after the last one.
    assert event.decoded("DTEND") == datetime.date(2030, 11, 30)


def test_event_with_times_but_no_end_date(client, events_index):
    page = EventPageFactory(
        parent=events_index, slug="one-day", start_time=datetime.time(11, 0), end_time=datetime.time(9, 0)
    )
    (event,) = parse(client.get(page.url + "calendar/")).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.datetime(2030, 5, 20, 11, 0, tzinfo=MOSCOW)
    # An end before the start is dropped rather than exported as nonsense.
    assert "DTEND" not in event


@pytest.mark.usefixtures("seeded")
def test_upcoming_feed_lists_only_upcoming_and_running_events(client, events_index):
    today = timezone.localdate()
    EventPageFactory(
        parent=events_index,
        slug="running",
        title="Идёт сейчас",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
    )
    EventPageFactory(
        parent=events_index, slug="future", title="Будет", start_date=today + datetime.timedelta(days=30)
    )
    EventPageFactory(
        parent=events_index, slug="gone", title="Прошло", start_date=today - datetime.timedelta(days=3)
    )
    cal = parse(client.get(events_index.url + "calendar/"))
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert summaries == ["Идёт сейчас", "Будет"]
    # The seeded 2023 and 2024 events are over and not in the feed.
    assert not any("Рязан" in s or "совещание" in s for s in summaries)


@pytest.mark.usefixtures("seeded")
def test_seeded_forum_exports_all_day_sessions(client):
    from events.models import EventPage

    page = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code="ru")
    events = parse(client.get(page.url + "calendar/")).walk("VEVENT")
    assert len(events) == 5
    assert [e.decoded("DTSTART") for e in events] == [datetime.date(2024, 4, 17)] * 4 + [
        datetime.date(2024, 4, 18)
    ]
    assert all("culture.ru" in e["DESCRIPTION"] for e in events[:4])
