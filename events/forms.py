"""Filters of the events section and of an event's programme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm


class EventFilterForm(FilterForm):
    # Any plausible year, not only years with events: a year without events is an empty listing.
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2999)
    kind = forms.ChoiceField(label=_("Kind"))

    def __init__(self, data=None, *, kinds, **kwargs):
        self.kinds = kinds
        super().__init__(data, **kwargs)

    def set_choices(self):
        self.offer("kind", self.kinds, all_label=_("All kinds"))


class ProgrammeFilterForm(FilterForm):
    track = forms.TypedChoiceField(label=_("Track"), coerce=int)
    # Cleaned to the programme's own hall object: sessions are matched by identity.
    hall = forms.TypedChoiceField(label=_("Hall"))

    def __init__(self, data=None, *, programme, **kwargs):
        self.programme = programme
        super().__init__(data, **kwargs)

    def set_choices(self):
        halls = {str(hall.pk): hall for hall in self.programme.used_halls()}
        self.offer("track", [(str(number), label) for number, label in self.programme.tracks()])
        self.offer("hall", [(pk, hall.name) for pk, hall in halls.items()])
        self.fields["hall"].coerce = halls.__getitem__
