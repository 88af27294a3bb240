"""The news index's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import FilterForm
from libraries.models import Region


class NewsFilterForm(FilterForm):
    topic = forms.ChoiceField(label=_("Topic"))
    region = forms.ChoiceField(label=_("Region"))
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, data=None, *, index, topics, years, archive_year=None, **kwargs):
        self.index, self.topics, self.years = index, topics, years
        self.archive_year = archive_year
        super().__init__(data, **kwargs)

    def set_choices(self):
        if self.archive_year is not None:
            # The archive URL already fixes the year.
            del self.fields["year"]
        else:
            self.offer("year", [(str(year), str(year)) for year in self.years])
        self.offer("topic", [(topic.slug, topic.name) for topic in self.topics])
        self.offer("region", self.region_choices())

    def region_choices(self):
        """Regions the index's news mention, named in the index's language where translated."""
        linked = list(Region.objects.filter(news_links__page__in=self.index.news()).distinct())
        names = dict(
            Region.objects.filter(
                locale_id=self.index.locale_id,
                translation_key__in=[region.translation_key for region in linked],
            ).values_list("translation_key", "name")
        )
        choices = {region.code: names.get(region.translation_key, region.name) for region in linked}
        return sorted(choices.items(), key=lambda choice: choice[1])

    def filter(self, news):
        filters = self.cleaned
        if "topic" in filters:
            news = news.filter(topic_links__topic__slug=filters["topic"])
        if "region" in filters:
            news = news.filter(region_links__region__code=filters["region"])
        if "year" in filters:
            news = news.filter(publication_date__year=filters["year"])
        return news.distinct()
