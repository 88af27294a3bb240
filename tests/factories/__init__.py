"""Factories of every app's models, for tests that build exactly what they need."""

from .accounts import UserFactory
from .documents import OfficialDocumentFactory
from .events import (
    EventHallFactory,
    EventIndexPageFactory,
    EventPageFactory,
    day,
    event_with_sessions,
    session,
)
from .home import StandardPageFactory
from .libraries import LibraryFactory, RegionFactory
from .movement import CampaignPageFactory, MovementPageFactory, ParticipationReportFactory
from .news import (
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageRegionFactory,
    NewsPageTopicFactory,
    TopicFactory,
)
from .partnerships import AgreementPageFactory

__all__ = [
    "AgreementPageFactory",
    "CampaignPageFactory",
    "EventHallFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "LibraryFactory",
    "MovementPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NewsPageRegionFactory",
    "NewsPageTopicFactory",
    "OfficialDocumentFactory",
    "ParticipationReportFactory",
    "RegionFactory",
    "StandardPageFactory",
    "TopicFactory",
    "UserFactory",
    "day",
    "event_with_sessions",
    "session",
]
