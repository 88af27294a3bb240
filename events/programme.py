"""The programme read from an event page's StreamField, shaped for display, filters and calendars.

The programme is a StreamField (days holding sessions) rather than two inline tables: every block
keeps a stable id through wagtail-localize translations, which gives each session an anchor and a
calendar URL shared by all languages, and the whole programme loads with the page in one row.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .blocks import Provider


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def normalise(name):
    return " ".join((name or "").split()).casefold()


@dataclass(eq=False)
class Session:
    id: str
    day: "Day"
    value: object  # the block's StructValue
    block: object  # the bound block, for include_block
    hall: object = None  # the matching EventHall, when the name matches one

    def __getattr__(self, name):
        # Block fields read as attributes: session.title, session.start_time…
        try:
            return self.__dict__["value"][name]
        except KeyError as error:
            raise AttributeError(name) from error

    @property
    def anchor(self):
        return f"session-{self.id}"

    @property
    def hall_name(self):
        return self.hall.name if self.hall is not None else self.value.get("hall", "")

    @property
    def moderator_list(self):
        return _lines(self.value.get("moderators"))

    @property
    def speaker_list(self):
        return _lines(self.value.get("speakers"))

    @property
    def provider_code(self):
        return (
            self.value.get("provider")
            or Provider.from_url(self.value.get("broadcast_url"))
            or Provider.from_url(self.value.get("recording_url"))
        )

    @property
    def provider_name(self):
        return Provider.NAMES.get(self.provider_code, "")

    @property
    def track_key(self):
        return self.value.get("track_number")


@dataclass(eq=False)
class Day:
    id: str
    date: object
    title: str
    sessions: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"day-{self.date:%Y-%m-%d}"

    def segments(self):
        """Consecutive sessions in order: common ones alone, runs of tracked ones as parallel columns."""
        result, run = [], []

        def close_run():
            if run:
                tracks = {}
                for session in run:
                    tracks.setdefault(session.track_key, []).append(session)
                result.append(
                    {
                        "parallel": True,
                        "tracks": [
                            {"number": number, "name": items[0].value.get("track_name"), "sessions": items}
                            for number, items in tracks.items()
                        ],
                    }
                )
                run.clear()

        for session in self.sessions:
            if session.track_key:
                run.append(session)
            else:
                close_run()
                result.append({"parallel": False, "session": session})
        close_run()
        return result


class Programme:
    def __init__(self, page, halls):
        self.page = page
        self.halls = list(halls)
        halls_by_name = {normalise(hall.name): hall for hall in self.halls}
        self.days = []
        for day_block in page.programme:
            if day_block.block_type != "day":
                continue
            value = day_block.value
            day = Day(id=day_block.id, date=value["date"], title=value.get("title") or "")
            for child in value.get("sessions") or []:
                day.sessions.append(
                    Session(
                        id=child.id,
                        day=day,
                        value=child.value,
                        block=child,
                        hall=halls_by_name.get(normalise(child.value.get("hall"))),
                    )
                )
            self.days.append(day)

    @property
    def sessions(self):
        return [session for day in self.days for session in day.sessions]

    def get_session(self, session_id):
        return next((s for s in self.sessions if str(s.id) == str(session_id)), None)

    def tracks(self):
        """(number, label) of every track, in order of first appearance."""
        seen = {}
        for session in self.sessions:
            number = session.track_key
            if number and number not in seen:
                name = session.value.get("track_name")
                seen[number] = _("Track %(number)s") % {"number": number} + (f": {name}" if name else "")
        return sorted(seen.items())

    def used_halls(self):
        used = {session.hall.pk for session in self.sessions if session.hall is not None}
        return [hall for hall in self.halls if hall.pk in used]

    def filtered(self, track=None, hall=None):
        """Days with only the sessions that match; days left empty are dropped."""
        if track is None and hall is None:
            return self.days
        days = []
        for day in self.days:
            sessions = [
                s
                for s in day.sessions
                if (track is None or s.track_key == track) and (hall is None or s.hall is hall)
            ]
            if sessions:
                days.append(Day(id=day.id, date=day.date, title=day.title, sessions=sessions))
        return days
