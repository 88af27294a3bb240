"""Small helpers shared by the test modules."""

from wagtail.models import Page


def live_pages():
    """Every live page below the tree root, in every locale, as its specific type."""
    return Page.objects.live().filter(depth__gt=1).specific().select_related("locale")
