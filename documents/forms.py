"""The registry's filters."""

import django_filters

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.filters import ListingFilterSet

from .models.official import OfficialDocument


class DocumentFilterSet(ListingFilterSet):
    kind = django_filters.ChoiceFilter(label=pgettext_lazy("document", "Type"))
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year")
    sender = django_filters.ChoiceFilter(label=_("Sender"))
    status = django_filters.ChoiceFilter(label=_("Status"))

    class Meta:
        model = OfficialDocument
        fields = []

    def set_choices(self):
        documents = self.queryset
        years = [day.year for day in documents.dates("date", "year", order="DESC")]
        senders = documents.order_by("sender").values_list("sender", flat=True).distinct()
        self.offer("kind", OfficialDocument.Kind.choices)
        self.offer("year", [(str(year), str(year)) for year in years])
        self.offer("sender", [(sender, sender) for sender in senders])
        self.offer("status", OfficialDocument.Status.choices)
