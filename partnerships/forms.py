"""Filters of the library directory and the namesake finder's query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm
from libraries.models import Library


class LibraryFilterForm(FilterForm):
    region = forms.ChoiceField(label=_("Region"))
    kind = forms.ChoiceField(label=_("Type"))

    def __init__(self, data=None, *, regions, **kwargs):
        self.regions = regions
        super().__init__(data, **kwargs)

    def set_choices(self):
        self.offer("region", [(region.code, region.name) for region in self.regions], _("All regions"))
        self.offer("kind", Library.Kind.choices, _("All types"))


class NamesakeFinderForm(FilterForm):
    q = forms.CharField(label=_("Settlement name"), max_length=255)
