"""The library directory's country filter: offered with the countries that have libraries, in the
reader's language; it narrows the list; an unknown country is ignored with a notice, not an error."""

import pytest
from bs4 import BeautifulSoup

from libraries.models import Country, Library
from partnerships.models import LibraryIndexPage
from tests.factories import LibraryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(section):
    Library.objects.all().update(live=False)
    page = section.add_child(instance=LibraryIndexPage(title="Библиотеки", slug="libraries"))
    for code, name in (("BY", "Национальная библиотека Беларуси"), ("KZ", "Библиотека Астаны")):
        LibraryFactory(full_name=name, country=Country.objects.get(code=code, locale__language_code="ru"))
    LibraryFactory(full_name="Курская библиотека")
    return page


def listed(response):
    return [library.full_name for library in response.context["libraries"]]


def country_choices(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    select = soup.select_one("select#filter-country")
    label = soup.select_one('label[for="filter-country"]').get_text(strip=True)
    return label, [(option["value"], option.get_text(strip=True)) for option in select.select("option")]


def test_the_filter_offers_the_countries_with_libraries_in_russian(client, directory):
    response = client.get(directory.url)
    assert sorted(listed(response)) == [
        "Библиотека Астаны",
        "Курская библиотека",
        "Национальная библиотека Беларуси",
    ]
    label, choices = country_choices(response)
    assert label == "Страна"
    assert choices == [("", "Все страны"), ("BY", "Беларусь"), ("KZ", "Казахстан")]


def test_a_country_narrows_the_list_and_stays_selected(client, directory):
    response = client.get(directory.url, {"country": "BY"})
    assert response.status_code == 200
    assert listed(response) == ["Национальная библиотека Беларуси"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("select#filter-country option[selected]")["value"] == "BY"


@pytest.mark.parametrize("value", ["ZZ", "by'--", "x" * 300, "B\x00Y"])
def test_an_unknown_country_is_ignored_with_a_notice(client, directory, value):
    response = client.get(directory.url, {"country": value})
    assert response.status_code == 200
    assert len(listed(response)) == 3
    assert "Страна" in " ".join(response.context["filter_form"].notices)
