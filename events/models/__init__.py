from .inlines import (
    EventContact,
    EventContest,
    EventDirection,
    EventDocument,
    EventFormat,
    EventHall,
    EventKeyQuestion,
    EventParticipant,
)
from .pages import EventIndexPage, EventKind, EventPage

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
]
