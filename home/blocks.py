"""Sections of the home page: editors reorder them, hide them or give them their own heading.

Each section reads what it shows with one bounded query (counts: two), in the reader's language.
The section pages they link to (events, news, documents…) come from the home page's context,
which looks them up once for the menu of sections.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale

from core.absolute_urls import request_root_url
from core.page_cache import fragment

MAX_ITEMS = 6


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"), required=False, help_text=_("Leave empty for the usual heading.")
    )
    show = blocks.BooleanBlock(
        label=_("show on the page"), required=False, default=True, help_text=_("Untick to hide the section.")
    )

    default_heading = ""

    class Meta:
        icon = "placeholder"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = value.get("heading") or self.default_heading
        parent_context = parent_context or {}
        # The home page's own language, read once for every section.
        context["locale"] = parent_context.get("home_locale") or Locale.get_active()
        context["section_pages"] = parent_context.get("section_pages", {})
        if value.get("show"):
            context.update(self.items(value, context))
        return context

    def items(self, value, context):
        return {}

    def render(self, value, context=None):
        # A hidden section leaves nothing, not even an empty wrapper.
        if not value.get("show"):
            return ""
        # The same for every reader of the home page in a language: kept for the content generation
        # (until midnight at most), like the menu, so another variant of the page's URL (consent,
        # low-vision settings, a campaign's utm_ parameters) renders without its queries.
        request = (context or {}).get("request")
        home = (context or {}).get("page")
        parts = [
            request_root_url(request) if request is not None else "",
            getattr(home, "pk", ""),
            translation.get_language(),
            self.name,
            json.dumps(self.get_prep_value(value), sort_keys=True, cls=DjangoJSONEncoder),
        ]
        return fragment("home-section", parts, lambda: blocks.StructBlock.render(self, value, context))


class CountedSectionBlock(SectionBlock):
    count = blocks.IntegerBlock(label=_("how many"), default=3, min_value=1, max_value=MAX_ITEMS)

    def limit(self, value):
        return max(1, min(value.get("count") or 3, MAX_ITEMS))


class CampaignSectionBlock(SectionBlock):
    """The current campaign, or the last one, with its state and a call to action."""

    default_heading = _("Campaign of the movement")

    class Meta:
        icon = "pick"
        label = _("Campaign")
        template = "home/sections/campaign.html"

    def items(self, value, context):
        from movement.models import CampaignPage

        today = CampaignPage.today()
        ahead = Case(When(end_date__gte=today, then=Value(1)), default=Value(0), output_field=IntegerField())
        # One query: the running or next campaign (earliest start) first; when none is ahead, the
        # one that ended last.
        campaign = (
            CampaignPage.objects.live()
            .filter(locale=context["locale"])
            .annotate(ahead=ahead)
            .order_by(
                "-ahead",
                Case(When(ahead=1, then=F("start_date"))).asc(nulls_last=True),
                "-end_date",
                "-pk",
            )
            .first()
        )
        return {"campaign": campaign}


class EventsSectionBlock(CountedSectionBlock):
    default_heading = _("Upcoming events")

    class Meta:
        icon = "date"
        label = _("Upcoming and current events")
        template = "home/sections/events.html"

    def items(self, value, context):
        from events.models import EventPage

        events = (
            EventPage.objects.live()
            .filter(locale=context["locale"])
            .annotate(last_day=Coalesce(F("end_date"), F("start_date")))
            .filter(last_day__gte=timezone.localdate())
            .order_by("start_date", "pk")[: self.limit(value)]
        )
        return {"events": list(events)}


class NewsSectionBlock(CountedSectionBlock):
    default_heading = _("Latest news")

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "home/sections/news.html"

    def items(self, value, context):
        from news.models import NewsPage

        news = (
            NewsPage.objects.live()
            .filter(locale=context["locale"])
            .order_by("-publication_date", "-pk")[: self.limit(value)]
        )
        return {"news": list(news)}


class CountsSectionBlock(SectionBlock):
    """Libraries, regions and agreements of the network; a count of zero is left out."""

    default_heading = _("The network in numbers")

    class Meta:
        icon = "list-ol"
        label = _("Numbers")
        template = "home/sections/counts.html"

    def items(self, value, context):
        from libraries.models import Library
        from partnerships.models import AgreementPage

        locale = context["locale"]
        network = Library.objects.for_locale(locale).aggregate(
            libraries=Count("translation_key", distinct=True),
            regions=Count("region__code", distinct=True),
            countries=Count("country__code", distinct=True),
        )
        agreements = AgreementPage.objects.live().filter(locale=locale).count()
        numbers = [
            ("libraries", network["libraries"]),
            ("regions", network["regions"]),
            ("countries", network["countries"]),
            ("agreements", agreements),
        ]
        return {"numbers": [(key, number) for key, number in numbers if number]}


class DocumentsSectionBlock(CountedSectionBlock):
    default_heading = _("Official documents")

    class Meta:
        icon = "doc-empty"
        label = _("Latest official documents")
        template = "home/sections/documents.html"

    def items(self, value, context):
        from documents.models import OfficialDocument

        documents = OfficialDocument.objects.filter(locale=context["locale"], live=True).order_by(
            "-date", "-pk"
        )[: self.limit(value)]
        return {"documents": list(documents)}


class DirectorySectionBlock(SectionBlock):
    """A way into the library directory, its map and the namesake finder."""

    default_heading = _("Libraries of the network")
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "site"
        label = _("Directory and map")
        template = "home/sections/directory.html"

    def items(self, value, context):
        from django.contrib.contenttypes.models import ContentType

        from wagtail.models import Page

        from partnerships.models import LibraryIndexPage, NamesakeFinderPage

        # Plain pages suffice for a title and a URL: one query for both.
        types = ContentType.objects.get_for_models(LibraryIndexPage, NamesakeFinderPage)
        pages = Page.objects.live().filter(locale=context["locale"], content_type__in=types.values())
        by_type = {page.content_type_id: page for page in pages}
        return {
            "directory": by_type.get(types[LibraryIndexPage].pk),
            "finder": by_type.get(types[NamesakeFinderPage].pk),
        }


class HomeSectionsBlock(blocks.StreamBlock):
    campaign = CampaignSectionBlock()
    events = EventsSectionBlock()
    news = NewsSectionBlock()
    counts = CountsSectionBlock()
    documents = DocumentsSectionBlock()
    directory = DirectorySectionBlock()

    class Meta:
        label = _("Sections")


DEFAULT_SECTIONS = [
    ("campaign", {"heading": "", "show": True}),
    ("events", {"heading": "", "show": True, "count": 3}),
    ("news", {"heading": "", "show": True, "count": 3}),
    ("counts", {"heading": "", "show": True}),
    ("directory", {"heading": "", "show": True, "text": ""}),
    ("documents", {"heading": "", "show": True, "count": 3}),
]
