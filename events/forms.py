"""Filters of the events section and of an event's programme."""

import django_filters

from django.utils.translation import gettext_lazy as _

from core.filters import ListingFilterSet, YearFilter

from .models.pages import EventKind, EventPage


class EventFilterSet(ListingFilterSet):
    # Any plausible year, not only years with events: a year without events is an empty listing.
    year = YearFilter(label=_("Year"), field_name="start_date")
    kind = django_filters.ChoiceFilter(label=_("Kind"))

    class Meta:
        model = EventPage
        fields = []

    def __init__(self, data=None, queryset=None, *, years=(), **kwargs):
        self.years = years
        super().__init__(data, queryset, **kwargs)

    def set_choices(self):
        self.offer_years("year", self.years)
        self.offer("kind", EventKind.choices, all_label=_("All kinds"))


class ProgrammeFilterSet(ListingFilterSet):
    """Reads the programme's filters; the programme is a StreamField, filtered in Python
    (``Programme.filtered``), so this filter set never filters a queryset."""

    auto_id = "programme-%s"

    track = django_filters.TypedChoiceFilter(label=_("Track"), coerce=int)
    # Cleaned to the programme's own hall object: sessions are matched by identity.
    hall = django_filters.TypedChoiceFilter(label=_("Hall"))

    class Meta:
        model = EventPage
        fields = []

    def __init__(self, data=None, *, programme, **kwargs):
        self.programme = programme
        super().__init__(data, EventPage.objects.none(), **kwargs)

    def set_choices(self):
        tracks = self.programme.tracks()
        halls = {str(hall.pk): hall for hall in self.programme.used_halls()}
        # A filter is offered only where there is something to choose.
        if tracks:
            self.offer_typed("track", [(str(number), label) for number, label in tracks], _("All tracks"))
        else:
            self.remove("track")
        if halls:
            self.offer_typed("hall", [(pk, hall.name) for pk, hall in halls.items()], _("All halls"))
            self.filters["hall"].extra["coerce"] = halls.__getitem__
        else:
            self.remove("hall")
