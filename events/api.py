"""How an event page reads in the read API (/api/v2/pages/): its programme as days with sessions,
built from the programme API like the frab export, and the addresses of its exports."""

from rest_framework import serializers

from core.absolute_urls import absolute_url


def session_data(programme, session, page_url):
    start, end = session.starts_at, session.ends_at
    room, _key = programme.room_of(session)
    return {
        "id": str(session.id),
        "code": session.code,
        "title": session.value.get("title") or "",
        "format": session.value.get("format") or "",
        "format_label": session.format_label,
        "track_number": session.track_key,
        "track_name": session.value.get("track_name") or "",
        "hall": session.hall_name,
        "room": room,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "moderators": session.moderator_list,
        "speakers": session.speaker_list,
        "description": session.value.get("description") or "",
        "broadcast_url": session.value.get("broadcast_url") or "",
        "recording_url": session.value.get("recording_url") or "",
        "url": f"{page_url}#{session.anchor}",
    }


class ProgrammeField(serializers.Field):
    """Days in order, each with its sessions (times in Moscow time, ISO 8601 with offset)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "get_programme")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, programme):
        request = self.context.get("request")
        page_url = programme.page.get_full_url(request)
        return [
            {
                "date": day.date.isoformat(),
                "title": day.title,
                "sessions": [session_data(programme, session, page_url) for session in day.sessions],
            }
            for day in programme.days
        ]


class HallsField(serializers.Field):
    """The event's halls by name, in order (its field ``halls``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, halls):
        return [hall.name for hall in halls.all()]


class ExportsField(serializers.Field):
    """Absolute addresses of the event's exports: calendar, frab schedule, booklet."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        base = page.get_full_url(request)
        if not base:
            return {}
        base = absolute_url(base, request)
        return {
            name: base + page.reverse_subpage(route)
            for name, route in (
                ("ics", "calendar"),
                ("frab_xml", "frab_xml"),
                ("frab_json", "frab_json"),
                ("booklet_pdf", "booklet"),
            )
        }
