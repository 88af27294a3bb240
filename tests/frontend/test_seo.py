"""Sitemap, robots.txt and the head tags every page gives search engines and social networks."""

import json
import re
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from bs4 import BeautifulSoup

from django.conf import settings

from wagtail.models import Page

from tests.helpers import live_pages

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def public_pages():
    return [page for page in live_pages() if not page.get_view_restrictions().exists()]


def sitemap_entries(client):
    """``{location: {hreflang: href}}`` of every URL in the sitemaps the index at /sitemap.xml names."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    entries = {}
    for location in index.findall("s:sitemap/s:loc", NS):
        section = client.get(location.text.removeprefix("http://testserver"))
        assert section.status_code == 200, location.text
        for url in ET.fromstring(section.content).findall("s:url", NS):
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            entries[url.findtext("s:loc", namespaces=NS)] = links
    return entries


def test_sitemap_lists_every_live_page_in_every_locale_with_alternates(client, seeded):
    # Library profiles have sitemaps of their own (tests/core/test_sitemaps.py).
    profile = re.compile(r"/libraries/[^/]+/$")
    entries = {
        location: links for location, links in sitemap_entries(client).items() if not profile.search(location)
    }

    pages = public_pages()
    codes = {page.locale.language_code for page in pages}
    assert {code for code, _name in settings.LANGUAGES} <= codes
    by_key = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][page.locale.language_code] = page.get_full_url()
    for page in pages:
        location = page.get_full_url()
        assert location in entries, f"{location} missing from the sitemap"
        translations = by_key[page.translation_key]
        if len(translations) > 1:
            expected = dict(translations)
            if "ru" in translations:
                expected["x-default"] = translations["ru"]
            assert entries[location] == expected
    assert len(entries) == len(pages)


def test_robots_txt_names_the_sitemap_and_keeps_robots_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(response.content.decode().splitlines())
    assert parser.site_maps() == ["http://testserver/sitemap.xml"]
    assert parser.can_fetch("Yandex", "http://testserver/ru/")
    assert parser.can_fetch("*", "http://testserver/en/")
    assert not parser.can_fetch("*", "http://testserver/admin/")
    for code, _name in settings.LANGUAGES:
        assert not parser.can_fetch("*", f"http://testserver/{code}/search/?q=x")


@pytest.fixture(scope="module")
def seeded_heads():
    """Pages of the seed as parsed by the module's first test that reads them: each test on the
    seeded database rolls back what it wrote, so a page renders the same in every one of them."""
    return {}


def _head(client, page, parsed=None):
    if parsed is not None and page.url in parsed:
        return parsed[page.url]
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    soup = BeautifulSoup(response.content, "html.parser")
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in soup.head.find_all("meta")}
    canonical = soup.head.find("link", rel="canonical")
    head = soup, meta, canonical["href"] if canonical else None
    if parsed is not None:
        parsed[page.url] = head
    return head


@pytest.mark.usefixtures("seeded")
def test_every_page_has_canonical_description_and_sharing_tags(client, seeded_heads, fragments_kept):
    for page in public_pages():
        soup, meta, canonical = _head(client, page, seeded_heads)
        assert canonical == page.get_full_url(), page.url
        assert meta["og:url"] == canonical
        assert meta["og:title"]
        assert meta["og:image"].startswith("http"), page.url
        assert meta["vk:image"] == meta["og:image"]
        assert meta["og:locale"].startswith(page.locale.language_code)
        description = page.get_meta_description() if hasattr(page, "get_meta_description") else ""
        if description:
            assert " ".join(description.split()).startswith(meta["description"].rstrip("…")), page.url
            assert meta["og:description"] == meta["description"]
        hreflangs = {link["hreflang"] for link in soup.head.find_all("link", rel="alternate", hreflang=True)}
        if page.get_translations().live().exists():
            assert page.locale.language_code in hreflangs


@pytest.mark.usefixtures("seeded")
def test_home_pages_describe_the_organization(client, seeded_heads, fragments_kept):
    for home in Page.objects.live().filter(depth=2).select_related("locale"):
        soup, _meta, _canonical = _head(client, home, seeded_heads)
        scripts = soup.find_all("script", type="application/ld+json")
        data = [json.loads(script.string) for script in scripts]
        organization = next(item for item in data if item.get("@type") == "Organization")
        assert organization["@context"] == "https://schema.org"
        assert organization["name"] == home.title
        assert organization["url"] == home.get_full_url()
        assert organization["logo"].startswith("http")
        assert organization["email"] == "bgunb@bgunb.ru"


@pytest.mark.usefixtures("seeded")
def test_other_pages_carry_no_organization_markup(client, seeded_heads, fragments_kept):
    for page in public_pages():
        if page.depth > 2:
            soup, _meta, _canonical = _head(client, page, seeded_heads)
            scripts = soup.find_all("script", type="application/ld+json")
            assert all(json.loads(s.string).get("@type") != "Organization" for s in scripts), page.url


def test_sharing_image_uses_the_page_image_when_set(client):
    from wagtail_factories import ImageFactory

    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ru")
    home.social_image = ImageFactory(file__width=1600, file__height=900)
    home.save_revision().publish()
    _soup, meta, _canonical = _head(client, home)
    assert meta["og:image"].startswith("http://testserver/media/images/")
    assert meta["og:image:width"] == "1200"
    assert meta["og:image:height"] == "630"


def test_search_and_error_pages_are_not_indexed(client):
    soup = BeautifulSoup(client.get("/ru/search/?q=x").content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    soup = BeautifulSoup(client.get("/ru/no-such-page/").content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


@pytest.mark.usefixtures("seeded")
def test_routes_of_routable_pages_have_their_own_canonical_url(client):
    from libraries.models import Library
    from partnerships.models import LibraryIndexPage

    directory = LibraryIndexPage.objects.live().get(locale__language_code="ru")
    library = Library.objects.get(slug="bgunb", locale__language_code="ru")
    profile = directory.profile_url(library)
    response = client.get(profile)
    assert response.status_code == 200
    canonical = BeautifulSoup(response.content, "html.parser").head.find("link", rel="canonical")["href"]
    assert canonical == directory.get_full_url() + f"{library.slug}/"
