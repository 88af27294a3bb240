"""The programme read from an event page's StreamField, shaped for display, filters and calendars.

The programme is a StreamField (days holding sessions) rather than two inline tables: every block
keeps a stable id through wagtail-localize translations, which gives each session an anchor and a
calendar URL shared by all languages, and the whole programme loads with the page in one row.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import SITE_TIMEZONE

from .blocks import Provider, format_name

# A session with a start and no end is taken to last an hour (frab needs a duration, "now" an end).
DEFAULT_DURATION = datetime.timedelta(hours=1)
# Short session codes in URLs and cookies of the personal programme: 8 hex digits each.
CODE = re.compile(r"^[0-9a-f]{8}$")
MAX_SELECTION = 200


def site_now():
    """The current moment in Moscow time, the time the network's events keep."""
    return timezone.now().astimezone(SITE_TIMEZONE)


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
    format_names: dict = field(default_factory=dict)  # code → name, shared by the programme

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
    def venue(self):
        """The venue of the session's hall, if the hall names one."""
        return self.hall.venue if self.hall is not None else None

    @property
    def moderator_list(self):
        return _lines(self.value.get("moderators"))

    @property
    def speaker_list(self):
        return _lines(self.value.get("speakers"))

    @property
    def format_label(self):
        """The session's format as the reader's language names it."""
        return format_name(self.value.get("format"), self.format_names)

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

    @property
    def code(self):
        """A short code of the session for URLs and cookies: the first 8 hex digits of its block id."""
        return uuid.UUID(str(self.id)).hex[:8]

    @property
    def starts_at(self):
        """The aware start in Moscow time, or None for a session without a start time."""
        start = self.value.get("start_time")
        return datetime.datetime.combine(self.day.date, start, tzinfo=SITE_TIMEZONE) if start else None

    @property
    def ends_at(self):
        start = self.starts_at
        if start is None:
            return None
        end_time = self.value.get("end_time")
        end = datetime.datetime.combine(self.day.date, end_time, tzinfo=SITE_TIMEZONE) if end_time else None
        return end if end is not None and end > start else start + DEFAULT_DURATION


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
        from events.models.places import SessionFormat

        self.halls = list(halls)
        self.format_names = SessionFormat.names()
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
                        format_names=self.format_names,
                    )
                )
            self.days.append(day)

    @property
    def sessions(self):
        return [session for day in self.days for session in day.sessions]

    def room_of(self, session):
        """(name, key) of where a session takes place: its hall, else the event's venue.

        The key is stable across edits and languages (a hall's translation key)."""
        if session.hall is not None:
            venue = session.hall.venue
            # With several venues a hall's name alone is ambiguous: "Hall (Venue)".
            name = (
                f"{session.hall.name} ({venue.name})" if venue is not None and self.venue_count > 1 else None
            )
            return name or session.hall.name, f"hall:{session.hall.translation_key}"
        if session.hall_name:
            return session.hall_name, f"hall:{self.page.translation_key}:{normalise(session.hall_name)}"
        venues = self.page.venue_list()
        if venues:
            return venues[0].name, f"venue:{venues[0].translation_key}"
        return self.page.venue_name or self.page.city or self.page.title, f"venue:{self.page.translation_key}"

    @property
    def venue_count(self):
        return len(self.page.venue_list())

    def now_and_next(self, moment=None):
        """Per room, the sessions running at ``moment`` (now in Moscow by default) and the next one
        to start that day. Only sessions with a start time count."""
        moment = (moment or site_now()).astimezone(SITE_TIMEZONE)
        rows = {}
        for session in self.sessions:
            start = session.starts_at
            if start is None or start.date() != moment.date():
                continue
            room = self.room_of(session)[0]
            row = rows.setdefault(room, {"room": room, "now": [], "next": None})
            if start <= moment < session.ends_at:
                row["now"].append(session)
            elif start > moment and (row["next"] is None or start < row["next"].starts_at):
                row["next"] = session
        return [row for row in rows.values() if row["now"] or row["next"]]

    def select(self, codes):
        """The sessions with these codes, in programme order."""
        wanted = set(codes)
        return [session for session in self.sessions if session.code in wanted]

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


def parse_codes(raw):
    """(codes, bad) from a dot- or comma-separated list; duplicates dropped, at most MAX_SELECTION."""
    codes, bad = [], []
    for part in re.split(r"[.,\s]+", (raw or "").strip().lower()):
        if not part:
            continue
        if CODE.match(part):
            if part not in codes:
                codes.append(part)
        else:
            bad.append(part)
    return codes[:MAX_SELECTION], bad
