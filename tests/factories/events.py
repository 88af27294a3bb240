import datetime
import uuid

import factory
import wagtail_factories

from wagtail.models import Locale

from events.models import EventHall, EventIndexPage, EventPage, EventVenue, SessionFormat, Venue


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "События"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Форум {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    kind = "forum"
    start_date = datetime.date(2030, 5, 20)
    city = "Рязань"
    venue_name = "Областная библиотека"

    class Meta:
        model = EventPage


class EventHallFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Зал {n}")

    class Meta:
        model = EventHall


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Библиотека {n}")
    address = factory.Sequence(lambda n: f"ул. Ленина, {n}")
    city = "Рязань"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))

    class Meta:
        model = Venue


class EventVenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventVenue


class SessionFormatFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"format-{n}")
    name = factory.Sequence(lambda n: f"Формат {n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="ru"))

    class Meta:
        model = SessionFormat


def session(title, *, track=None, hall="", start=None, end=None, fmt="seminar", **extra):
    value = {
        "title": title,
        "format": fmt,
        "track_number": track,
        "track_name": f"Трек {track}" if track else "",
        "hall": hall,
        "start_time": start,
        "end_time": end,
        "moderators": "",
        "speakers": "",
        "description": "",
        "broadcast_url": "",
        "recording_url": "",
        "provider": "",
    }
    value.update(extra)
    return {"type": "session", "id": str(uuid.uuid4()), "value": value}


def day(date, sessions, title=""):
    return {
        "type": "day",
        "id": str(uuid.uuid4()),
        "value": {"date": date, "title": title, "sessions": sessions},
    }


def event_with_sessions(parent, count, **kwargs):
    """An event whose first day holds `count` sessions spread over three halls and tracks."""
    page = EventPageFactory(parent=parent, **kwargs)
    halls = [EventHallFactory(page=page, name=f"Зал {n}", locale=page.locale) for n in range(3)]
    sessions = [
        session(f"Сессия {n}", track=n % 3 + 1, hall=halls[n % 3].name, start="10:00", end="11:30")
        for n in range(count)
    ]
    page.programme = [day("2030-05-20", sessions)]
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)
