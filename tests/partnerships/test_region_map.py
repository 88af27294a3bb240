"""The directory's map of regions: squares and the table name each region and its count, a square
filters the list, and partners abroad are listed beside the grid."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from libraries.models import Country, Library, Region
from partnerships.models import LibraryIndexPage
from tests.factories import LibraryFactory

pytestmark = pytest.mark.django_db
DIRECTORY = "/ru/partnerships/libraries/"
SVG = "{http://www.w3.org/2000/svg}"


def region(code):
    return Region.objects.get(code=code, locale__language_code="ru")


@pytest.fixture
def libraries(seeded):
    Library.objects.all().update(live=False)
    belgorod = [LibraryFactory(region=region("31"), full_name=f"Библиотека Белгорода {n}") for n in range(3)]
    ryazan = LibraryFactory(region=region("62"), full_name="Библиотека Рязани")
    belarus = Country.objects.get(code="BY", locale__language_code="ru")
    minsk = LibraryFactory(country=belarus, full_name="Библиотека Минска")
    return {"belgorod": belgorod, "ryazan": ryazan, "minsk": minsk}


def the_map(html):
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("#directory-map")


def test_squares_name_region_and_count_and_only_counted_ones_link(client, libraries):
    html = client.get(DIRECTORY).content.decode()
    svg = the_map(html).select_one("svg")
    # The SVG is well-formed XML as the server draws it.
    root = ET.fromstring(str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    links = root.findall(f"{SVG}a")
    assert {link.get("aria-label") for link in links} == {
        "Белгородская область: 3 библиотеки",
        "Рязанская область: 1 библиотека",
    }
    assert len(root.findall(f"{SVG}a")) + len(root.findall(f"{SVG}g")) == 89
    belgorod = next(link for link in links if link.get("aria-label").startswith("Белгородская"))
    assert belgorod.get("href") == f"{DIRECTORY}?region=31#directory-list"
    assert [text.text for text in belgorod.findall(f"{SVG}text")] == ["БЕЛ", "3"]


def test_table_is_the_same_data_in_text(client, libraries):
    table = the_map(client.get(DIRECTORY).content.decode()).select_one("table")
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [["Белгородская область", "3"], ["Рязанская область", "1"]]


def test_partners_abroad_beside_the_map_and_a_click_filters(client, libraries):
    block = the_map(client.get(DIRECTORY).content.decode()).select_one(".region-map__abroad")
    link = block.select_one("a")
    assert link.get_text(strip=True) == "Беларусь"
    response = client.get(link["href"].split("#")[0])
    assert [lib.full_name for lib in response.context["libraries"]] == ["Библиотека Минска"]


def test_a_square_filters_the_list_and_is_marked_current(client, libraries):
    response = client.get(DIRECTORY, {"region": "62"})
    assert [lib.full_name for lib in response.context["libraries"]] == ["Библиотека Рязани"]
    current = the_map(response.content.decode()).select('[aria-current="true"]')
    assert current and current[0]["aria-label"] == "Рязанская область: 1 библиотека"


def test_english_directory_uses_english_names_and_latin_labels(client, libraries):
    svg = the_map(client.get("/en/partnerships/libraries/").content.decode()).select_one("svg")
    belgorod = svg.select_one('a[aria-label^="Belgorod"]')
    assert belgorod["aria-label"] == "Belgorod Oblast: 3 libraries"
    assert [text.get_text() for text in belgorod.select("text")] == ["BEL", "3"]


def test_no_map_without_libraries(client, seeded):
    Library.objects.all().update(live=False)
    html = client.get(DIRECTORY).content.decode()
    assert the_map(html) is None


def test_the_kept_map_serves_other_variants_and_follows_a_publish(
    client, libraries, fragments_kept, monkeypatch
):
    """In production the map is a kept fragment: another variant of the URL counts nothing, a chosen
    region has its own, and a library added is on the map at once."""
    counted = []
    original = LibraryIndexPage.region_map
    monkeypatch.setattr(
        LibraryIndexPage, "region_map", lambda self, *args: counted.append(1) or original(self, *args)
    )
    first = the_map(client.get(DIRECTORY).content.decode())
    variant = the_map(client.get(DIRECTORY + "?utm_source=newsletter").content.decode())
    assert (len(counted), str(variant)) == (1, str(first))

    chosen = the_map(client.get(DIRECTORY, {"region": "62"}).content.decode())
    assert len(counted) == 2
    assert chosen.select_one('[aria-current="true"]')["aria-label"] == "Рязанская область: 1 библиотека"

    LibraryFactory(region=region("62"), full_name="Вторая библиотека Рязани")
    again = the_map(client.get(DIRECTORY + "?utm_source=newsletter").content.decode())
    assert again.select_one('a[aria-label^="Рязанская"]')["aria-label"] == "Рязанская область: 2 библиотеки"
