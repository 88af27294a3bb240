"""The frab schedule export, validated against the c3voc schemas (XML Schema and JSON Schema)."""

import datetime
import json
import re
import uuid
from urllib.parse import urlsplit

import pytest
from lxml import etree

from events.models import EventPage
from tests.factories import EventHallFactory, EventPageFactory, day, session

pytestmark = pytest.mark.django_db


def validate_xml(schema, content):
    document = etree.fromstring(content)
    if not schema.validate(document):
        pytest.fail("\n".join(str(error) for error in schema.error_log))
    return document


def validate_json(validator, content):
    data = json.loads(content)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        pytest.fail("\n".join(f"{list(e.path)}: {e.message}" for e in errors))
    # Formats jsonschema leaves unchecked without optional packages: read them with real parsers.
    for schedule_day in data["schedule"]["conference"]["days"]:
        datetime.date.fromisoformat(schedule_day["date"])
        assert datetime.datetime.fromisoformat(schedule_day["day_start"]).utcoffset() is not None
        assert datetime.datetime.fromisoformat(schedule_day["day_end"]) >= datetime.datetime.fromisoformat(
            schedule_day["day_start"]
        )
        for events in schedule_day["rooms"].values():
            for event in events:
                uuid.UUID(event["guid"])
                assert datetime.datetime.fromisoformat(event["date"]).utcoffset() is not None
                assert urlsplit(event["url"]).scheme in ("http", "https")
                for person in event["persons"]:
                    uuid.UUID(person["guid"])
    for room in data["schedule"]["conference"]["rooms"]:
        uuid.UUID(room["guid"])
    return data


@pytest.fixture
def forum(events_index):
    page = EventPageFactory(
        parent=events_index,
        slug="frab-forum",
        title="Форум «Библиотеки & цифра» <2030>",
        start_date=datetime.date(2030, 5, 20),
        end_date=datetime.date(2030, 5, 21),
        venue_name="Рязанская областная библиотека",
    )
    EventHallFactory(page=page, name="Горьковский зал", locale=page.locale)
    EventHallFactory(page=page, name="Малый зал", locale=page.locale)
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
                    moderators="Иванова Е.А.",
                    speakers="Петров П.П.\nСидорова С.С.",
                    description="О национальном проекте",
                    broadcast_url="https://vkvideo.ru/video-1_2",
                    recording_url="https://www.culture.ru/live/broadcast/91474/",
                ),
                session("Трек первый", track=1, hall="Малый зал", start="14:00"),
                session("Трек второй", track=2, hall="Горьковский зал", start="14:00", end="15:30"),
            ],
        ),
        day("2030-05-21", [session("Экскурсия", fmt="excursion")]),
    ]
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def test_json_is_valid_and_carries_days_rooms_and_sessions(client, forum, json_validator):
    response = client.get(forum.url + "schedule/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = validate_json(json_validator, response.content)
    conference = data["schedule"]["conference"]
    assert conference["acronym"] == "frab_forum"
    assert conference["title"] == forum.title
    assert conference["start"] == "2030-05-20" and conference["end"] == "2030-05-21"
    assert conference["daysCount"] == 2
    assert conference["time_zone_name"] == "Europe/Moscow"
    first, second = conference["days"]
    assert list(first["rooms"]) == ["Горьковский зал", "Малый зал"]
    expert, second_track = first["rooms"]["Горьковский зал"]
    assert expert["title"] == "Экспертная сессия"
    assert expert["date"] == "2030-05-20T10:00:00+03:00"
    assert expert["start"] == "10:00" and expert["duration"] == "02:30"
    assert expert["type"] == "Экспертная сессия"
    assert expert["track"] is None
    assert expert["language"] == "ru"
    assert [p["name"] for p in expert["persons"]] == ["Иванова Е.А.", "Петров П.П.", "Сидорова С.С."]
    assert {link["url"] for link in expert["links"]} == {
        "https://vkvideo.ru/video-1_2",
        "https://www.culture.ru/live/broadcast/91474/",
    }
    assert expert["url"].endswith(f"{forum.url}#session-{expert['guid']}")
    assert second_track["track"] == "Трек 2: Трек 2"
    # A start without an end: one hour.
    (first_track,) = first["rooms"]["Малый зал"]
    assert first_track["duration"] == "01:00"
    # No hall: the event's venue; no times: the whole day.
    (excursion,) = second["rooms"]["Рязанская областная библиотека"]
    assert excursion["date"] == "2030-05-21T00:00:00+03:00" and excursion["duration"] == "24:00"
    assert second["day_start"] == "2030-05-21T00:00:00+03:00"
    assert second["day_end"] == "2030-05-22T00:00:00+03:00"
    assert first["day_start"] == "2030-05-20T10:00:00+03:00"
    assert first["day_end"] == "2030-05-20T15:30:00+03:00"
    assert {track["slug"] for track in conference["tracks"]} == {"track-1", "track-2"}


def test_xml_is_valid_against_the_xsd_and_matches_the_json(client, forum, xml_schema):
    response = client.get(forum.url + "schedule/xml/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    document = validate_xml(xml_schema, response.content)
    assert document.findtext("conference/title") == forum.title  # markup characters escaped, not lost
    days = document.findall("day")
    assert [d.get("date") for d in days] == ["2030-05-20", "2030-05-21"]
    assert [room.get("name") for room in days[0].findall("room")] == ["Горьковский зал", "Малый зал"]
    expert = days[0].find("room/event")
    assert expert.findtext("title") == "Экспертная сессия"
    assert expert.findtext("start") == "10:00" and expert.findtext("duration") == "02:30"
    assert [p.text for p in expert.findall("persons/person")] == [
        "Иванова Е.А.",
        "Петров П.П.",
        "Сидорова С.С.",
    ]
    assert [link.get("href") for link in expert.findall("links/link")] == [
        "https://vkvideo.ru/video-1_2",
        "https://www.culture.ru/live/broadcast/91474/",
    ]
    data = json.loads(client.get(forum.url + "schedule/json/").content)
    json_guids = [
        event["guid"]
        for d in data["schedule"]["conference"]["days"]
        for events in d["rooms"].values()
        for event in events
    ]
    assert [event.get("guid") for event in document.iter("event")] == json_guids


def test_guids_and_ids_stay_the_same_after_an_edit(client, forum):
    before = json.loads(client.get(forum.url + "schedule/json/").content)
    page = EventPage.objects.get(pk=forum.pk)
    programme = page.programme.get_prep_value()
    programme[0]["value"]["sessions"][0]["value"]["title"] = "Экспертная сессия (новое название)"
    programme[0]["value"]["sessions"].insert(0, session("Открытие", start="09:00", end="09:30"))
    page.programme = programme
    page.save_revision().publish()
    after = json.loads(client.get(forum.url + "schedule/json/").content)

    def by_guid(data):
        return {
            event["guid"]: event
            for d in data["schedule"]["conference"]["days"]
            for events in d["rooms"].values()
            for event in events
        }

    old, new = by_guid(before), by_guid(after)
    assert set(old) < set(new)
    for guid, event in old.items():
        assert new[guid]["id"] == event["id"]
        assert new[guid]["slug"] == event["slug"]
    renamed = [e for e in new.values() if e["title"] == "Экспертная сессия (новое название)"]
    assert renamed and renamed[0]["guid"] in old


def test_an_event_without_a_programme_still_validates(client, events_index, xml_schema, json_validator):
    page = EventPageFactory(parent=events_index, slug="ev", start_date=datetime.date(2030, 1, 1))
    validate_xml(xml_schema, client.get(page.url + "schedule/xml/").content)
    data = validate_json(json_validator, client.get(page.url + "schedule/json/").content)
    # A slug shorter than an acronym may be is lengthened.
    assert data["schedule"]["conference"]["acronym"] == "event_ev"
    (only_day,) = data["schedule"]["conference"]["days"]
    assert only_day["date"] == "2030-01-01" and only_day["rooms"] == {}


@pytest.mark.parametrize("language", ["ru", "en"])
def test_seeded_ryazan_forum_validates_in_its_languages(client, seeded, language, xml_schema, json_validator):
    page = EventPage.objects.get(slug__in=["ryazan-forum-2024"], locale__language_code=language)
    data = validate_json(json_validator, client.get(page.url + "schedule/json/").content)
    validate_xml(xml_schema, client.get(page.url + "schedule/xml/").content)
    days = data["schedule"]["conference"]["days"]
    assert [d["date"] for d in days] == ["2024-04-17", "2024-04-18"]
    events = [e for d in days for room in d["rooms"].values() for e in room]
    assert len(events) == 5
    recordings = [link["url"] for e in events for link in e["links"]]
    assert len(recordings) == 4 and all(url.startswith("https://www.culture.ru/") for url in recordings)
    if language == "en":
        assert events[0]["title"].startswith("Central expert session")
        assert events[0]["type"] == "Expert session"
    else:
        assert events[0]["title"].startswith("Центральная экспертная сессия")


def test_event_page_links_the_schedule(client, forum):
    html = client.get(forum.url).content.decode()
    heads = re.findall(
        r'<link rel="alternate" type="application/(xml|json)" title="[^"]+" href="([^"]+)">', html
    )
    assert (("xml", f"{forum.url}schedule/xml/") in heads) and (
        ("json", f"{forum.url}schedule/json/") in heads
    )
    # Visible links too, for people who pass them to their app.
    assert html.count(f'href="{forum.url}schedule/xml/"') == 2
