"""Blocks of agreements and of the regulation (numbered sections of clauses)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks

from core.blocks import BaseStreamBlock, preview


class ClauseBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"), required=False)
    items = blocks.ListBlock(blocks.TextBlock(label=_("Sub-item")), label=_("Sub-items"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Clause")
        template = "partnerships/blocks/clause_block.html"
        preview_value = preview(
            {
                "text": pgettext_lazy(
                    "block preview", "The number of partner libraries under one Agreement is not limited."
                ),
                "items": [],
            }
        )


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    numbered_clauses = blocks.BooleanBlock(
        label=_("Numbered clauses"),
        required=False,
        default=True,
        help_text=_("Untick for a section that is a plain list (goals, tasks)."),
    )
    clauses = blocks.ListBlock(ClauseBlock(), label=_("Clauses"))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "partnerships/blocks/section_block.html"
        preview_value = preview(
            {
                "title": pgettext_lazy("block preview", "General provisions"),
                "numbered_clauses": True,
                "clauses": [
                    {
                        "text": pgettext_lazy(
                            "block preview",
                            "This Regulation sets out the aims, tasks and forms of cooperation.",
                        ),
                        "items": [],
                    }
                ],
            }
        )

    def get_preview_context(self, value, parent_context=None):
        # The regulation page numbers its sections; the preview shows the first one.
        return {**super().get_preview_context(value, parent_context=parent_context), "section_number": 1}


class RegulationStreamBlock(BaseStreamBlock):
    section = SectionBlock()


class AgreementStreamBlock(BaseStreamBlock):
    """The agreement's text: the shared blocks are enough; a subclass keeps room for its own."""
