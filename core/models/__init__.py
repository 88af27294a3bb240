from .base import BasePage, ListingFieldsMixin, PublishableSnippetMixin, SocialFieldsMixin
from .seed import SeedRecord
from .site import NetworkSettings

__all__ = [
    "BasePage",
    "ListingFieldsMixin",
    "NetworkSettings",
    "PublishableSnippetMixin",
    "SeedRecord",
    "SocialFieldsMixin",
]
