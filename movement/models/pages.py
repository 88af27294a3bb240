"""The movement's landing page and its campaigns (flashmobs)."""

import logging
from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Subquery
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock, ImageBlock
from core.dates import SITE_TIMEZONE, validate_span
from core.i18n import localized_by_pk
from core.methods import accepts_post
from core.models import BasePage
from documents.models import OfficialDocument
from libraries.models import Library, Region
from movement import graphics
from movement.blocks import MovementStreamBlock, StepsBlock, SupportedGroupsBlock
from movement.http import cache_key, generated_file_response

from .mixins import QRCodeRoutesMixin
from .participation import ParticipationReport

logger = logging.getLogger(__name__)


def source_page(page):
    """The page in the default (Russian) locale that reports are attached to."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    original = page.get_translation_or_none(Locale.get_default())
    return original.specific if original is not None else page


def reports_of(page):
    """Reports of ``page``'s campaign, which are attached to its Russian source (no query for it)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return ParticipationReport.objects.filter(campaign=page)
    return ParticipationReport.objects.filter(
        campaign__translation_key=page.translation_key,
        campaign__locale__language_code=settings.LANGUAGE_CODE,
    )


class MovementPage(QRCodeRoutesMixin, BasePage):
    """The landing page of the movement; the page its QR codes and banners point to."""

    full_name = models.CharField(
        _("full name"), max_length=500, help_text=_("The official name, e.g. All-Russian library movement …")
    )
    hashtag = models.CharField(_("hashtag"), max_length=100, help_text=_("With the # sign."))
    body = StreamField(MovementStreamBlock(), verbose_name=_("description and aims"), blank=True)
    supported_groups = StreamField(
        SupportedGroupsBlock(), verbose_name=_("whom the movement supports"), blank=True
    )
    initiator_name = models.CharField(_("initiator"), max_length=500, blank=True)
    initiator_library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("initiator library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    founding_event = models.CharField(
        _("founded at"), max_length=500, blank=True, help_text=_("The event where the founding was decided.")
    )
    founding_city = models.CharField(_("city of the founding"), max_length=255, blank=True)
    original_url = models.URLField(
        _("original movement page"), blank=True, help_text=_("The page named in the founding documents.")
    )
    contact_address = models.CharField(_("address"), max_length=500, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=100, blank=True)
    contact_fax = models.CharField(_("fax"), max_length=100, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("full_name"),
        FieldPanel("hashtag"),
        FieldPanel("body"),
        FieldPanel("supported_groups"),
        MultiFieldPanel(
            [
                FieldPanel("initiator_name"),
                FieldPanel("initiator_library"),
                FieldPanel("founding_event"),
                FieldPanel("founding_city"),
                FieldPanel("original_url"),
            ],
            heading=_("Founding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_address"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_fax")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Contacts"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("full_name"),
        index.SearchField("hashtag"),
        index.SearchField("body"),
    ]

    # Everything else follows wagtail-localize's rules (text translated; dates, URLs, e-mails synchronised).
    override_translatable_fields = [
        SynchronizedField("hashtag"),
        SynchronizedField("initiator_library"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_fax"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["movement.CampaignPage"]

    class Meta:
        verbose_name = _("movement page")
        verbose_name_plural = _("movement pages")

    def participation_counts(self):
        """Distinct libraries and regions with an approved report in any campaign of the movement."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            movement_path = self.path
        else:
            # Reports belong to the campaigns of the Russian source: its path, in the same query.
            source = Page.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            movement_path = Subquery(source.values("path")[:1])
        return ParticipationReport.objects.filter(
            status=ParticipationReport.Status.APPROVED,
            campaign__path__startswith=movement_path,
        ).aggregate(libraries=Count("library_key", distinct=True), regions=Count("region", distinct=True))

    def participants_by_region(self):
        """(region code, region id, distinct participating libraries), from approved reports of
        every campaign of the movement."""
        movement = source_page(self)
        return list(
            ParticipationReport.objects.filter(
                status=ParticipationReport.Status.APPROVED, campaign__path__startswith=movement.path
            )
            .values_list("region__code", "region_id")
            .annotate(count=Count("library_key", distinct=True))
            .order_by()
        )

    def region_map(self, campaigns):
        from libraries.tilemap import region_map

        rows = self.participants_by_region()
        if not rows:
            return None
        counts = {code: count for code, _pk, count in rows}
        region_ids = {code: pk for code, pk, _count in rows}
        # A square leads to the region's participants in the latest campaign that has any.
        with_reports = set(
            CampaignPage.objects.filter(
                reports__status=ParticipationReport.Status.APPROVED,
                path__startswith=source_page(self).path,
            ).values_list("translation_key", flat=True)
        )
        campaign = next((c for c in campaigns if c.translation_key in with_reports), None)

        def describe(count):
            return ngettext("%(count)s library", "%(count)s libraries", count) % {"count": count}

        def url_for(code):
            return f"{campaign.url}?region={region_ids[code]}#participants-heading" if campaign else ""

        return region_map(
            counts, locale=Locale.get_active(), describe=describe, url_for=url_for, map_id="movement-map"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["counts"] = self.participation_counts()
        context["campaigns"] = list(
            CampaignPage.objects.child_of(self)
            .live()
            .order_by("-start_date", "-pk")
            .select_related("listing_image")
        )
        initiator = self.initiator_library_id
        context["initiator_library"] = (
            localized_by_pk(Library, [initiator]).get(initiator) if initiator else None
        )
        context["region_map"] = self.region_map(context["campaigns"])
        open_campaigns = [c for c in context["campaigns"] if c.state != CampaignPage.State.FINISHED]
        context["current_campaign"] = open_campaigns[0] if open_campaigns else None
        return context


class CampaignPage(QRCodeRoutesMixin, BasePage):
    """One campaign (flashmob) of the movement."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        RUNNING = "running", _("Running now")
        FINISHED = "finished", _("Finished")

    hashtag = models.CharField(_("hashtag"), max_length=100, help_text=_("The campaign's name as a hashtag."))
    post_hashtag = models.CharField(
        _("hashtag for posts"),
        max_length=100,
        blank=True,
        help_text=_("The hashtag participants must put in their posts, as the announcement writes it."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    occasion = models.CharField(_("occasion"), max_length=255, blank=True)
    occasion_date = models.DateField(_("date of the occasion"), null=True, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("how to take part"), blank=True)
    banners = StreamField(
        [("banner", ImageBlock())],
        verbose_name=_("banners"),
        blank=True,
        help_text=_("The first banner is used for the downloadable banner kit."),
    )
    official_letter = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("official letter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepts_reports = models.BooleanField(
        _("accepts participation reports"),
        default=True,
        help_text=_("Libraries can report taking part once the campaign has started."),
    )
    reports_after_end = models.BooleanField(
        _("accept reports after the end"),
        default=False,
        help_text=_("Keep the report form open once the campaign is over (e.g. for late reports)."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("hashtag"), FieldPanel("post_hashtag")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("occasion"), FieldPanel("occasion_date")]),
        FieldPanel("body"),
        FieldPanel("steps"),
        FieldPanel("banners"),
        FieldPanel("official_letter"),
        FieldPanel("accepts_reports"),
        FieldPanel("reports_after_end"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("hashtag"),
        index.SearchField("body"),
        index.SearchField("steps"),
    ]

    override_translatable_fields = [
        SynchronizedField("hashtag"),
        SynchronizedField("post_hashtag"),
        SynchronizedField("official_letter"),
    ]

    parent_page_types = ["movement.MovementPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")

    def clean(self):
        super().clean()
        validate_span(self.start_date, self.end_date, _("The campaign cannot end before it starts."))

    # -- state ------------------------------------------------------------
    @staticmethod
    def today():
        return timezone.localdate(timezone=SITE_TIMEZONE)

    @property
    def state(self):
        today = self.today()
        if today < self.start_date:
            return self.State.UPCOMING
        if today > self.end_date:
            return self.State.FINISHED
        return self.State.RUNNING

    def get_state_display(self):
        return self.State(self.state).label

    @property
    def is_open_for_reports(self):
        state = self.state
        if not self.accepts_reports or state == self.State.UPCOMING:
            return False
        return state == self.State.RUNNING or self.reports_after_end

    @property
    def is_closed_after_end(self):
        """Over, and an editor did not keep the form open: the page says so instead of a form."""
        return self.accepts_reports and self.state == self.State.FINISHED and not self.reports_after_end

    # -- banner kit ---------------------------------------------------------
    @cached_property
    def movement(self):
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    def kit_target_url(self, request=None):
        # The announcement asks for a link or QR code to the movement's page.
        movement = self.movement
        target = movement if isinstance(movement, MovementPage) else self
        return target.get_full_url(request)

    def first_banner(self):
        for block in self.banners:
            if block.block_type == "banner" and block.value.get("image"):
                return block.value["image"]
        return None

    def kit_links(self):
        return [
            {
                "placement": placement,
                "url": self.url + self.reverse_subpage("banner_kit", kwargs={"placement": placement.slug}),
            }
            for placement in graphics.PLACEMENTS.values()
        ]

    @path("kit/<slug:placement>/", name="banner_kit")
    def banner_kit(self, request, placement):
        spec = graphics.PLACEMENTS.get(placement)
        if spec is None:
            raise Http404
        image = self.first_banner()
        url = self.kit_target_url(request)
        caption = gettext("Scan the code to open the movement's page")
        key = cache_key(
            "kit",
            spec.slug,
            url,
            self.hashtag,
            caption,
            image.pk if image else "",
            image.file.name if image else "",
        )

        def render():
            banner = None
            if image is not None:
                try:
                    from PIL import Image

                    with image.open_file() as handle:
                        banner = Image.open(handle)
                        banner.load()
                except (OSError, ValueError):
                    logger.warning("Banner image %s could not be read; drawing the kit without it", image.pk)
            return graphics.banner_kit(spec, banner, self.hashtag, url, caption)

        stem = slugify(self.slug) or "campaign"
        return generated_file_response(
            request, key, "image/png", render, filename=f"{stem}-{spec.slug}-{spec.width}x{spec.height}.png"
        )

    # -- participation ----------------------------------------------------------
    participants_per_page = 50

    def approved_reports(self):
        return reports_of(self).filter(status=ParticipationReport.Status.APPROVED)

    def approved_participants(self, reports, page_number=None):
        """Totals, and one page of approved reports grouped by region: {groups: [{region, count,
        reports}], libraries, regions, page}. Two queries however many reports there are."""
        per_region = dict(reports.order_by().values_list("region_id").annotate(count=Count("pk")))
        total = sum(per_region.values())
        paginator = Paginator(
            reports.order_by("region__sort_name", "library_name", "pk"), self.participants_per_page
        )
        paginator.count = total  # known already: no COUNT query
        page = paginator.get_page(page_number)
        names = {pk: region.name for pk, region in localized_by_pk(Region, per_region).items()}
        groups = []
        for region_id, items in groupby(page.object_list, key=lambda report: report.region_id):
            groups.append(
                {"region": names.get(region_id, ""), "count": per_region[region_id], "reports": list(items)}
            )
        return {"groups": groups, "libraries": total, "regions": len(per_region), "page": page}

    def get_context(self, request, *args, **kwargs):
        from movement.forms import ParticipantFilterSet, ParticipationForm

        context = super().get_context(request, *args, **kwargs)
        filter_form = ParticipantFilterSet(request.GET, self.approved_reports())
        context.update(
            {
                "filter_form": filter_form,
                "participants": self.approved_participants(filter_form.qs, request.GET.get("participants")),
                "kit_links": self.kit_links(),
                "letter": OfficialDocument.localized_with_attachments(self.official_letter_id),
            }
        )
        if "form" not in context and self.is_open_for_reports:
            # The Russian source is looked up only when a posted form is checked.
            context["form"] = ParticipationForm(campaign=SimpleLazyObject(lambda: source_page(self)))
        return context

    @path("participate/", name="participate")
    @accepts_post
    def participate(self, request):
        from movement.participation import handle_participation

        if request.method != "POST":
            return HttpResponseRedirect(self.url + "#participate")
        return handle_participation(self, request)

    @path("participate/thanks/", name="participate_thanks")
    def participate_thanks(self, request):
        return self.render(request, context_overrides={"submitted": True})
