"""Filters of the library directory and the namesake finder's query."""

import django_filters

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filters import ListingFilterSet
from libraries.models import Library


class LibraryFilterSet(ListingFilterSet):
    region = django_filters.ChoiceFilter(label=_("Region"), field_name="region__code")
    country = django_filters.ChoiceFilter(label=_("Country"), field_name="country__code")
    kind = django_filters.ChoiceFilter(label=pgettext_lazy("library", "Type"))

    class Meta:
        model = Library
        fields = []

    def __init__(self, data=None, queryset=None, *, regions, countries=(), **kwargs):
        self.regions = regions
        self.countries = countries
        super().__init__(data, queryset, **kwargs)

    def set_choices(self):
        self.offer("region", [(region.code, region.name) for region in self.regions], _("All regions"))
        # Countries with libraries in the directory, Russia included (its libraries may lack a region).
        countries = [(country.code, country.name) for country in self.countries]
        self.offer("country", countries, _("All countries"))
        self.offer("kind", Library.Kind.choices, _("All types"))


class NamesakeFinderFilterSet(ListingFilterSet):
    """The finder's one field; the query is matched by normalised settlement name, not as a filter."""

    auto_id = "finder-%s"

    q = django_filters.CharFilter(label=_("Settlement name"), max_length=255, method="keep")

    class Meta:
        model = Library
        fields = []

    def keep(self, queryset, name, value):
        return queryset
