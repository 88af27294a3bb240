"""Libraries and the regions and countries they are in: the records every section links to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import LocalizedQuerySet, localized_row
from core.models import PublishableSnippetMixin
from core.slugs import latin_slug
from libraries.naming import normalise_settlement


class NamedPlace(TranslatableMixin, PublishableSnippetMixin, index.Indexed, models.Model):
    """A place known by a code in every language and a name translated into each.

    Names have drafts like every other text readers see: a renamed region stays as it was on the
    site until a moderator publishes the change.
    """

    name = models.CharField(_("name"), max_length=255)
    sort_name = models.CharField(_("sort name"), max_length=255, blank=True, editable=False)

    override_translatable_fields = [SynchronizedField("code")]
    panels = [FieldPanel("code"), FieldPanel("name")]
    # A few hundred rows: pages read them whole from a fragment of the page cache (core.i18n).
    translations_in_fragment = True
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("code"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = self.name.lower()
        super().save(*args, **kwargs)


class Country(NamedPlace):
    """A country, by its ISO 3166-1 alpha-2 code; shipped as data in three languages."""

    RUSSIA = "RU"

    code = models.CharField(_("code"), max_length=2, help_text=_("ISO 3166-1 code, e.g. BY."))

    class Meta(NamedPlace.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_country_code_per_locale")
        ]


class Region(NamedPlace):
    """A federal subject of Russia; shipped as data with its code, translated like any snippet."""

    code = models.CharField(_("code"), max_length=8, help_text=_("Code of the federal subject, e.g. 31."))

    class Meta(NamedPlace.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_region_code_per_locale")
        ]


class Library(TranslatableMixin, PublishableSnippetMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        FEDERAL = "federal", _("Federal library")
        CENTRAL_REGIONAL = "central_regional", _("Central regional library")
        MUNICIPAL = "municipal", _("Municipal library")
        FOREIGN_NATIONAL = "foreign_national", _("National library of another country")
        OTHER = "other", _("Other library")

    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=255, blank=True, help_text=_("e.g. BGUNB"))
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        help_text=_("Latin letters; part of the profile URL. Left empty, it is made from the name."),
    )
    kind = models.CharField(
        pgettext_lazy("library", "type"), max_length=30, choices=Kind.choices, default=Kind.MUNICIPAL
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="libraries",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="libraries",
    )
    foreign_region = models.CharField(
        _("region (outside Russia)"),
        max_length=255,
        blank=True,
        help_text=_("Free text for other countries."),
    )
    municipality = models.CharField(_("municipality"), max_length=255, blank=True)
    settlement_type = models.CharField(
        _("settlement type"), max_length=50, blank=True, help_text=_("town, village, settlement, khutor…")
    )
    settlement = models.CharField(_("settlement"), max_length=255, blank=True)
    settlement_key = models.CharField(
        _("settlement key"),
        max_length=255,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Normalised settlement name used to find namesakes."),
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.TextField(_("social network pages"), blank=True, help_text=_("One URL per line."))
    is_sample = models.BooleanField(
        _("sample data"), default=False, help_text=_("Demonstration record, labelled as such on the site.")
    )

    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("social_links"),
    ]

    search_fields = [
        index.SearchField("full_name"),
        index.SearchField("short_name"),
        index.SearchField("settlement"),
        # Editors look libraries up by any of these, often by the abbreviation alone.
        index.AutocompleteField("full_name"),
        index.AutocompleteField("short_name"),
        index.AutocompleteField("settlement"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("region"),
                FieldPanel("foreign_region"),
                FieldPanel("municipality"),
                FieldPanel("settlement_type"),
                FieldPanel("settlement"),
                FieldPanel("address"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("social_links"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("is_sample"),
    ]

    objects = LocalizedQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_library_slug_per_locale")
        ]
        indexes = [
            # The directory of a language in alphabetical order, and namesakes by settlement.
            models.Index(fields=["locale", "live", "full_name"], name="library_directory_order"),
            models.Index(fields=["locale", "settlement_key"], name="library_settlement"),
        ]

    def __str__(self):
        return self.short_name or self.full_name

    def save(self, *args, **kwargs):
        self.settlement_key = normalise_settlement(self.settlement)
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def clean(self):
        if not self.slug:
            self.slug = self.free_slug()
        super().clean()

    def free_slug(self):
        """A Latin slug from the short or full name, unique in the library's language."""
        base = latin_slug(self.short_name or self.full_name, self._meta.get_field("slug").max_length - 4)
        base = base or "library"
        taken = set(
            Library.objects.filter(locale_id=self.locale_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    @property
    def region_name(self):
        """The region for display: the Russian subject or the free-text region abroad."""
        return self.region.name if self.region_id else self.foreign_region

    @property
    def country_name(self):
        """The country in the reader's language."""
        return localized_row(self.country).name if self.country_id else ""

    @property
    def is_abroad(self):
        return bool(self.country_id) and self.country.code != Country.RUSSIA

    @property
    def settlement_label(self):
        return " ".join(part for part in (self.settlement_type, self.settlement) if part)
