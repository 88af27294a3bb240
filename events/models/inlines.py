"""The ordered lists an event page carries: halls, organisers, contacts, letters, topics."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class EventVenue(TranslatableMixin, Orderable):
    """A venue of the event; an event may take place in several buildings."""

    page = ParentalKey("events.EventPage", related_name="event_venues", on_delete=models.CASCADE)
    venue = models.ForeignKey(
        "events.Venue", verbose_name=_("venue"), on_delete=models.PROTECT, related_name="event_links"
    )

    override_translatable_fields = [SynchronizedField("venue")]
    panels = [FieldPanel("venue")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")


class EventHall(TranslatableMixin, Orderable):
    page = ParentalKey("events.EventPage", related_name="halls", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=255)
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The building the hall is in (one of the event's venues)."),
    )

    override_translatable_fields = [SynchronizedField("venue")]
    panels = [FieldPanel("name"), FieldPanel("venue")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("hall")
        verbose_name_plural = _("halls")

    def __str__(self):
        return self.name


class EventParticipant(TranslatableMixin, Orderable):
    """An organiser or supporter, in the order the event names them."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        PARTICIPATING = "participating", _("With the participation of")
        SUPPORTER = "supporter", _("Supporter")

    ROLE_HEADINGS = {
        Role.ORGANISER: _("Organisers"),
        Role.PARTICIPATING: _("With the participation of"),
        Role.SUPPORTER: _("With the support of"),
    }

    page = ParentalKey("events.EventPage", related_name="participants", on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ORGANISER)
    name = models.CharField(_("name"), max_length=500)
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Link the library's profile when the organisation is a library of the network."),
    )

    # The library link is kept as chosen; readers see the library's translation through .localized.
    override_translatable_fields = [SynchronizedField("library")]
    panels = [FieldPanel("role"), FieldPanel("name"), FieldPanel("library")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("organiser or supporter")
        verbose_name_plural = _("organisers and supporters")

    def __str__(self):
        return self.name


class EventContact(TranslatableMixin, Orderable):
    page = ParentalKey("events.EventPage", related_name="contacts", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=500, blank=True)
    organisation = models.CharField(_("organisation"), max_length=500, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    extension = models.CharField(_("extension"), max_length=16, blank=True)

    override_translatable_fields = [SynchronizedField("phone"), SynchronizedField("extension")]
    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("extension"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if not digits:
            return ""
        return f"tel:{digits};ext={self.extension}" if self.extension else f"tel:{digits}"


class EventDocument(TranslatableMixin, Orderable):
    page = ParentalKey("events.EventPage", related_name="related_documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("official document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    override_translatable_fields = [SynchronizedField("document")]
    panels = [FieldPanel("document")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related official letter")
        verbose_name_plural = _("related official letters")


class EventTextItem(TranslatableMixin, Orderable):
    """One line of an ordered list on the event page."""

    text = models.CharField(_("text"), max_length=500)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.text


class EventKeyQuestion(EventTextItem):
    page = ParentalKey("events.EventPage", related_name="key_questions", on_delete=models.CASCADE)

    class Meta(EventTextItem.Meta):
        verbose_name = _("key question")
        verbose_name_plural = _("key questions")


class EventDirection(EventTextItem):
    page = ParentalKey("events.EventPage", related_name="directions", on_delete=models.CASCADE)

    class Meta(EventTextItem.Meta):
        verbose_name = _("direction of work")
        verbose_name_plural = _("directions of work")


class EventFormat(EventTextItem):
    page = ParentalKey("events.EventPage", related_name="formats", on_delete=models.CASCADE)

    class Meta(EventTextItem.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class EventContest(EventTextItem):
    page = ParentalKey("events.EventPage", related_name="contests", on_delete=models.CASCADE)

    class Meta(EventTextItem.Meta):
        verbose_name = _("contest or award")
        verbose_name_plural = _("contests and awards")
