"""Filters of public listings: read from the query string, never failing on bad input."""

from django import forms
from django.core.validators import EMPTY_VALUES
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# No filter value is longer; anything longer is garbage and is refused before any field (or the
# database) sees it, as is a NUL character, which PostgreSQL cannot store in a text value.
MAX_VALUE_LENGTH = 255


class FilterForm(forms.Form):
    """The filters of one listing, bound to the query string (``request.GET``).

    Subclasses declare their fields (every field is optional) and may fill choices from the data
    being listed in ``set_choices()``. ``cleaned`` holds the valid, non-empty values; a value that
    is not valid is dropped and its field's label is listed in ``ignored`` and in ``notices``,
    which the listing shows to the reader (``components/filter_notice.html``). A repeated
    parameter counts with its last value, as everywhere in Django.

    With ``all_or_nothing`` a listing applies its filters only when every value is understood.
    """

    all_or_nothing = False

    def __init__(self, data=None, **kwargs):
        values, self.refused = {}, set()
        for name in self.base_fields:
            value = (data or {}).get(name)
            if value is None:
                continue
            if len(value) > MAX_VALUE_LENGTH or "\x00" in value:
                self.refused.add(name)
            else:
                values[name] = value.strip()
        super().__init__(values, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.extra_notices = []
        self.set_choices()
        self.full_clean()
        if self.all_or_nothing and self.ignored:
            # Nothing is applied, so no choice is shown as selected either.
            self.data, self.cleaned_data = {}, {}

    def set_choices(self):
        """Fill choices that depend on the listed data; may delete fields that do not apply."""

    def offer(self, name, choices, all_label=None):
        """Offer ``choices`` in the field ``name``, after an empty choice meaning “all”."""
        self.fields[name].choices = [("", all_label or _("All")), *choices]

    @property
    def cleaned(self):
        """The valid filters, without empty ones: name → cleaned value."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and value not in EMPTY_VALUES
        }

    @property
    def ignored(self):
        """Labels of the filters whose values were not understood, in the order of the fields."""
        return [
            str(field.label)
            for name, field in self.fields.items()
            if name in self.errors or name in self.refused
        ]

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
        return urlencode({name: self.data[name] for name in self.cleaned})
