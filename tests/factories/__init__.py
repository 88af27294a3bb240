"""Factories of every app's models, for tests that build exactly what they need."""

from .accounts import UserFactory
from .documents import OfficialDocumentFactory
from .events import (
    EventHallFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventVenueFactory,
    SessionFormatFactory,
    VenueFactory,
    day,
    event_with_sessions,
    session,
)
from .home import HomePageFactory, StandardPageFactory, build_minimal_site
from .libraries import LibraryFactory, RegionFactory
from .movement import CampaignPageFactory, MovementPageFactory, ParticipationReportFactory
from .news import (
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageRegionFactory,
    NewsPageTopicFactory,
    TopicFactory,
    bulk_news_pages,
)
from .opendata import OpenDataPageFactory
from .partnerships import AgreementIndexPageFactory, AgreementPageFactory

__all__ = [
    "AgreementIndexPageFactory",
    "AgreementPageFactory",
    "CampaignPageFactory",
    "EventHallFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "EventVenueFactory",
    "SessionFormatFactory",
    "VenueFactory",
    "HomePageFactory",
    "LibraryFactory",
    "MovementPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NewsPageRegionFactory",
    "NewsPageTopicFactory",
    "OfficialDocumentFactory",
    "OpenDataPageFactory",
    "ParticipationReportFactory",
    "RegionFactory",
    "StandardPageFactory",
    "TopicFactory",
    "UserFactory",
    "bulk_news_pages",
    "build_minimal_site",
    "day",
    "event_with_sessions",
    "session",
]
