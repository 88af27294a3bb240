import datetime
import re

import feedparser
import pytest
import wagtail_factories

from django.conf import settings
from django.core.files.storage import default_storage

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.usefixtures("seeded")

TITLES = {
    "ru": "Библиотеки Приамурья и Белоруссии займутся сохранением книжных памятников",
    "en": "Libraries of the Amur Region and Belarus to preserve book heritage together",
    "be": "Бібліятэкі Прыамур’я і Беларусі зоймуцца захаваннем кніжных помнікаў",
}


@pytest.mark.parametrize("code", ["ru", "en", "be"])
@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_feed_parses_without_errors_and_carries_the_article(client, code, kind, version):
    index = NewsIndexPage.objects.get(locale__language_code=code)
    response = client.get(f"{index.url}feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.language == code
    entry = next(entry for entry in feed.entries if entry.title == TITLES[code])
    article = NewsPage.objects.get(locale__language_code=code, slug="amur-belarus-libraries-agreement")
    assert entry.link == article.full_url
    assert entry.summary
    # 25 October 2024, 17:54 Moscow time is 14:54 UTC.
    assert datetime.datetime(*entry.published_parsed[:6]) == datetime.datetime(2024, 10, 25, 14, 54)
    # The source's photo is not shipped: the article has no image to enclose.
    assert entry.enclosures == []


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_encloses_the_image_of_an_article_that_has_one(client, kind):
    home = HomePage.objects.get(locale__language_code="ru")
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Новость с фотографией", main_image=wagtail_factories.ImageFactory())
    feed = feedparser.parse(client.get(f"{index.url}feed/{kind}/").content)
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    enclosures = entry.enclosures
    assert len(enclosures) == 1
    assert enclosures[0].type.startswith("image/")
    assert int(enclosures[0].length) > 0
    media = "http://testserver" + settings.MEDIA_URL  # media on the requested host
    assert enclosures[0].href.startswith(media)
    stored = enclosures[0].href.removeprefix(media)
    assert int(enclosures[0].length) == default_storage.size(stored)


def test_every_page_advertises_the_feeds_of_its_language(client):
    html = client.get("/en/").content.decode()
    links = re.findall(
        r'<link rel="alternate" type="(application/(?:rss|atom)\+xml)"[^>]*href="([^"]+)"', html
    )
    english = NewsIndexPage.objects.get(locale__language_code="en").full_url
    assert links == [
        ("application/rss+xml", english + "feed/rss/"),
        ("application/atom+xml", english + "feed/atom/"),
    ]
    html = client.get("/be/official-documents/").content.decode()
    belarusian = NewsIndexPage.objects.get(locale__language_code="be").full_url
    assert f'href="{belarusian}feed/atom/"' in html
