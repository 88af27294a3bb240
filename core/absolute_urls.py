"""Absolute URLs for links that leave the site: feeds, Open Graph tags, JSON-LD, e-mails, robots.txt."""

from urllib.parse import urlsplit


def absolute_url(url, request=None, page=None):
    """``url`` with scheme and host: the requested host, else the root URL of ``page``'s site.

    Already absolute and empty URLs come back unchanged, and so does a path when neither
    a request nor a page with a site is at hand.
    """
    if not url or urlsplit(url).scheme:
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = page.get_site() if page is not None else None
    return site.root_url + url if site is not None else url
