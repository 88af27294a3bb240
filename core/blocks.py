"""The shared block library. Apps import these blocks and extend BaseStreamBlock."""

from functools import partial

from django.core.exceptions import ValidationError
from django.utils.functional import Promise, lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as images_blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]

# Rich text previews: HTML whose text is translated (and escaped) when the preview is shown.
format_html_lazy = lazy(format_html, str)


def _resolve(value):
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _resolve(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_resolve(item) for item in value)
    return value


def preview(value):
    """A block's ``Meta.preview_value`` in the editor's language.

    Wagtail calls a callable preview value each time it shows the preview, so the lazy texts in
    ``value`` (nested in dicts, lists and tuples) are translated then, in the active language.
    A partial, not a function: a function set on Meta would become a bound method.
    """
    return partial(_resolve, value)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = preview(
            {"text": pgettext_lazy("block preview", "Aims of the movement"), "level": "h2"}
        )


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        preview_value = preview(
            format_html_lazy(
                "<p>{}</p>",
                pgettext_lazy(
                    "block preview",
                    "The movement unites the work of libraries of different systems and departments.",
                ),
            )
        )


class ImageBlock(blocks.StructBlock):
    """An image with a caption and a credit.

    The image itself is Wagtail's ImageBlock: it asks for alternative text unless the editor marks
    the image as decorative, and wagtail-localize translates that text with the page.
    """

    image = images_blocks.ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        preview_value = preview(
            {
                "caption": pgettext_lazy("block preview", "Signing of the agreement"),
                "credit": pgettext_lazy("block preview", "Photo: archive"),
            }
        )


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"
        preview_value = preview({"title": pgettext_lazy("block preview", "Photos"), "images": []})


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    speaker = blocks.CharBlock(label=_("Speaker"), required=False, max_length=255)
    role = blocks.CharBlock(label=_("Speaker's role"), required=False, max_length=500)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = preview(
            {
                "quote": pgettext_lazy(
                    "block preview", "The agreement signed today is already a concrete plan of joint work."
                ),
                "speaker": pgettext_lazy("block preview", "Vadim Gigin"),
                "role": pgettext_lazy("block preview", "Director General of the National Library of Belarus"),
            }
        )


class EmbedMediaBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "blocks/embed_block.html"
        preview_value = "https://vk.com/video-1_1"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"
        preview_value = preview({"title": pgettext_lazy("block preview", "Regulation on cooperation (PDF)")})

    def get_preview_value(self):
        # The template links a document: preview with the newest one (none on an empty site).
        value = super().get_preview_value()
        value["document"] = self.child_blocks["document"].model_class.objects.order_by("-pk").first()
        return value


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/link_block.html"
        preview_value = preview(
            {"text": pgettext_lazy("block preview", "The movement's page"), "url": "https://example.org/"}
        )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        preview_value = preview(
            {
                "title": pgettext_lazy("block preview", "Join the flashmob"),
                "text": pgettext_lazy("block preview", "Post the banner and the hashtag #TogetherStronger."),
                "link": {
                    "text": pgettext_lazy("block preview", "How to take part"),
                    "url": "https://example.org/",
                },
            }
        )


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        preview_value = preview(
            {
                "first_row_is_table_header": True,
                "data": [
                    [pgettext_lazy("block preview", "Date"), pgettext_lazy("block preview", "Event")],
                    [
                        pgettext_lazy("block preview", "6–12 June 2024"),
                        pgettext_lazy("block preview", "Flashmob #TogetherStronger"),
                    ],
                ],
            }
        )


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every page can use; apps subclass it to add their own."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    embed = EmbedMediaBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Content")
