"""The news index's filters."""

import django_filters

from django.utils.translation import gettext_lazy as _

from core.filters import ListingFilterSet
from core.i18n import localized_rows
from libraries.models import Region

from .models import NewsPage


class NewsFilterSet(ListingFilterSet):
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), field_name="topic_links__topic__slug", distinct=True
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="region_links__region__code", distinct=True
    )
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="publication_date", lookup_expr="year")

    class Meta:
        model = NewsPage
        fields = []

    def __init__(self, data=None, queryset=None, *, topics, years, archive_year=None, **kwargs):
        self.topics, self.years, self.archive_year = topics, years, archive_year
        super().__init__(data, queryset, **kwargs)

    def set_choices(self):
        if self.archive_year is not None:
            # The archive URL already fixes the year.
            self.remove("year")
        else:
            self.offer("year", [(str(year), str(year)) for year in self.years])
        self.offer("topic", [(topic.slug, topic.name) for topic in self.topics])
        self.offer("region", self.region_choices())

    def region_choices(self):
        """Regions the listed news mention, named in the reader's language where translated."""
        linked = list(Region.objects.filter(news_links__page__in=self.queryset).distinct())
        choices = {region.code: region.name for region in localized_rows(linked)}
        return sorted(choices.items(), key=lambda choice: choice[1])
