"""Blocks of agreements and of the regulation (numbered sections of clauses)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import BaseStreamBlock


class ClauseBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"), required=False)
    items = blocks.ListBlock(blocks.TextBlock(label=_("Sub-item")), label=_("Sub-items"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Clause")
        template = "partnerships/blocks/clause_block.html"
        preview_value = {
            "text": "Количество библиотек-партнеров в рамках одного Соглашения не ограничено.",
            "items": [],
        }


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
        preview_value = {
            "title": "Общие положения",
            "numbered_clauses": True,
            "clauses": [
                {"text": "Настоящее Положение определяет цели, задачи, формы сотрудничества.", "items": []}
            ],
        }


class RegulationStreamBlock(BaseStreamBlock):
    section = SectionBlock()


class AgreementStreamBlock(BaseStreamBlock):
    """The agreement's text: the shared blocks are enough; a subclass keeps room for its own."""
