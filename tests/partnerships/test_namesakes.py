"""The namesake finder and a library's namesakes, over the demonstration libraries (content/demo/),
which the seed loads only when asked to: loaded once for the module, rolled back after it."""

import pytest

from core.seeding import load_content
from core.seeding.loader import demo_paths
from partnerships.models import NamesakeFinderPage
from tests.helpers import rows_for_the_module

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded", "sample_libraries")]


@pytest.fixture(scope="module")
def sample_libraries(seeded_database, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        load_content(paths=demo_paths())
        yield


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected_regions"),
    [
        ("Алексеевка", {"31", "63", "64"}),
        ("с. АЛЕКСЕЕВКА", {"31", "63", "64"}),
        ("пгт Ракитное", {"31", "27"}),
        ("Ровеньки", {"31", "94"}),
        ("Нигдеевка", set()),
    ],
)
def test_finder_answers(client, query, expected_regions):
    finder = NamesakeFinderPage.objects.get(locale__language_code="ru")
    response = client.get(finder.url, {"q": query})
    assert response.status_code == 200
    assert {lib.region.code for lib in response.context["results"]} == expected_regions
    shared = {item["name"]: (item["regions"], item["libraries"]) for item in response.context["shared_names"]}
    assert shared["Алексеевка"] == (3, 3)
    assert shared["Красное"] == (2, 2)
    assert "Белгород" not in shared


def test_profile_lists_namesakes_and_sample_label(client):
    html = get(client, "/ru/partnerships/libraries/sample-alekseevka-31/")
    assert "Алексеевская сельская библиотека" in html  # Самарская область
    assert "Саратовская область" in html
    assert "Образец данных" in html
    assert "Предложить соглашение" in html


def test_finder_takes_the_last_of_repeated_names(client):
    finder = NamesakeFinderPage.objects.get(locale__language_code="ru")
    response = client.get(finder.url + "?q=%ff&q=Алексеевка")
    assert {lib.region.code for lib in response.context["results"]} == {"31", "63", "64"}
