from .base import BasePage, ListingFieldsMixin, PublishableSnippetMixin, SocialFieldsMixin
from .pages import HomePage, StandardPage
from .seed import SeedRecord
from .site import FooterContent, NetworkSettings

__all__ = [
    "BasePage",
    "FooterContent",
    "HomePage",
    "ListingFieldsMixin",
    "NetworkSettings",
    "PublishableSnippetMixin",
    "SeedRecord",
    "SocialFieldsMixin",
    "StandardPage",
]
