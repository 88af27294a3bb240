"""core.absolute_urls: the one way links that leave the site get their scheme and host."""

import pytest

from django.test import RequestFactory

from wagtail.models import Site

from core.absolute_urls import absolute_url
from home.models import HomePage


@pytest.mark.parametrize("url", ["", None, "https://cdn.example.org/a.png", "mailto:info@example.org"])
def test_empty_and_absolute_urls_are_kept(url):
    request = RequestFactory().get("/", HTTP_HOST="portal.example.org")
    assert absolute_url(url, request) == url


def test_the_requested_host_wins():
    request = RequestFactory().get("/", HTTP_HOST="portal.example.org", secure=True)
    assert absolute_url("/media/a.png", request) == "https://portal.example.org/media/a.png"
    # A scheme in the query string does not make a path absolute.
    assert absolute_url("/ru/?next=http://x/", request) == "https://portal.example.org/ru/?next=http://x/"


@pytest.fixture
def fresh_site_cache():
    # Wagtail caches site root URLs outside the database; the rolled-back hostname
    # must not leak into later tests.
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.mark.django_db
def test_without_a_request_the_page_site_root_is_used(fresh_site_cache):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "vmeste.example.org", 443
    site.save()
    home = HomePage.objects.get(locale__language_code="ru")
    assert absolute_url("/media/a.png", page=home) == "https://vmeste.example.org/media/a.png"


def test_without_request_or_page_site_url_is_the_base(settings):
    settings.SITE_URL = "https://vmeste.example.ru"
    assert absolute_url("/media/a.png") == "https://vmeste.example.ru/media/a.png"


def test_a_path_stays_a_path_without_request_page_or_site_url(settings):
    settings.SITE_URL = ""
    assert absolute_url("/media/a.png") == "/media/a.png"
