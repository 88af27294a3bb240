"""Listing filters that read the query string and never fail on bad input."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .models.official import OfficialDocument


def optional_choice(label):
    return forms.ChoiceField(label=label, required=False)


class LenientFilterForm(forms.Form):
    """A GET filter form: invalid values are dropped (and reported) instead of failing the page.

    Subclasses fill the choices in ``set_choices()`` from the data being listed.
    """

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.set_choices()
        self.is_valid()

    def set_choices(self):
        pass

    def offer(self, name, choices):
        self.fields[name].choices = [("", _("All")), *choices]

    @property
    def active_filters(self):
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    @property
    def ignored_fields(self):
        """Labels of filters whose values were not understood; the template says so."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    def query_string(self):
        """The valid filters as a query string, for pagination links."""
        return urlencode({name: self.data.get(name) for name in self.active_filters})


class DocumentFilterForm(LenientFilterForm):
    kind = optional_choice(_("Type"))
    year = optional_choice(_("Year"))
    sender = optional_choice(_("Sender"))
    status = optional_choice(_("Status"))

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
        filters = self.active_filters
        if "kind" in filters:
            documents = documents.filter(kind=filters["kind"])
        if "year" in filters:
            documents = documents.filter(date__year=int(filters["year"]))
        if "sender" in filters:
            documents = documents.filter(sender=filters["sender"])
        if "status" in filters:
            documents = documents.filter(status=filters["status"])
        return documents
