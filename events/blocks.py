"""Programme blocks: a day holds its sessions; a session names its hall, track and broadcast."""

import datetime
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks

from core.blocks import preview


class BuiltInFormat:
    """The formats the programme knew before they became editable snippets (events.SessionFormat);
    offered only while no format is published."""

    PLENARY = "plenary"
    EXPERT_SESSION = "expert_session"
    DIALOGUE = "dialogue"
    LABORATORY = "laboratory"
    SEMINAR = "seminar"
    EXCURSION = "excursion"
    SPECIAL_EVENT = "special_event"
    CULTURAL = "cultural"

    CHOICES = [
        (PLENARY, _("Plenary session")),
        (EXPERT_SESSION, _("Expert session")),
        (DIALOGUE, _("Dialogue platform")),
        (LABORATORY, _("Laboratory")),
        (SEMINAR, _("Seminar")),
        (EXCURSION, _("Excursion")),
        (SPECIAL_EVENT, _("Special event")),
        (CULTURAL, _("Cultural programme")),
    ]


def format_choices():
    """The published session formats in the editor's language, else the built-in ones."""
    from events.models.places import SessionFormat

    names = SessionFormat.names()
    return sorted(names.items(), key=lambda item: item[1]) or BuiltInFormat.CHOICES


def format_name(code, names=None):
    """A format's name in the reader's language: from ``names`` (SessionFormat.names()) or built in."""
    if names is None:
        from events.models.places import SessionFormat

        names = SessionFormat.names()
    return str(names.get(code) or dict(BuiltInFormat.CHOICES).get(code, code or ""))


class FormatChoiceBlock(blocks.ChoiceBlock):
    """The session's format code. Stored codes are read as they are: Wagtail would otherwise look
    every session's value up in the (database) choices each time a programme loads."""

    def to_python(self, value):
        return value


class Provider:
    """Broadcast platforms readers know by name; recognised from the link's host."""

    CULTURE_RF = "culture_rf"
    VK_VIDEO = "vk_video"
    RUTUBE = "rutube"
    YOUTUBE = "youtube"

    CHOICES = [
        (CULTURE_RF, _("Kultura.RF")),
        (VK_VIDEO, "VK Video"),
        (RUTUBE, "RuTube"),
        (YOUTUBE, "YouTube"),
    ]
    NAMES = dict(CHOICES)
    HOSTS = {
        "culture.ru": CULTURE_RF,
        "xn--80aaqahgjbtdgfc0c.xn--p1ai": CULTURE_RF,  # культура.рф
        "vk.com": VK_VIDEO,
        "vkvideo.ru": VK_VIDEO,
        "vk.ru": VK_VIDEO,
        "rutube.ru": RUTUBE,
        "youtube.com": YOUTUBE,
        "youtu.be": YOUTUBE,
    }

    @classmethod
    def from_url(cls, url):
        host = (urlsplit(url or "").hostname or "").lower()
        for known, code in cls.HOSTS.items():
            if host == known or host.endswith("." + known):
                return code
        return ""


class SessionBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(label=_("Starts at"), required=False)
    end_time = blocks.TimeBlock(label=_("Ends at"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    # Not indexed: Wagtail would read the (database) choices for every session of the programme
    # each time the page is indexed, one query per session; the titles and people carry the content.
    format = FormatChoiceBlock(label=_("Format"), choices=format_choices, search_index=False)
    track_number = blocks.IntegerBlock(
        label=_("Track number"),
        required=False,
        min_value=1,
        help_text=_("Sessions of different tracks run in parallel; leave empty for a common session."),
    )
    track_name = blocks.CharBlock(label=_("Track name"), required=False, max_length=255)
    hall = blocks.CharBlock(
        label=_("Hall"),
        required=False,
        max_length=255,
        help_text=_("Exactly as in the event's list of halls."),
    )
    moderators = blocks.TextBlock(label=_("Moderators"), required=False, help_text=_("One per line."))
    speakers = blocks.TextBlock(label=_("Speakers"), required=False, help_text=_("One per line."))
    description = blocks.TextBlock(label=_("Description"), required=False)
    broadcast_url = blocks.URLBlock(label=_("Live broadcast link"), required=False)
    recording_url = blocks.URLBlock(label=_("Recording link"), required=False)
    provider = blocks.ChoiceBlock(
        label=_("Broadcast platform"),
        choices=Provider.CHOICES,
        required=False,
        help_text=_("Leave empty to recognise it from the link."),
    )

    class Meta:
        icon = "time"
        label = _("Session")
        template = "events/blocks/session_block.html"
        form_classname = "struct-block session-block"
        preview_value = preview(
            {
                "title": pgettext_lazy("block preview", "Central expert session"),
                "format": BuiltInFormat.EXPERT_SESSION,
                "hall": pgettext_lazy("block preview", "Gorky Hall"),
                "recording_url": "https://www.culture.ru/live/broadcast/91474/",
            }
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        programme = (parent_context or {}).get("programme")
        names = programme.format_names if programme is not None else None
        context["format_label"] = format_name(value.get("format"), names)
        return context


class SessionStreamBlock(blocks.StreamBlock):
    session = SessionBlock()

    class Meta:
        icon = "list-ul"
        label = _("Sessions")
        template = "events/blocks/session_list_block.html"
        preview_value = preview(
            [
                (
                    "session",
                    {
                        "title": pgettext_lazy("block preview", "Central expert session"),
                        "format": BuiltInFormat.EXPERT_SESSION,
                    },
                )
            ]
        )


class ProgrammeDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255, help_text=_("e.g. Day one"))
    sessions = SessionStreamBlock(label=_("Sessions"), required=False)

    class Meta:
        icon = "date"
        label = _("Programme day")
        template = "events/blocks/programme_day_block.html"
        preview_value = preview(
            {"date": datetime.date(2024, 4, 17), "title": pgettext_lazy("block preview", "Day one")}
        )


class ProgrammeStreamBlock(blocks.StreamBlock):
    day = ProgrammeDayBlock()

    class Meta:
        label = _("Programme")
