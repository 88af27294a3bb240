"""The forgiving filter set every public listing uses (core.filters.ListingFilterSet)."""

import django_filters
import pytest

from django.db import connection
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.filters import ListingFilterSet, YearFilter
from documents.models import OfficialDocument
from libraries.models import Region

pytestmark = pytest.mark.django_db


class LetterFilterSet(ListingFilterSet):
    kind = django_filters.ChoiceFilter(label="Kind")
    year = YearFilter(label="Year", field_name="date")
    # Looked up by a text column: a NUL byte here would reach PostgreSQL, which cannot take it.
    region = django_filters.ModelChoiceFilter(
        label="Region",
        queryset=Region.objects.none(),
        to_field_name="code",
        field_name="sender_library__region",
    )

    class Meta:
        model = OfficialDocument
        fields = []

    def set_choices(self):
        self.offer("kind", [("letter", "Letter"), ("order", "Order")])
        self.filters["region"].queryset = Region.objects.filter(locale__language_code="ru")


class AllOrNothingSet(LetterFilterSet):
    all_or_nothing = True


class WithoutYearSet(LetterFilterSet):
    def set_choices(self):
        super().set_choices()
        self.remove("year")


def form(query, form_class=LetterFilterSet):
    return form_class(QueryDict(query), OfficialDocument.objects.all())


def test_valid_values_are_cleaned_and_kept_for_links():
    letters = form("kind=order&year=2024&region=31")
    assert letters.cleaned == {
        "kind": "order",
        "year": 2024,
        "region": Region.objects.get(code="31", locale__language_code="ru"),
    }
    assert letters.ignored == [] and letters.notices == []
    assert letters.query_string() == "kind=order&year=2024&region=31"


@pytest.mark.parametrize("query", ["", "kind=&year=&region=", "page=3", "unknown=1&%ff=%ff"])
def test_no_filters_means_no_notice(query):
    letters = form(query)
    assert letters.cleaned == {}
    assert letters.notices == []
    assert letters.query_string() == ""


def test_invalid_values_are_dropped_and_named_in_the_notice():
    letters = form("kind=poem&year=abc&region=31")
    assert letters.cleaned == {"region": Region.objects.get(code="31", locale__language_code="ru")}
    assert letters.ignored == ["Kind", "Year"]
    with translation.override("en"):
        assert letters.notices == ["Some filter values were not understood and were ignored: Kind, Year."]
    with translation.override("ru"):
        assert letters.notices == ["Некоторые значения фильтров не распознаны и не учтены: Kind, Year."]
    with translation.override("be"):
        assert letters.notices == ["Некаторыя значэнні фільтраў не распазнаны і не ўлічаны: Kind, Year."]
    # Links to further pages carry only what was understood.
    assert letters.query_string() == "region=31"


@pytest.mark.parametrize(
    "query, value",
    [
        ("year=99999999999999999999", None),
        ("year=-1", None),
        ("year=2024.5", None),
        ("year=%202024%20", 2024),
        ("year=abc&year=2023", 2023),
        ("year=2023&year=abc", None),
    ],
)
def test_numbers_out_of_range_and_repeated_parameters(query, value):
    letters = form(query)
    assert letters.cleaned.get("year") == value
    assert letters.ignored == ([] if value else ["Year"])


@pytest.mark.parametrize(
    "query",
    ["region=31%00", "kind=order%00", "year=2024%00", "region=" + "3" * 256, "kind=" + "x" * 100_000],
)
def test_nul_bytes_and_overlong_values_are_refused_before_any_lookup(query):
    with CaptureQueriesContext(connection) as queries:
        letters = form(query)
    assert letters.cleaned == {}
    assert len(letters.ignored) == 1
    assert not [q for q in queries.captured_queries if "libraries_region" in q["sql"]]


def test_bytes_that_are_not_utf8_are_not_understood():
    letters = form("kind=%ff&region=%ff%fe")
    assert letters.form.data["kind"] == "\ufffd"
    assert letters.ignored == ["Kind", "Region"]


def test_all_or_nothing_applies_no_filter_when_one_is_not_understood():
    letters = form("kind=order&year=abc", AllOrNothingSet)
    assert letters.cleaned == {}
    assert letters.query_string() == ""
    with translation.override("en"):
        assert letters.notices == ["Some filter values were not understood (Year), so no filter was applied."]
    # The form shows what the list shows: no kind chosen.
    assert 'value="order" selected' not in str(letters.form["kind"])
    assert form("kind=order", AllOrNothingSet).cleaned == {"kind": "order"}


def test_a_field_removed_by_set_choices_is_neither_read_nor_reported():
    letters = form("year=abc&kind=letter", WithoutYearSet)
    assert letters.cleaned == {"kind": "letter"}
    assert letters.notices == []


def test_added_notes_follow_the_ignored_filters():
    letters = form("kind=poem")
    letters.add_notice("There is no such page; showing the nearest one.")
    with translation.override("en"):
        assert letters.notices == [
            "Some filter values were not understood and were ignored: Kind.",
            "There is no such page; showing the nearest one.",
        ]


def test_notice_component_renders_only_when_something_was_ignored():
    with translation.override("en"):
        html = render_to_string("components/filter_notice.html", {"form": form("kind=%3Cb%3E")})
    assert '<div class="notice" role="status">' in html
    assert "<p>Some filter values were not understood and were ignored: Kind.</p>" in html
    assert render_to_string("components/filter_notice.html", {"form": form("kind=order")}).strip() == ""


def test_the_listing_is_filtered_by_the_understood_values_only():
    import datetime

    from tests.factories import OfficialDocumentFactory

    order = OfficialDocumentFactory(kind="order", date=datetime.date(2024, 3, 1))
    letter = OfficialDocumentFactory(kind="letter", date=datetime.date(2023, 5, 1))
    mine = {order.pk, letter.pk}

    def listed(query, form_class=LetterFilterSet):
        return {document.pk for document in form(query, form_class).qs} & mine

    assert listed("kind=order&year=abc") == {order.pk}
    assert listed("kind=poem&year=2023") == {letter.pk}
    assert listed("year=1999") == set()
    # One value not understood: the whole list, as the notice says.
    assert listed("kind=order&year=abc", AllOrNothingSet) == mine
