"""Snippets an event's programme names: the venues (buildings with an address) its halls are in, and
the formats of its sessions (lecture, round table…), which editors extend."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import LocalizedQuerySet
from core.models import PublishableSnippetMixin
from core.page_cache import fragment


class Venue(TranslatableMixin, PublishableSnippetMixin, index.Indexed, models.Model):
    """A building where events take place: a library or any other organisation, with its address.

    With drafts and moderation: a venue's address is on every page of its events, so a change waits
    for a Moderator like the pages do."""

    # A few dozen rows: pages read them whole from a fragment of the page cache (core.i18n).
    translations_in_fragment = True

    name = models.CharField(_("name"), max_length=500, help_text=_("e.g. Russian State Library"))
    address = models.CharField(_("address"), max_length=500, blank=True, help_text=_("e.g. Pashkov House"))
    city = models.CharField(_("city"), max_length=255, blank=True)
    library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("library record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the venue is a library of the network."),
    )

    override_translatable_fields = [SynchronizedField("library")]
    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("city"), FieldPanel("library")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return ", ".join(part for part in (self.name, self.city) if part)

    def text(self):
        return ", ".join(part for part in (self.name, self.address, self.city) if part)


class SessionFormat(TranslatableMixin, PublishableSnippetMixin, models.Model):
    """A format of programme sessions; sessions keep its code, readers see its name in their language."""

    code = models.SlugField(
        _("code"), max_length=50, help_text=_("Latin letters; sessions of the programme keep it.")
    )
    name = models.CharField(_("name"), max_length=255)

    override_translatable_fields = [SynchronizedField("code")]
    panels = [FieldPanel("name"), FieldPanel("code")]

    objects = LocalizedQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("session format")
        verbose_name_plural = _("session formats")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_session_format_code_per_locale")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def names(cls, locale=None):
        """code → name of the published formats in the reader's language (the source's where
        untranslated), kept for the content generation: every programme reads them, and an
        export reads hundreds of programmes."""
        locale = locale or Locale.get_active()
        return fragment(
            "session-format-names",
            [locale.language_code],
            lambda: {item.code: item.name for item in cls.objects.for_locale(locale)},
        )
