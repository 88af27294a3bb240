from .base import BasePage, ListingFieldsMixin, PublishableSnippetMixin, SocialFieldsMixin
from .jobs import BackgroundJob
from .seed import SeedRecord
from .site import NetworkSettings

__all__ = [
    "BackgroundJob",
    "BasePage",
    "ListingFieldsMixin",
    "NetworkSettings",
    "PublishableSnippetMixin",
    "SeedRecord",
    "SocialFieldsMixin",
]
