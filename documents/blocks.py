"""A block that links an official document of the registry from any page's body."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import preview


class OfficialDocumentBlock(blocks.StructBlock):
    document = SnippetChooserBlock("documents.OfficialDocument", label=_("Official document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to show the document's subject, number and date."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Official document")
        template = "documents/blocks/official_document_block.html"
        preview_value = preview(
            {"title": pgettext_lazy("block preview", "BGUNB letter of 3 June 2024, No. 01-16/124")}
        )

    def get_preview_value(self):
        # The template shows nothing without a document: preview the link with a published one.
        value = super().get_preview_value()
        documents = self.child_blocks["document"].model_class.objects.filter(live=True)
        value["document"] = documents.order_by("-date", "-pk").first()
        return value
