"""The home page's sections: what they show in three languages, editors' order and hiding, no zero
counts, and a bounded number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage
from libraries.models import Library
from movement.models import CampaignPage
from news.models import NewsIndexPage
from tests.factories import CampaignPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def headings(page):
    return [h2.get_text(strip=True) for h2 in page.select("main .home-section__head h2")]


@pytest.mark.parametrize(
    "code, expected",
    [
        ("ru", ["Акция движения", "Последние новости", "Сеть в цифрах", "Библиотеки сети"]),
        (
            "en",
            ["Campaign of the movement", "Latest news", "The network in numbers", "Libraries of the network"],
        ),
        ("be", ["Акцыя руху", "Апошнія навіны", "Сетка ў лічбах", "Бібліятэкі сеткі"]),
    ],
)
def test_sections_in_three_languages(client, seeded, code, expected):
    page = soup(client, f"/{code}/")
    found = headings(page)
    assert all(heading in found for heading in expected), found
    campaign = page.select_one(".campaign-banner h3 a")
    assert campaign is not None and campaign["href"].startswith(f"/{code}/")


def test_last_campaign_is_shown_with_its_state_and_a_link_to_who_took_part(client, seeded):
    page = soup(client, "/ru/")
    banner = page.select_one(".campaign-banner")
    assert banner.select_one(".badge").get_text(strip=True) == "Завершена"
    assert "6–12\xa0июня 2024" in banner.get_text()
    assert banner.select_one(".button")["href"].endswith("#participants-heading")


def test_a_running_campaign_comes_first_and_calls_to_report(client, seeded):
    movement = CampaignPage.objects.get(slug="flashmob-2024", locale__language_code="ru").get_parent()
    today = datetime.date.today()
    running = CampaignPageFactory(
        parent=movement,
        title="Акция сейчас",
        slug="running-now",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=5),
    )
    banner = soup(client, "/ru/").select_one(".campaign-banner")
    assert banner.select_one("h3").get_text(strip=True) == "Акция сейчас"
    assert banner.select_one(".badge").get_text(strip=True) == "Идёт сейчас" or "badge--now" in str(banner)
    assert banner.select_one(".button")["href"] == running.url + "#participate"


def test_numbers_leave_out_zero(client, seeded):
    page = soup(client, "/ru/")
    numbers = page.select(".stats li")
    assert numbers and all(int(item.select_one(".stats__number").get_text()) > 0 for item in numbers)
    Library.objects.all().update(live=False)
    page = soup(client, "/ru/")
    texts = [item.get_text(" ", strip=True) for item in page.select(".stats li")]
    assert not any("библиотек" in text for text in texts)
    assert any("соглашение" in text for text in texts)


def test_editors_reorder_and_hide_sections(client, seeded):
    home = HomePage.objects.get(locale__language_code="ru")
    home.sections = [
        ("news", {"heading": "Что нового", "show": True, "count": 1}),
        ("campaign", {"heading": "", "show": False}),
        ("counts", {"heading": "", "show": True}),
    ]
    home.save_revision().publish()
    page = soup(client, "/ru/")
    assert headings(page) == ["Что нового", "Сеть в цифрах"]
    assert page.select_one(".campaign-banner") is None
    assert len(page.select("#home-news ~ * .card, .home-section .card")) <= 1


def count_queries(client, url):
    client.get(url)  # warm the caches of sites and locales
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_section_costs_at_most_one_query_and_does_not_grow(client, seeded):
    home = HomePage.objects.get(locale__language_code="ru")
    shown = list(home.sections.raw_data)
    home.sections = [(block["type"], {**block["value"], "show": False}) for block in shown]
    home.save_revision().publish()
    hidden = count_queries(client, "/ru/")
    home.sections = [(block["type"], block["value"]) for block in shown]
    home.save_revision().publish()
    all_shown = count_queries(client, "/ru/")
    # Six sections; the numbers take two (libraries, agreements) and the default locale one more.
    assert all_shown - hidden <= len(shown) + 2

    movement = CampaignPage.objects.get(slug="flashmob-2024", locale__language_code="ru").get_parent()
    for number in range(4):
        CampaignPageFactory(parent=movement, slug=f"more-{number}")
    assert count_queries(client, "/ru/") == all_shown


def test_kept_sections_serve_other_variants_of_the_url_and_follow_a_publish(client, seeded, fragments_kept):
    """With the fragments kept (production), the sections are rendered once for a language: another
    variant of the URL reads none of their rows; a published article is in "Latest news" at once."""

    def tables_read(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return " ".join(query["sql"] for query in queries)

    sections = ('"news_newspage"', '"events_eventpage"', '"movement_campaignpage"', '"libraries_library"')
    first = tables_read("/ru/")
    assert all(table in first for table in sections)
    variant = tables_read("/ru/?utm_source=newsletter")
    assert not any(table in variant for table in sections)
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    article = NewsPageFactory(parent=index, title="Свежая новость сети", publication_date=timezone.now())
    article.save_revision().publish()
    news = soup(client, "/ru/?utm_source=newsletter").select_one('[aria-labelledby="home-news"]')
    assert news is not None and "Свежая новость сети" in news.get_text()
