import datetime
from html import escape

import pytest
import wagtail_factories

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from libraries.models import Region
from news.forms import NewsFilterSet
from news.models import NewsIndexPage, NewsPage
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageRegionFactory,
    NewsPageTopicFactory,
    TopicFactory,
    bulk_news_pages,
)
from tests.helpers import assert_filter_ignored, garbage_cases, main

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index():
    home = HomePage.objects.get(locale__language_code="ru")
    return NewsIndexPageFactory(parent=home)


def add_articles(index, count, topic=None, image=None, year=2024):
    for number in range(count):
        article = NewsPageFactory(
            parent=index,
            main_image=image,
            publication_date=datetime.datetime(year, 3, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(hours=number),
        )
        if topic is not None:
            NewsPageTopicFactory(page=article, topic=topic)


def count_queries(client, url):
    client.get(url)  # warm caches and renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.usefixtures("seeded")
def test_seeded_index_lists_the_article_in_every_language(client):
    for code, title in (
        ("ru", "Библиотеки Приамурья и Белоруссии займутся сохранением книжных памятников"),
        ("en", "Libraries of the Amur Region and Belarus to preserve book heritage together"),
        ("be", "Бібліятэкі Прыамур’я і Беларусі зоймуцца захаваннем кніжных помнікаў"),
    ):
        index = NewsIndexPage.objects.get(locale__language_code=code)
        html = client.get(index.url).content.decode()
        assert escape(title) in html, code
        assert f'<html lang="{code}">' in html


def test_filters_by_topic_region_and_year(client, news_index):
    topic = TopicFactory(name="Оцифровка", slug="digitisation-test")
    region = Region.objects.get(code="31", locale__language_code="ru")
    tagged = NewsPageFactory(parent=news_index, title="С темой и регионом")
    NewsPageTopicFactory(page=tagged, topic=topic)
    NewsPageRegionFactory(page=tagged, region=region)
    NewsPageFactory(
        parent=news_index,
        title="Старая новость",
        publication_date=datetime.datetime(2023, 5, 1, tzinfo=datetime.UTC),
    )

    html = client.get(news_index.url + "?topic=digitisation-test").content.decode()
    assert "С темой и регионом" in html and "Старая новость" not in html
    html = client.get(news_index.url + "?region=31").content.decode()
    assert "С темой и регионом" in html and "Старая новость" not in html
    assert "Белгородская область" in html  # offered as a choice in the reader's language
    html = client.get(news_index.url + "?year=2023").content.decode()
    assert "Старая новость" in html and "С темой и регионом" not in html


def test_yearly_archive(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Новость 2023 года",
        publication_date=datetime.datetime(2023, 5, 1, tzinfo=datetime.UTC),
    )
    NewsPageFactory(
        parent=news_index,
        title="Новость 2024 года",
        publication_date=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
    )
    html = client.get(news_index.url + "2023/").content.decode()
    assert "Новость 2023 года" in html and "Новость 2024 года" not in html
    assert f'href="{news_index.url}2024/"' in html
    assert client.get(news_index.url + "2019/").status_code == 404


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(
    "query",
    [
        "?topic=нет-такой",
        "?year=abc",
        "?year=99999999999999999999",
        "?year=-1",
        "?region=%3Cscript%3E",
        "?page=abc",
        "?page=-5",
        "?page=99999999999999999999",
        "?topic=&region=&year=&page=",
        "?topic=a&topic=b",
        "?year=2024%00",
        "?%FF=%FF",
    ],
)
def test_garbage_query_strings_give_a_clean_page(client, query):
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    response = client.get(index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Новости</h1>" in html
    assert "<script>" not in html.split("<main", 1)[1]


@pytest.mark.usefixtures("seeded")
def test_garbage_filter_is_reported(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    html = client.get(index.url + "?year=abc").content.decode()
    assert "Some filter values were not understood and were ignored" in html
    # The filter was dropped, so the listing still shows the news.
    assert "Libraries of the Amur Region and Belarus" in html


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("path", ["0/", "99999999999999999999/", "1/", "9999/"])
def test_garbage_archive_years_are_404(client, path):
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    assert client.get(index.url + path).status_code == 404


def test_index_query_count_is_the_same_for_10_and_1000_articles(client, news_index):
    topic = TopicFactory()
    image = wagtail_factories.ImageFactory()
    add_articles(news_index, 10, topic=topic, image=image)
    small = count_queries(client, news_index.url)
    bulk_news_pages(news_index, 990, topic=topic, image=image)
    assert NewsPage.objects.child_of(news_index).count() == 1000
    large = count_queries(client, news_index.url)
    assert small == large


def test_index_query_count_does_not_grow_with_items_on_the_page(client, news_index):
    topic = TopicFactory()
    images = [wagtail_factories.ImageFactory() for _ in range(3)]
    for image in images:
        add_articles(news_index, 1, topic=topic, image=image)
    three = count_queries(client, news_index.url)
    for _ in range(7):
        add_articles(news_index, 1, topic=TopicFactory(), image=wagtail_factories.ImageFactory())
    ten = count_queries(client, news_index.url)
    assert three == ten


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("query, name", garbage_cases("topic", "region", "year"))
def test_garbage_in_every_filter_is_reported_and_ignored(client, query, name):
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    response = client.get(index.url + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert_filter_ignored(html, NewsFilterSet, name)
    assert escape("Библиотеки Приамурья и Белоруссии займутся сохранением книжных памятников") in html
    assert "<script>" not in main(html)


def test_valid_filter_still_filters_beside_garbage(client, news_index):
    topic = TopicFactory(name="Оцифровка", slug="digitisation-test")
    tagged = NewsPageFactory(parent=news_index, title="С темой")
    NewsPageTopicFactory(page=tagged, topic=topic)
    NewsPageFactory(parent=news_index, title="Без темы")
    query = "?topic=digitisation-test&year=%ff&region=" + "1" * 300
    html = client.get(news_index.url + query).content.decode()
    assert "С темой" in html and "Без темы" not in html
    assert_filter_ignored(html, NewsFilterSet, "year")
    assert_filter_ignored(html, NewsFilterSet, "region")
    # Links to further pages keep only the filter that was understood.
    context = news_index.listing_context(RequestFactory().get(news_index.url + query))
    assert context["filter_query"] == "topic=digitisation-test"
