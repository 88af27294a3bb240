"""The reader's search: Russian and English stemming, highlighting, filters, pagination, bad input."""

import re

import pytest
from bs4 import BeautifulSoup

from django.core.management import call_command
from django.db import connection
from django.utils import translation

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search import text as search_text
from search.backend import LocalizedPostgresSearchBackend
from search.views import MAX_HITS, PER_PAGE
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        {
            "title": item.select_one(".search-result__title").get_text(strip=True),
            "excerpt": str(item.select_one(".search-result__excerpt") or ""),
            "kind": item.select_one(".search-result__kind").get_text(strip=True),
        }
        for item in soup.select(".search-result")
    ]


def titles(response):
    return [result["title"] for result in results(response)]


@pytest.fixture
def monuments():
    return StandardPageFactory(
        title="Соглашение амурских и белорусских библиотек",
        introduction="Стороны будут работать по направлению — сохранение книжных памятников.",
    )


@pytest.fixture
def ryazan():
    return StandardPageFactory(
        title="Форум в Рязани",
        introduction="Форум проходит в городе Рязань, в областной научной библиотеке.",
    )


def test_backend_uses_russian_and_english_configurations():
    backend = get_search_backend()
    assert isinstance(backend, LocalizedPostgresSearchBackend)
    assert backend.config_for_language("ru") == "russian"
    assert backend.config_for_language("en") == "english"
    en_home = Locale.objects.get(language_code="en").get_display_name()
    assert en_home  # the locale exists; objects in it are indexed with "english"
    page = StandardPageFactory.in_language("en", title="Preserving rare books")
    assert backend.config_for_object(page) == "english"
    assert backend.config_for_object(StandardPageFactory()) == "russian"


def test_inflected_plural_finds_genitive(client, monuments):
    response = client.get("/ru/search/", {"q": "памятники"})
    assert response.status_code == 200
    found = results(response)
    assert monuments.title in [result["title"] for result in found]
    excerpt = next(r["excerpt"] for r in found if r["title"] == monuments.title)
    assert "<mark>памятников</mark>" in excerpt
    assert "<mark>книжных</mark>" not in excerpt


def test_city_in_another_case(client, ryazan):
    response = client.get("/ru/search/", {"q": "Рязани"})
    assert ryazan.title in titles(response)
    response = client.get("/ru/search/", {"q": "Рязань"})
    assert ryazan.title in titles(response)


def test_english_pages_use_english_stemming_and_stay_in_english(client, monuments):
    page = StandardPageFactory.in_language(
        "en", title="Agreement of libraries", introduction="The parties are preserving rare books together."
    )
    response = client.get("/en/search/", {"q": "preserve book"})
    found = {r["title"]: r for r in results(response)}
    assert page.title in found
    assert "<mark>preserving</mark>" in found[page.title]["excerpt"]
    # Russian pages are not offered to an English reader, and vice versa.
    assert monuments.title not in titles(client.get("/en/search/", {"q": "памятники"}))
    assert page.title not in titles(client.get("/ru/search/", {"q": "preserving"}))


def test_all_words_must_match(client, monuments, ryazan):
    found = titles(client.get("/ru/search/", {"q": "книжных Рязань"}))
    assert monuments.title not in found and ryazan.title not in found
    assert monuments.title in titles(client.get("/ru/search/", {"q": "книжные памятники"}))


def test_excerpt_escapes_content_before_marking(client):
    page = StandardPageFactory(introduction='Текст <script>alert("x")</script> о памятниках & "кавычках".')
    found = results(client.get("/ru/search/", {"q": "памятник"}))
    excerpt = next(r["excerpt"] for r in found if r["title"] == page.title)
    assert "<script>" not in excerpt and "</script>" not in excerpt
    assert "&amp;" in excerpt
    assert "<mark>памятниках</mark>" in excerpt


def test_filter_by_content_type_and_libraries(client, ryazan):
    from libraries.models import Library

    library = Library.objects.create(
        locale=Locale.objects.get(language_code="ru"),
        full_name="Тестовая областная библиотека имени Рязанского просветителя",
        short_name="ТОБ",
        slug="search-test-library",
        settlement="Рязань",
    )
    response = client.get("/ru/search/", {"q": "Рязань"})
    soup = BeautifulSoup(response.content, "html.parser")
    options = {option["value"] for option in soup.select("#search-type option")}
    assert {"", "library", "home.standardpage", "home.homepage"} <= options
    everything = titles(response)
    assert ryazan.title in everything and library.full_name in everything

    only_pages = titles(client.get("/ru/search/", {"q": "Рязань", "type": "home.standardpage"}))
    assert ryazan.title in only_pages and library.full_name not in only_pages
    only_libraries = results(client.get("/ru/search/", {"q": "Рязань", "type": "library"}))
    assert library.full_name in [r["title"] for r in only_libraries]
    assert ryazan.title not in [r["title"] for r in only_libraries]
    assert {r["kind"] for r in only_libraries} == {str(Library._meta.verbose_name).capitalize()}


def test_library_directory_is_searched_in_the_active_locale(client):
    from libraries.models import Library

    ru = Locale.objects.get(language_code="ru")
    library = Library.objects.create(locale=ru, full_name="Библиотека квазиуникального поиска", slug="kvazi")
    Library.objects.create(
        locale=Locale.objects.get(language_code="en"),
        translation_key=library.translation_key,
        full_name="Library of quasiunique search",
        slug="kvazi",
    )
    assert titles(client.get("/ru/search/", {"q": "квазиуникальный", "type": "library"})) == [
        library.full_name
    ]
    assert titles(client.get("/en/search/", {"q": "quasiunique", "type": "library"})) == [
        "Library of quasiunique search"
    ]
    assert titles(client.get("/en/search/", {"q": "квазиуникальный", "type": "library"})) == []


def test_pagination_keeps_query_and_type(client):
    for number in range(PER_PAGE + 2):
        StandardPageFactory(title=f"Заметка {number}", introduction="Псевдослучайное слово для пагинации.")
    first = client.get("/ru/search/", {"q": "псевдослучайные", "type": "home.standardpage"})
    assert len(results(first)) == PER_PAGE
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "type=home.standardpage" in next_link and "page=2" in next_link
    second = client.get("/ru/search/" + next_link)
    assert len(results(second)) == 2
    assert not set(titles(first)) & set(titles(second))
    # Out-of-range and malformed page numbers fall back to a real page.
    assert len(results(client.get("/ru/search/", {"q": "псевдослучайные", "page": "999"}))) == 2
    assert len(results(client.get("/ru/search/", {"q": "псевдослучайные", "page": "x"}))) == PER_PAGE


HOSTILE = [
    "",
    "   ",
    "&|!():*",
    "памятник:* & !рязань",
    "'; DROP TABLE wagtailcore_page; --",
    '"незакрытая кавычка',
    "((((((",
    "\\",
    "a\x00b\x01c",
    "<script>alert(1)</script>",
    "%00%ff",
    "NEAR(a b) OR c* AND -d",
    "ё" * 5000,
    "книга " * 300,
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_get_a_clean_page(client, query):
    response = client.get("/ru/search/", {"q": query, "type": "home.standardpage"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    value = BeautifulSoup(html, "html.parser").select_one("#search-query")["value"]
    assert len(value) <= search_text.MAX_QUERY_LENGTH
    assert "\x00" not in value


def test_long_query_is_capped_with_a_message(client):
    response = client.get("/ru/search/", {"q": "книга " * 300})
    assert "Запрос сокращён до 200 символов." in response.content.decode()


def test_binary_query_string_and_bad_type(client):
    response = client.get("/ru/search/", QUERY_STRING="q=%FF%FE%00%C0%80&type=..%2F..%2Fetc&page=%00")
    assert response.status_code == 200
    assert "Такого типа материалов нет" in response.content.decode()
    assert client.get("/ru/search/", {"q": "Рязань", "type": "auth.user"}).status_code == 200


def test_clean_query():
    assert search_text.clean_query("памятник:* & !рязань") == ("памятник рязань", False)
    assert search_text.clean_query("a\x00b") == ("ab", False)
    assert search_text.clean_query("x" * 300) == ("x" * 200, True)
    assert search_text.clean_query("-- 'x' --") == ("x", False)


def test_headline_without_postgres_marks_prefixes(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    [excerpt] = search_text.highlight(["Сохранение книжных памятников <b>в</b> Рязани."], "памятники", "")
    assert str(excerpt) == "Сохранение книжных <mark>памятников</mark> &lt;b&gt;в&lt;/b&gt; Рязани."


def test_results_are_capped():
    assert MAX_HITS >= PER_PAGE * 10


def test_update_index_keeps_russian_search_working(client, ryazan):
    call_command("update_index", verbosity=0)
    with translation.override("ru"):
        assert ryazan.title in titles(client.get("/ru/search/", {"q": "Рязанью"}))


@pytest.mark.usefixtures("seeded")
def test_seeded_content_is_searchable(client):
    # The home pages come from the seed loader; their words are found in other forms.
    response = client.get("/ru/search/", {"q": "сотрудничество библиотеки"})
    assert "Вместе сильнее" in titles(response)
    response = client.get("/en/search/", {"q": "library cooperation"})
    assert "Together Stronger" in titles(response)
    assert re.search(r"<mark>librar", client.get("/en/search/", {"q": "library"}).content.decode())


@pytest.mark.usefixtures("seeded")
def test_library_results_link_to_their_directory_profiles(client):
    from libraries.models import Library
    from partnerships.models import LibraryIndexPage

    directory = LibraryIndexPage.objects.live().get(locale__language_code="ru")
    library = Library.objects.get(slug="bgunb", locale__language_code="ru")
    response = client.get("/ru/search/", {"q": "Белгородской библиотеки", "type": "library"})
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".search-result__title a")}
    assert links[library.full_name] == directory.profile_url(library)
    assert client.get(links[library.full_name]).status_code == 200


def test_admin_search_still_works(admin_client_ru, ryazan):
    response = admin_client_ru.get("/admin/pages/search/", {"q": "Рязани"})
    assert response.status_code == 200
    assert ryazan.title in response.content.decode()


@pytest.mark.usefixtures("seeded")
def test_seeded_agreement_found_by_inflected_words(client):
    # Seed 04: the Amur–Belarus agreement speaks of «сохранение книжных памятников».
    found = results(client.get("/ru/search/", {"q": "памятники"}))
    assert any("<mark>памятников</mark>" in r["excerpt"] for r in found)
    found = titles(client.get("/ru/search/", {"q": "Рязани", "type": "library"}))
    assert "Рязанская областная универсальная научная библиотека имени Горького" in found
