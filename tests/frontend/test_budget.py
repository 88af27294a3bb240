"""The home page's weight on a first visit, and that it asks no other host for anything."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

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


CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)")


def stylesheet_fonts(css_url):
    """Every font file a stylesheet declares (all of them count: a first visit may need each)."""
    parts = urlsplit(css_url)
    path = finders.find(parts.path[len(settings.STATIC_URL) :])
    with open(path, encoding="utf-8") as handle:
        css = handle.read()
    base = parts.path.rsplit("/", 1)[0] + "/"
    return [urljoin(base, url) for url in CSS_URL.findall(css) if url.endswith((".woff2", ".woff", ".ttf"))]


@pytest.mark.parametrize("code", ["ru", "en", "be"])
def test_home_page_with_fonts_under_budget(client, seeded, code):
    response = client.get(f"/{code}/")
    html = response.content
    parser = Assets()
    parser.feed(html.decode())
    subresources = [url for kind, url in parser.urls if kind == "subresource"]
    stylesheets = [url for url in subresources if url.endswith(".css")]
    assert stylesheets, "the stylesheet should be found"
    fonts = sorted({font for sheet in stylesheets for font in stylesheet_fonts(sheet)})
    assert len(fonts) == 3, fonts
    for font in fonts:
        with open(finders.find(font[len(settings.STATIC_URL) :]), "rb") as handle:
            assert handle.read(4) == b"wOF2", font
    css_js = sum(asset_size(url) for url in subresources)
    font_bytes = sum(asset_size(url) for url in fonts)
    total = len(html) + css_js + font_bytes
    print(f"/{code}/ first visit: {total} bytes (HTML {len(html)}, CSS+JS {css_js}, fonts {font_bytes})")
    assert total < BUDGET


def test_pages_load_nothing_from_other_hosts(client, fragments_kept):
    from tests.helpers import live_pages

    for page in live_pages():
        parser = Assets()
        parser.feed(client.get(page.url).content.decode())
        for _kind, url in parser.urls:
            assert not urlsplit(url).netloc or urlsplit(url).hostname in ("testserver", "localhost"), url
