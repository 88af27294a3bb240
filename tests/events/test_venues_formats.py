"""Venues with halls and editable session formats: the event page, JSON-LD, .ics and frab read them."""

import datetime
import json
import re

import icalendar
import pytest

from wagtail.models import Locale

from events.models import EventPage
from tests.events.test_frab import validate_json, validate_xml
from tests.factories import (
    EventHallFactory,
    EventPageFactory,
    EventVenueFactory,
    SessionFormatFactory,
    VenueFactory,
    day,
    session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_venue_forum(events_index):
    lecture = SessionFormatFactory(code="lecture", name="Лекция")
    round_table = SessionFormatFactory(code="round_table", name="Круглый стол")
    english = Locale.objects.get(language_code="en")
    translated = lecture.copy_for_translation(english)
    translated.name = "Lecture"
    translated.save()
    library = VenueFactory(name="Областная библиотека", address="ул. Ленина, 52", city="Рязань")
    museum = VenueFactory(name="Музей-заповедник", address="Кремль, 15", city="Рязань")
    page = EventPageFactory(
        parent=events_index,
        slug="two-venues",
        start_date=datetime.date(2030, 6, 1),
        end_date=datetime.date(2030, 6, 3),
        venue_name="",
        city="Рязань",
    )
    EventVenueFactory(page=page, venue=library, locale=page.locale, sort_order=0)
    EventVenueFactory(page=page, venue=museum, locale=page.locale, sort_order=1)
    EventHallFactory(page=page, name="Большой зал", venue=library, locale=page.locale)
    EventHallFactory(page=page, name="Большой зал музея", venue=museum, locale=page.locale)
    page.programme = [
        day("2030-06-01", [session("Открытие", fmt="lecture", hall="Большой зал", start="10:00")]),
        day("2030-06-03", [session("Итоги", fmt="round_table", hall="Большой зал музея", start="12:00")]),
    ]
    page.save_revision().publish()
    return {"page": EventPage.objects.get(pk=page.pk), "formats": (lecture, round_table)}


def event_json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return next(d for d in map(json.loads, blocks) if d.get("@type") == "Event")


def test_page_and_json_ld_show_every_venue_with_its_address(client, two_venue_forum):
    html = client.get(two_venue_forum["page"].url).content.decode()
    assert re.findall(r'class="event-venue">([^<]+)<', html) == [
        "Областная библиотека, ул. Ленина, 52, Рязань",
        "Музей-заповедник, Кремль, 15, Рязань",
    ]
    assert "Большой зал (Областная библиотека)" in html and "Круглый стол" in html
    places = event_json_ld(html)["location"]
    assert [place["name"] for place in places] == ["Областная библиотека", "Музей-заповедник"]
    assert places[1]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Кремль, 15",
        "addressLocality": "Рязань",
        "addressCountry": "RU",
    }


def test_json_ld_never_has_a_place_without_a_name(client, events_index):
    page = EventPageFactory(parent=events_index, venue_name="", city="")
    data = event_json_ld(client.get(page.url).content.decode())
    assert "location" not in data


def test_ics_location_names_the_hall_and_its_venue(client, two_venue_forum):
    page = two_venue_forum["page"]
    calendar = icalendar.Calendar.from_ical(client.get(page.url + "calendar/").content)
    locations = {str(e["SUMMARY"]): str(e["LOCATION"]) for e in calendar.walk("VEVENT")}
    assert locations["Итоги"] == "Большой зал музея, Музей-заповедник, Кремль, 15, Рязань"


def test_frab_rooms_are_halls_with_their_venue_and_type_is_the_format(
    client,
    two_venue_forum,
    json_validator,
    xml_schema,
):
    page = two_venue_forum["page"]
    data = validate_json(json_validator, client.get(page.url + "schedule/json/").content)
    rooms = [room["name"] for room in data["schedule"]["conference"]["rooms"]]
    assert rooms == ["Большой зал (Областная библиотека)", "Большой зал музея (Музей-заповедник)"]
    events = [e for d in data["schedule"]["conference"]["days"] for r in d["rooms"].values() for e in r]
    assert [e["type"] for e in events] == ["Лекция", "Круглый стол"]
    document = validate_xml(xml_schema, client.get(page.url + "schedule/xml/").content)
    assert document.xpath("//event/type/text()") == ["Лекция", "Круглый стол"]


def test_format_names_follow_the_reader_and_drafts_stay_hidden(client, two_venue_forum, home_page):
    from events.blocks import format_choices

    page = two_venue_forum["page"]
    lecture, round_table = two_venue_forum["formats"]
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    # Translated format in English, the untranslated one in Russian rather than nothing.
    assert "Lecture" in html and "Круглый стол" in html
    round_table.name = "Круглый стол (черновик)"
    round_table.save_revision()  # a draft: readers keep the published name
    assert "Круглый стол (черновик)" not in client.get(page.url).content.decode()
    assert ("round_table", "Круглый стол") in format_choices()
