"""What readers tripped over in the partnerships section (issue 14): the chronicle counts up in date
order, and the public seed has no sample libraries in the directory or the namesake finder."""

import datetime

import pytest
from bs4 import BeautifulSoup

from partnerships.models import ChronicleEntry, LibraryIndexPage, NamesakeFinderPage
from tests.factories import AgreementPageFactory, LibraryFactory

D = datetime.date


@pytest.mark.django_db
def test_chronicle_is_numbered_up_in_date_order(client, section):
    agreement = AgreementPageFactory(parent=section)
    first, second = LibraryFactory(full_name="Первая"), LibraryFactory(full_name="Вторая")
    # The work plan is entered last but dated between the joins: the page sorts by date.
    entries = [
        {"kind": "join", "library": first, "date": D(2024, 1, 10)},
        {"kind": "join", "library": second, "date": D(2024, 3, 1)},
        {"kind": "work_plan", "note": "План на год", "date": D(2024, 2, 1)},
    ]
    for fields in entries:
        entry = ChronicleEntry(agreement=agreement, **fields)
        entry.full_clean()
        entry.save()
    listing = BeautifulSoup(client.get(agreement.url).content, "html.parser").select_one("ol.chronicle-list")
    # A reversed or restarted list counts «2, 1»: a plain ordered list counts 1, 2, 3 down the page.
    assert not listing.has_attr("reversed") and not listing.has_attr("start")
    items = listing.find_all("li", recursive=False)
    assert [item.time["datetime"] for item in items] == ["2024-01-10", "2024-02-01", "2024-03-01"]
    texts = [item.get_text(" ", strip=True) for item in items]
    assert texts[0].endswith("Первая") and "План на год" in texts[1] and texts[2].endswith("Вторая")


@pytest.mark.parametrize("language", ["ru", "en", "be"])
def test_public_seed_shows_no_sample_libraries(client, seeded, language):
    directory = LibraryIndexPage.objects.get(locale__language_code=language)
    finder = NamesakeFinderPage.objects.get(locale__language_code=language)
    pages = [directory.url, f"{finder.url}?q=Северный", f"{finder.url}?q=Майский"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Образец данных" not in html and "badge--sample" not in html, url
    rows = BeautifulSoup(client.get(directory.url).content, "html.parser").select("main .card-grid > *")
    assert rows, "the seeded libraries are listed"


@pytest.mark.django_db
def test_an_untranslated_partner_is_marked_russian_on_the_english_page(client, seeded):
    from wagtail.models import Locale

    from partnerships.models import AgreementPage

    agreement = AgreementPage.objects.get(slug="amur-nlb-2024", locale__language_code="ru")
    library = LibraryFactory(full_name="Библиотека без перевода")
    entry = ChronicleEntry(agreement=agreement, kind="join", library=library, date=D(2025, 1, 10))
    entry.full_clean()
    entry.save()
    english = agreement.get_translation(Locale.objects.get(language_code="en"))
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    marked = [tag for tag in soup.select('[lang="ru"]') if "Библиотека без перевода" in tag.get_text()]
    assert marked, "the Russian-only library is not marked lang=ru"
    # Translated partners carry no mark.
    assert all(
        "Библиотека без перевода" in tag.get_text() for tag in soup.select('.partner-list [lang="ru"]')
    )
