"""The home page's weight on a first visit, and that it asks no other host for anything."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.usefixtures("seeded")

BUDGET = 150 * 1024


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" or tag == "script" and attrs.get("src"):
            self.urls.append(("subresource", attrs.get("href") or attrs.get("src")))
        elif tag in ("img", "iframe", "source", "audio", "video") and attrs.get("src"):
            self.urls.append(("media", attrs["src"]))


def asset_size(url):
    parts = urlsplit(url)
    assert not parts.netloc, f"third-party or absolute asset: {url}"
    assert parts.path.startswith(settings.STATIC_URL), url
    path = finders.find(parts.path[len(settings.STATIC_URL) :])
    assert path, url
    with open(path, "rb") as handle:
        return len(handle.read())


@pytest.mark.parametrize("code", ["ru", "en", "be"])
def test_home_page_html_css_js_under_budget(client, code):
    response = client.get(f"/{code}/")
    html = response.content
    parser = Assets()
    parser.feed(html.decode())
    subresources = [url for kind, url in parser.urls if kind == "subresource"]
    assert subresources, "the stylesheet should be found"
    total = len(html) + sum(asset_size(url) for url in subresources)
    print(f"/{code}/ first visit: {total} bytes (HTML {len(html)})")
    assert total < BUDGET


def test_pages_load_nothing_from_other_hosts(client):
    from tests.helpers import live_pages

    for page in live_pages():
        parser = Assets()
        parser.feed(client.get(page.url).content.decode())
        for _kind, url in parser.urls:
            assert not urlsplit(url).netloc or urlsplit(url).hostname in ("testserver", "localhost"), url
