"""The registry's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm

from .models.official import OfficialDocument


class DocumentFilterForm(FilterForm):
    kind = forms.ChoiceField(label=_("Type"))
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    sender = forms.ChoiceField(label=_("Sender"))
    status = forms.ChoiceField(label=_("Status"))

    def __init__(self, data=None, *, documents, **kwargs):
        self.documents = documents
        super().__init__(data, **kwargs)

    def set_choices(self):
        years = [day.year for day in self.documents.dates("date", "year", order="DESC")]
        senders = self.documents.order_by("sender").values_list("sender", flat=True).distinct()
        self.offer("kind", OfficialDocument.Kind.choices)
        self.offer("year", [(str(year), str(year)) for year in years])
        self.offer("sender", [(sender, sender) for sender in senders])
        self.offer("status", OfficialDocument.Status.choices)

    def filter(self, documents):
        filters = self.cleaned
        if "kind" in filters:
            documents = documents.filter(kind=filters["kind"])
        if "year" in filters:
            documents = documents.filter(date__year=filters["year"])
        if "sender" in filters:
            documents = documents.filter(sender=filters["sender"])
        if "status" in filters:
            documents = documents.filter(status=filters["status"])
        return documents
