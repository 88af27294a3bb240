"""The parts of the page frame every page of a language shares: network contacts and footer.

Kept as fragments of the page cache (core.page_cache.fragment) for the current content generation.
"""

from django.forms.models import model_to_dict
from django.utils import translation

from wagtail.models import Site

from core.models import NetworkSettings
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
