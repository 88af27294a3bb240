"""Absolute URLs for links that leave the site: feeds, Open Graph tags, JSON-LD, e-mails, robots.txt,
QR codes and calendars.

The host is the request's when there is a request (so a portal reached at its public address, at
127.0.0.1:8000 or behind a proxy links to itself), else the default Site's, which ``SITE_URL`` sets
on ``migrate`` and seeding.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest


def site_address(site_url=None):
    """``(hostname, port)`` of the Site for ``SITE_URL``, or None when it is not set.

    Wagtail derives a Site's scheme from its port (443 is https, anything else http), so an
    https address must use port 443.
    """
    site_url = settings.SITE_URL if site_url is None else site_url
    if not site_url:
        return None
    parts = urlsplit(site_url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or port == -1
        or parts.path not in ("", "/")
    ):
        raise ImproperlyConfigured(f"SITE_URL must look like https://vmeste.example.ru, got {site_url!r}")
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured("SITE_URL: https works on port 443 only, and port 443 means https.")
    return parts.hostname, port


def sync_default_site(**kwargs):
    """Give the default Site the host and port of ``SITE_URL`` (a post_migrate receiver)."""
    from wagtail.models import Site

    address = site_address()
    if address is None:
        return
    hostname, port = address
    changed = Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port)
    if changed.update(hostname=hostname, port=port):
        Site.clear_site_root_paths_cache()


def request_root_url(request):
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(url, request=None, page=None):
    """``url`` with scheme and host: the requested host, else the root URL of ``page``'s site,
    else ``SITE_URL``.

    Already absolute and empty URLs come back unchanged, and so does a path when there is
    neither a request, nor a page with a site, nor ``SITE_URL``.
    """
    if not url or urlsplit(url).scheme:
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = page.get_site() if page is not None else None
    if site is not None:
        return site.root_url + url
    base = getattr(settings, "SITE_URL", "")
    return base + url if base else url


def use_request_host_for_page_urls():
    """Make ``Page.get_full_url(request)`` use the request's scheme and host for its own site.

    Wagtail takes the host of full URLs from the Site record even when a request is at hand;
    every page type shares the one method, so it is wrapped once here.
    """
    from wagtail.models import Page, Site

    original = Page.get_url_parts
    if getattr(original, "uses_request_host", False):
        return

    def get_url_parts(self, request=None):
        parts = original(self, request=request)
        if parts is None or not isinstance(request, HttpRequest) or parts[1] is None:
            return parts
        site_id, _root_url, page_path = parts
        site = Site.find_for_request(request)
        if site is None or site.pk != site_id:
            return parts
        return site_id, request_root_url(request), page_path

    get_url_parts.uses_request_host = True
    Page.get_url_parts = get_url_parts
