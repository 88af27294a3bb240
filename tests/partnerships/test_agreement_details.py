"""Agreements signed in a month or a year, their signatories, and a foreign library's country."""

import datetime
import re

import pytest

from django.utils import translation

from core.dates import partial_date
from libraries.models import Country
from partnerships.models import AgreementPage, AgreementSignatory, LibraryIndexPage
from tests.factories import AgreementPageFactory, LibraryFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "month", "year", "day"),
    [
        ("ru", "декабрь 2022", "2022", "5 декабря 2022"),
        ("en", "December 2022", "2022", "5 December 2022"),
        ("be", "снежань 2022", "2022", "5 снежня 2022"),
    ],
)
def test_dates_are_shown_as_precisely_as_they_are_known(language, month, year, day):
    value = datetime.date(2022, 12, 5)
    with translation.override(language):
        assert partial_date(value, "month") == month
        assert partial_date(value, "year") == year
        assert partial_date(value, "day") == day


def test_agreement_signed_in_a_month_is_shown_and_sorted_so(client, section):
    december = AgreementPageFactory(
        parent=section, date_signed=datetime.date(2022, 12, 20), date_signed_precision="month"
    )
    AgreementPageFactory(parent=section, date_signed=datetime.date(2022, 12, 10))
    AgreementPageFactory(parent=section, date_signed=datetime.date(2021, 3, 1), date_signed_precision="year")
    december.refresh_from_db()
    assert december.date_signed == datetime.date(2022, 12, 1)  # stored as the month's first day
    html = client.get(december.url).content.decode()
    assert "<dd>декабрь 2022</dd>" in html
    order = AgreementPage.objects.filter(date_signed__isnull=False).order_by("date_signed")
    assert [page.date_signed_display() for page in order] == ["2021", "декабрь 2022", "10 декабря 2022"]


def test_signatories_with_position_and_library_are_on_the_agreement_page(client, section):
    belarus = Country.objects.get(code="BY", locale__language_code="ru")
    library = LibraryFactory(full_name="Национальная библиотека Беларуси", country=belarus)
    page = AgreementPageFactory(parent=section)
    AgreementSignatory.objects.create(
        page=page, name="Иванов И.И.", position="генеральный директор", library=library, locale=page.locale
    )
    AgreementSignatory.objects.create(page=page, name="Петрова П.П.", locale=page.locale)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert re.findall(r'<li class="signatory">([^<]+)</li>', html) == [
        "Иванов И.И., генеральный директор — Национальная библиотека Беларуси",
        "Петрова П.П.",
    ]


def test_foreign_library_shows_its_country_on_the_profile_and_in_the_directory(client, section):
    directory = section.add_child(instance=LibraryIndexPage(title="Библиотеки", slug="libraries"))
    belarus = Country.objects.get(code="BY", locale__language_code="ru")
    russia = Country.objects.get(code="RU", locale__language_code="ru")
    LibraryFactory(full_name="Национальная библиотека Беларуси", slug="nlb-test", country=belarus)
    LibraryFactory(full_name="Курская библиотека", slug="kursk-test", country=russia)
    profile = client.get(directory.url + "nlb-test/").content.decode()
    assert re.search(r'<dd class="library-country">\s*' + re.escape(belarus.name), profile)
    listing = client.get(directory.url).content.decode()
    assert re.findall(r'<span class="library-country">([^<]+)</span>', listing) == [belarus.name]
