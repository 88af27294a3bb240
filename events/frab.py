"""The programme as a frab/pretalx schedule (schedule.xml and schedule.json), the format conference
apps read (Giggity, EventFahrplan, ConfClerk).

Built only from the programme API (``events.programme``: days, sessions, ``hall_name``, format), so
that a change of where sessions take place or how formats are kept stays in ``room_of`` and
``session_type`` below. Days → rooms → events; a room is the session's hall, or the event's venue
when the session names none.
"""

import datetime
import uuid
import xml.etree.ElementTree as ET

from anyascii import anyascii

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.dates import SITE_TIMEZONE

from .programme import DEFAULT_DURATION, Day, normalise

GENERATOR = "vmeste-silnee"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
# Stable guids of rooms and persons derive from names within this namespace.
NAMESPACE = uuid.UUID("5b0e8a52-3f43-4f0c-9f47-6b1c3d7e2a90")
TIMESLOT = "00:15"


def acronym(page):
    """The page slug as a frab acronym: lowercase Latin letters, digits and underscores, 4 or more."""
    text = "".join(ch if ch.isalnum() else "_" for ch in anyascii(page.slug).lower())
    text = "_".join(part for part in text.split("_") if part)
    return text if len(text) >= 4 else f"event_{text or page.pk}"


def room_of(page, session):
    """(name, guid) of the room a session takes place in (see Programme.room_of)."""
    name, key = page.get_programme().room_of(session)
    return name, uuid.uuid5(NAMESPACE, key)


def session_type(session):
    """The session's format, as the reader's language names it."""
    return session.format_label


def track_label(session):
    number = session.track_key
    if not number:
        return ""
    label = _("Track %(number)s") % {"number": number}
    name = session.value.get("track_name")
    return f"{label}: {name}" if name else label


def session_times(page, session):
    """(start, end) aware datetimes in Moscow time.

    A session without a start lasts the event's hours that day, or the whole day when the event
    gives none; a session without an end (or one before its start) lasts DEFAULT_DURATION.
    """
    if session.starts_at is not None:
        return session.starts_at, session.ends_at
    date = session.day.date
    start = datetime.datetime.combine(date, page.start_time or datetime.time(0, 0), tzinfo=SITE_TIMEZONE)
    if page.start_time is None:
        return start, start + datetime.timedelta(days=1)
    end = datetime.datetime.combine(date, page.end_time, tzinfo=SITE_TIMEZONE) if page.end_time else None
    return start, end if end is not None and end > start else start + DEFAULT_DURATION


def hh_mm(delta):
    minutes = int(delta.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _numeric_ids(sessions):
    """A positive integer per session, derived from its block id (stable across edits), unique."""
    used, ids = set(), {}
    for session in sessions:
        number = int(uuid.UUID(str(session.id)).hex[:7], 16) + 1
        while number in used:
            number += 1
        used.add(number)
        ids[session.id] = number
    return ids


def _person(name):
    return {"name": name, "guid": str(uuid.uuid5(NAMESPACE, f"person:{normalise(name)}"))}


def _links(session):
    links = []
    if session.value.get("broadcast_url"):
        links.append({"url": session.value["broadcast_url"], "title": _("Live broadcast"), "type": "media"})
    if session.value.get("recording_url"):
        links.append({"url": session.value["recording_url"], "title": _("Recording"), "type": "media"})
    return links


def schedule(page, request=None):
    """The schedule as the c3voc JSON schema describes it (a dict ready for json.dumps)."""
    programme = page.get_programme()
    page_url = page.get_full_url(request)
    code = acronym(page)
    source_language = Locale.get_default().language_code
    ids = _numeric_ids(programme.sessions)
    days, rooms, tracks = [], {}, {}
    programme_days = sorted(programme.days, key=lambda d: d.date)
    if not programme_days:
        # The format needs a day; an event without a programme has its dates, with no rooms.
        count = (page.last_date - page.start_date).days + 1
        programme_days = [
            Day(id="", date=page.start_date + datetime.timedelta(n), title="") for n in range(count)
        ]
    for index, day in enumerate(programme_days, start=1):
        day_rooms, bounds = {}, []
        for session in day.sessions:
            start, end = session_times(page, session)
            bounds += [start, end]
            room, room_guid = room_of(page, session)
            rooms.setdefault(room, room_guid)
            track = track_label(session)
            if track:
                tracks.setdefault(track, f"track-{session.track_key}")
            persons = list(dict.fromkeys(session.moderator_list + session.speaker_list))
            description = session.value.get("description") or ""
            day_rooms.setdefault(room, []).append(
                {
                    "guid": str(session.id),
                    "id": ids[session.id],
                    "date": start.isoformat(),
                    "start": f"{start:%H:%M}",
                    "end": end.isoformat(),
                    "duration": hh_mm(end - start),
                    "room": room,
                    "slug": f"{code}-{session.code}",
                    "url": f"{page_url}#{session.anchor}",
                    "title": session.value.get("title") or "",
                    "subtitle": "",
                    "track": track or None,
                    "type": session_type(session),
                    # Sessions are held in the language of the event's source page.
                    "language": source_language,
                    "abstract": description,
                    "description": description,
                    "persons": [_person(name) for name in persons],
                    "links": _links(session),
                }
            )
        if bounds:
            day_start, day_end = min(bounds), max(bounds)
        else:
            day_start = datetime.datetime.combine(day.date, datetime.time(0, 0), tzinfo=SITE_TIMEZONE)
            day_end = day_start + datetime.timedelta(days=1)
        days.append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": day_start.isoformat(),
                "day_end": day_end.isoformat(),
                "rooms": day_rooms,
            }
        )
    published = page.last_published_at or timezone.now()
    conference = {
        "acronym": code,
        "title": page.title,
        "start": page.start_date.isoformat(),
        "end": page.last_date.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": str(SITE_TIMEZONE),
        "url": page_url,
        "tracks": [{"name": name, "slug": slug} for name, slug in tracks.items()],
        "rooms": [{"name": name, "guid": str(guid)} for name, guid in rooms.items()],
        "days": days,
    }
    if page.get_meta_description():
        conference["description"] = page.get_meta_description()
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": GENERATOR, "version": "1"},
        "schedule": {
            "version": timezone.localtime(published, SITE_TIMEZONE).strftime("%Y-%m-%d %H:%M"),
            "base_url": page_url,
            "conference": conference,
        },
    }


def _add(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key: str(value) for key, value in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def schedule_xml(data, url=""):
    """The same schedule as schedule.xml (the c3voc XSD)."""
    info = data["schedule"]
    conf = info["conference"]
    root = ET.Element("schedule")
    _add(root, "generator", name=data["generator"]["name"], version=data["generator"]["version"])
    if url:
        _add(root, "url", url)
    _add(root, "version", info["version"])
    conference = _add(root, "conference")
    _add(conference, "title", conf["title"])
    _add(conference, "acronym", conf["acronym"])
    _add(conference, "start", conf["start"])
    _add(conference, "end", conf["end"])
    _add(conference, "days", conf["daysCount"])
    _add(conference, "timeslot_duration", conf["timeslot_duration"])
    _add(conference, "base_url", info["base_url"])
    _add(conference, "url", conf["url"])
    _add(conference, "time_zone_name", conf["time_zone_name"])
    for track in conf["tracks"]:
        _add(conference, "track", name=track["name"], slug=track["slug"])
    room_guids = {room["name"]: room["guid"] for room in conf["rooms"]}
    for day in conf["days"]:
        day_element = _add(
            root, "day", index=day["index"], date=day["date"], start=day["day_start"], end=day["day_end"]
        )
        for room_name, events in day["rooms"].items():
            room = _add(day_element, "room", name=room_name, guid=room_guids[room_name])
            for event in events:
                item = _add(room, "event", id=event["id"], guid=event["guid"])
                _add(item, "room", event["room"])
                _add(item, "title", event["title"])
                _add(item, "subtitle", event["subtitle"])
                _add(item, "type", event["type"])
                _add(item, "date", event["date"])
                _add(item, "start", event["start"])
                _add(item, "duration", event["duration"])
                _add(item, "abstract", event["abstract"])
                _add(item, "slug", event["slug"])
                _add(item, "track", event["track"] or "")
                _add(item, "language", event["language"])
                _add(item, "description", event["description"])
                persons = _add(item, "persons")
                for person in event["persons"]:
                    _add(persons, "person", person["name"], guid=person["guid"])
                links = _add(item, "links")
                for link in event["links"]:
                    _add(links, "link", link["title"], href=link["url"], type=link["type"])
                _add(item, "url", event["url"])
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def response(body, content_type, filename):
    result = HttpResponse(body, content_type=content_type)
    result["Content-Disposition"] = content_disposition_header(False, filename)
    return result
