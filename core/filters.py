"""Filters of public listings: django-filter FilterSets that never fail on bad input.

A value that is not understood (an unknown choice, a non-number, a NUL byte, an overlong string) is
dropped, the listing is still shown, and the reader is told which filter was ignored
(``components/filter_notice.html``). Every listing renders its filters with one component,
``components/filter_form.html``.
"""

import django_filters

from django import forms
from django.core.validators import EMPTY_VALUES
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.widgets import one_template_selects

# No filter value is longer; anything longer is garbage and is refused before any field (or the
# database) sees it, as is a NUL character, which PostgreSQL cannot store in a text value.
MAX_VALUE_LENGTH = 255


class YearFilter(django_filters.NumberFilter):
    """A whole year from 1900 to 2999 on a date field; listed years are offered in a select
    (``ListingFilterSet.offer_years``), while any plausible year is accepted (an empty listing)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2999)
        super().__init__(*args, **kwargs)


class ListingFilterSet(django_filters.FilterSet):
    """The filters of one listing, bound to the query string (``request.GET``).

    Subclasses declare filters (every one optional) and may fill choices from the listed data in
    ``set_choices()``. ``qs`` is the queryset filtered by the valid values only; ``cleaned`` holds
    those values; a value that is not valid is dropped and its filter's label is listed in
    ``ignored`` and ``notices``. A repeated parameter counts with its last value, as everywhere in
    Django. With ``all_or_nothing`` a listing applies its filters only when every value is understood.
    """

    all_or_nothing = False
    # Ids of the filter fields, unlike any other form's on the same page.
    auto_id = "filter-%s"

    def __init__(self, data=None, queryset=None, **kwargs):
        values, self.refused = {}, set()
        for name in self.base_filters:
            value = (data or {}).get(name)
            if value is None:
                continue
            if len(value) > MAX_VALUE_LENGTH or "\x00" in value:
                self.refused.add(name)
            else:
                values[name] = value.strip()
        # Always bound: an empty query string is a valid, unfiltered listing.
        super().__init__(values, queryset, **kwargs)
        self.extra_notices = []
        self.set_choices()
        self.form.auto_id = self.auto_id
        one_template_selects(self.form)
        self.form.is_valid()
        if self.all_or_nothing and self.ignored:
            # Nothing is applied, so no choice is shown as selected either.
            self.form.data, self.form.cleaned_data = {}, {}

    def set_choices(self):
        """Fill choices that depend on the listed data; may remove filters that do not apply."""

    def offer(self, name, choices, all_label=None):
        """Offer ``choices`` in the filter ``name``, after an empty choice meaning “all”."""
        self.filters[name].extra.update(choices=list(choices), empty_label=all_label or _("All"))

    def offer_typed(self, name, choices, all_label=None):
        """The same for a typed choice filter, whose field has no empty label of its own."""
        self.filters[name].extra["choices"] = [("", all_label or _("All")), *choices]

    def offer_years(self, name, years, all_label=None):
        """Offer the listed years of a YearFilter in a select."""
        choices = [("", all_label or _("All years")), *((str(year), str(year)) for year in years)]
        self.filters[name].extra["widget"] = forms.Select(choices=choices)

    def remove(self, name):
        self.filters.pop(name, None)

    def __iter__(self):
        return iter(self.form)

    @property
    def cleaned(self):
        """The valid filters, without empty ones: name → cleaned value."""
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name in self.filters and value not in EMPTY_VALUES
        }

    @property
    def ignored(self):
        """Labels of the filters whose values were not understood, in the order of the filters."""
        return [
            str(self.form.fields[name].label)
            for name in self.filters
            if name in self.form.errors or name in self.refused
        ]

    def filter_queryset(self, queryset):
        for name, value in self.cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def add_notice(self, message):
        """Another reader-facing note about the query string, e.g. from the listing's paginator."""
        self.extra_notices.append(message)

    @property
    def notices(self):
        """Reader-facing sentences: which filters were ignored, then any added notes."""
        ignored = ", ".join(self.ignored)
        if not ignored:
            return list(self.extra_notices)
        if self.all_or_nothing:
            message = gettext(
                "Some filter values were not understood (%(filters)s), so no filter was applied."
            )
        else:
            message = gettext("Some filter values were not understood and were ignored: %(filters)s.")
        return [message % {"filters": ignored}, *self.extra_notices]

    def query_string(self):
        """The valid filters as a query string, for pagination links."""
        return urlencode({name: self.form.data[name] for name in self.cleaned})
