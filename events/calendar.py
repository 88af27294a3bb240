"""iCalendar export: a whole event (a VEVENT per session), one session, or all upcoming events."""

import datetime

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from core.dates import SITE_TIMEZONE

PRODID = "-//Vmeste silnee//Events//RU"


def new_calendar(name=None):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(SITE_TIMEZONE))
    return cal


def _set_times(vevent, start_date, end_date, start_time, end_time):
    """Timed when a start time is known, all-day otherwise; a missing end is tolerated."""
    end_date = end_date or start_date
    if start_time:
        vevent.add("dtstart", datetime.datetime.combine(start_date, start_time, tzinfo=SITE_TIMEZONE))
        if end_time:
            end = datetime.datetime.combine(end_date, end_time, tzinfo=SITE_TIMEZONE)
            if end > vevent.decoded("dtstart"):
                vevent.add("dtend", end)
    else:
        vevent.add("dtstart", start_date)
        # DTEND of an all-day event is exclusive.
        vevent.add("dtend", max(end_date, start_date) + datetime.timedelta(days=1))


def _base_vevent(uid, summary, url):
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", timezone.now())
    vevent.add("summary", summary)
    if url:
        vevent.add("url", url)
    return vevent


def event_vevent(page, url):
    vevent = _base_vevent(f"event-{page.translation_key}@vmeste-silnee", page.title, url)
    _set_times(vevent, page.start_date, page.end_date, page.start_time, page.end_time)
    location = page.location_text()
    if location:
        vevent.add("location", location)
    description = [page.introduction or page.main_theme]
    if page.broadcast_platform:
        description.append(_("Broadcast: %(platform)s") % {"platform": page.broadcast_platform})
    if page.broadcast_url:
        description.append(_("Broadcast: %(url)s") % {"url": page.broadcast_url})
    vevent.add("description", "\n".join(line for line in description if line))
    return vevent


def session_vevent(page, session, url):
    vevent = _base_vevent(f"session-{session.id}@vmeste-silnee", session.title, url)
    value = session.value
    _set_times(vevent, session.day.date, session.day.date, value.get("start_time"), value.get("end_time"))
    location = page.location_text(hall=session.hall_name, venue=session.venue)
    if location:
        vevent.add("location", location)
    lines = [page.title]
    if value.get("track_number"):
        track = _("Track %(number)s") % {"number": value["track_number"]}
        if value.get("track_name"):
            track += f": {value['track_name']}"
        lines.append(track)
    if value.get("description"):
        lines.append(value["description"])
    if value.get("broadcast_url"):
        lines.append(_("Live broadcast: %(url)s") % {"url": value["broadcast_url"]})
    if value.get("recording_url"):
        lines.append(_("Recording: %(url)s") % {"url": value["recording_url"]})
    vevent.add("description", "\n".join(lines))
    return vevent


def response(cal, filename):
    cal.add_missing_timezones()
    result = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = content_disposition_header(True, filename)
    return result
