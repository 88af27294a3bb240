"""The sitemap index and its sections: pages in bounded sitemap pages, library profiles per language."""

import xml.etree.ElementTree as ET

import pytest

from core.sitemaps import PageSitemap
from partnerships.sitemaps import LibraryProfileSitemap
from tests.factories import LibraryFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url):
    """The <loc> values of a sitemap or sitemap index, as paths on the test server."""
    response = client.get(url)
    assert response.status_code == 200, url
    found = ET.fromstring(response.content).iterfind(".//s:loc", NS)
    return [loc.text.removeprefix("http://testserver") for loc in found]


def section(client, name):
    """(sitemap pages the index lists for a section, every location in them)."""
    pages = [url for url in locations(client, "/sitemap.xml") if url.split("?")[0] == f"/sitemap-{name}.xml"]
    return pages, [location for url in pages for location in locations(client, url)]


def test_pages_are_split_into_bounded_sitemap_pages(client, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 3)
    for number in range(7):
        StandardPageFactory(title=f"Страница карты {number}", slug=f"karta-{number}")
    pages, seen = section(client, "pages")
    assert len(pages) >= 3 and "/sitemap-pages.xml?p=2" in pages
    for url in pages:
        assert 0 < len(locations(client, url)) <= 3
    assert len(seen) == len(set(seen))
    assert {f"/ru/karta-{number}/" for number in range(7)} <= set(seen)
    # Pages past the end and nonsense page numbers are a plain 404.
    assert client.get(f"/sitemap-pages.xml?p={len(pages) + 1}").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_library_profiles_have_a_sitemap_per_language(client, monkeypatch, seeded):
    monkeypatch.setattr(LibraryProfileSitemap, "limit", 2)
    libraries = [LibraryFactory(full_name=f"Библиотека карты {n}", slug=f"karta-lib-{n}") for n in range(3)]
    hidden = LibraryFactory(full_name="Неопубликованная библиотека", slug="karta-hidden", live=False)
    pages, profiles = section(client, "libraries-ru")
    assert len(pages) >= 2
    for library in libraries:
        url = f"/ru/partnerships/libraries/{library.slug}/"
        assert url in profiles
        assert client.get(url).status_code == 200
    assert f"/ru/partnerships/libraries/{hidden.slug}/" not in profiles
    # An untranslated library has its profile in the other languages' directories too.
    _pages, english = section(client, "libraries-en")
    assert f"/en/partnerships/libraries/{libraries[0].slug}/" in english
