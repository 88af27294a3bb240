"""Blocks of the movement and campaign pages."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks

from core.blocks import BaseStreamBlock, preview


class GoalBlock(blocks.StructBlock):
    """One aim of the movement, with the forms of work it covers."""

    text = blocks.TextBlock(label=_("Aim"))
    details = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=500), label=_("Details"), default=[]
    )

    class Meta:
        icon = "success"
        label = _("Aim")
        template = "movement/blocks/goal_block.html"
        preview_value = preview(
            {
                "text": pgettext_lazy(
                    "block preview",
                    "Uniting the work of libraries of different systems and departments"
                    " of the Russian Federation",
                ),
                "details": [
                    pgettext_lazy("block preview", "information work"),
                    pgettext_lazy("block preview", "cultural work"),
                ],
            }
        )


class SupportedGroupBlock(blocks.StructBlock):
    """A group of people the movement supports."""

    name = blocks.CharBlock(label=_("Group"), max_length=500)
    note = blocks.CharBlock(label=_("Note"), max_length=500, required=False)

    class Meta:
        icon = "group"
        label = _("Supported group")
        template = "movement/blocks/supported_group_block.html"
        preview_value = preview(
            {"name": pgettext_lazy("block preview", "service members and their families"), "note": ""}
        )


class StepBlock(blocks.StructBlock):
    """One step a library takes to join a campaign."""

    title = blocks.CharBlock(label=_("Step"), max_length=255)
    text = blocks.TextBlock(label=_("Explanation"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "movement/blocks/step_block.html"
        preview_value = preview(
            {
                "title": pgettext_lazy("block preview", "Post the banner"),
                "text": pgettext_lazy(
                    "block preview", "On the library's website, social networks and messengers."
                ),
            }
        )


class MovementStreamBlock(BaseStreamBlock):
    goal = GoalBlock()


class SupportedGroupsBlock(blocks.StreamBlock):
    group = SupportedGroupBlock()

    class Meta:
        label = _("Supported groups")


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        label = _("Steps")
