from .inlines import (
    EventContact,
    EventContest,
    EventDirection,
    EventDocument,
    EventFormat,
    EventHall,
    EventKeyQuestion,
    EventParticipant,
    EventVenue,
)
from .pages import EventIndexPage, EventKind, EventPage
from .places import SessionFormat, Venue

__all__ = [
    "EventContact",
    "EventContest",
    "EventDirection",
    "EventDocument",
    "EventFormat",
    "EventHall",
    "EventIndexPage",
    "EventKeyQuestion",
    "EventKind",
    "EventPage",
    "EventParticipant",
    "EventVenue",
    "SessionFormat",
    "Venue",
]
