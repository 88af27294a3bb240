"""Sections of the home page: editors reorder them, hide them or give them their own heading.

Each section reads what it shows with one bounded query (counts: two), in the reader's language.
The section pages they link to (events, news, documents…) come from the home page's context,
which looks them up once for the menu of sections.
"""

from django.db.models import Count, F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale

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
        context["locale"] = Locale.get_active()
        context["section_pages"] = (parent_context or {}).get("section_pages", {})
        if value.get("show"):
            context.update(self.items(value, context))
        return context

    def items(self, value, context):
        return {}

    def render(self, value, context=None):
        # A hidden section leaves nothing, not even an empty wrapper.
        if not value.get("show"):
            return ""
        return super().render(value, context=context)


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
        campaigns = CampaignPage.objects.live().filter(locale=context["locale"])
        # Running or next first; when none is ahead, the last one that ended.
        campaign = (
            campaigns.filter(end_date__gte=today).order_by("start_date", "pk").first()
            or campaigns.order_by("-end_date", "-pk").first()
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
        from partnerships.models import LibraryIndexPage, NamesakeFinderPage

        locale = context["locale"]
        pages = {
            type(page): page
            for page in (
                list(LibraryIndexPage.objects.live().filter(locale=locale)[:1])
                + list(NamesakeFinderPage.objects.live().filter(locale=locale)[:1])
            )
        }
        return {"directory": pages.get(LibraryIndexPage), "finder": pages.get(NamesakeFinderPage)}


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
