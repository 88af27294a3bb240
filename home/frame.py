"""The parts of the page frame every page of a language shares: network contacts, footer, and the
sections of the home page (the main menu, and the cards of the home page).

Kept as fragments of the page cache (core.page_cache.fragment) for the current content generation.
"""

from django.forms.models import model_to_dict
from django.utils import translation

from wagtail.models import Site

from core.models import BasePage, NetworkSettings
from core.page_cache import fragment
from home.models.site import FooterContent


def network_settings(request):
    """The network's contacts (site settings) as a dict, or None."""

    def build():
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return None
        network = NetworkSettings.objects.filter(site=site).first()
        return model_to_dict(network, exclude=["id", "site"]) if network is not None else None

    host = request.get_host() if request is not None else ""
    return fragment("network", [host], build)


def footer_content():
    """The footer snippet of the reader's language (no fallback to Russian), or None."""
    return fragment("footer", [translation.get_language()], FooterContent.for_active_locale)


CARD_RENDITION = "fill-480x270"


def sections(home, request):
    """The live menu children of ``home`` as dicts for the menu and the home page's cards:
    title, listing title and summary, URL, tree path and card image."""

    def build():
        children = home.get_children().live().in_menu().specific().select_related("listing_image")
        items = []
        for child in children:
            is_base = isinstance(child, BasePage)
            image = child.listing_image if is_base else None
            rendition = image.get_rendition(CARD_RENDITION) if image is not None else None
            items.append(
                {
                    "title": child.title,
                    "listing_title": child.get_listing_title() if is_base else child.title,
                    "summary": child.get_listing_summary() if is_base else "",
                    "url": child.get_url(request),
                    "path": child.path,
                    "image": {"url": rendition.url, "width": rendition.width, "height": rendition.height}
                    if rendition is not None
                    else None,
                }
            )
        return {"home_url": home.get_url(request), "items": items}

    host = request.get_host() if request is not None else ""
    return fragment("sections", [home.pk, host], build)
