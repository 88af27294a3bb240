"""The regulation: numbered sections and clauses with stable anchors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.models import BasePage
from partnerships.blocks import RegulationStreamBlock


class RegulationPage(BasePage):
    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    document_date = models.DateField(_("date of the regulation"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    superseded_by = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(RegulationStreamBlock(), verbose_name=_("text"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("document_date"),
                FieldPanel("status"),
                PageChooserPanel("superseded_by", "partnerships.RegulationPage"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    override_translatable_fields = [TranslatableField("superseded_by")]

    parent_page_types = ["partnerships.AgreementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def numbered_body(self):
        """(block, section number or None): sections are numbered in order, other blocks are not."""
        number = 0
        result = []
        for block in self.body:
            if block.block_type == "section":
                number += 1
                result.append((block, number))
            else:
                result.append((block, None))
        return result

    def table_of_contents(self):
        return [
            {"number": number, "title": block.value["title"], "anchor": f"s-{number}"}
            for block, number in self.numbered_body()
            if number
        ]
