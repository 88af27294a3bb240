"""Libraries and the regions they are in. Agreements and the regulation build on these."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import PublishableSnippetMixin
from partnerships.naming import normalise_settlement


class Region(TranslatableMixin, models.Model):
    """A federal subject of Russia; shipped as data with its code, translated like any snippet."""

    code = models.CharField(_("code"), max_length=8, help_text=_("Code of the federal subject, e.g. 31."))
    name = models.CharField(_("name"), max_length=255)
    sort_name = models.CharField(_("sort name"), max_length=255, blank=True, editable=False)

    translatable_fields = [SynchronizedField("code"), TranslatableField("name")]

    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["sort_name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_region_code_per_locale")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = self.name.lower()
        super().save(*args, **kwargs)


class LibraryQuerySet(models.QuerySet):
    def for_locale(self, locale=None):
        """Published rows in ``locale``, plus published default-locale rows not yet translated
        into it (e.g. CSV imports); a draft translation does not hide its published source."""
        locale = locale or Locale.get_active()
        default = Locale.get_default()
        # language_code marks the untranslated rows in templates ({% lang_if_other %}).
        live = self.filter(live=True).annotate(language_code=models.F("locale__language_code"))
        if locale.pk == default.pk:
            return live.filter(locale=locale)
        translated = Library.objects.filter(locale=locale, live=True).values("translation_key")
        return live.filter(
            models.Q(locale=locale) | models.Q(locale=default) & ~models.Q(translation_key__in=translated)
        )


def localize_libraries(libraries, locale=None):
    """Each library in ``locale`` where a published translation exists, in one query.

    Unlike ``.localized``, which makes a query per library.
    """
    libraries = list(libraries)
    locale = locale or Locale.get_active()
    keys = {lib.translation_key for lib in libraries if lib.locale_id != locale.pk}
    found = {}
    if keys:
        rows = Library.objects.filter(translation_key__in=keys, locale=locale, live=True).select_related(
            "region"
        )
        found = {lib.translation_key: lib for lib in rows}
    return [found.get(lib.translation_key, lib) for lib in libraries]


class Library(TranslatableMixin, PublishableSnippetMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        FEDERAL = "federal", _("Federal library")
        CENTRAL_REGIONAL = "central_regional", _("Central regional library")
        MUNICIPAL = "municipal", _("Municipal library")
        FOREIGN_NATIONAL = "foreign_national", _("National library of another country")
        OTHER = "other", _("Other library")

    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=255, blank=True, help_text=_("e.g. БГУНБ"))
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Latin letters; part of the profile URL."))
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.MUNICIPAL)
    country = models.CharField(
        _("country"), max_length=2, default="RU", help_text=_("ISO 3166 code: RU, BY…")
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
        _("settlement type"), max_length=50, blank=True, help_text=_("город, село, посёлок, хутор…")
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

    translatable_fields = [
        TranslatableField("full_name"),
        TranslatableField("short_name"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("country"),
        TranslatableField("region"),
        TranslatableField("foreign_region"),
        TranslatableField("municipality"),
        TranslatableField("settlement_type"),
        TranslatableField("settlement"),
        TranslatableField("address"),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("social_links"),
        SynchronizedField("is_sample"),
    ]

    search_fields = [
        index.SearchField("full_name"),
        index.SearchField("short_name"),
        index.SearchField("settlement"),
        index.AutocompleteField("full_name"),
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

    objects = LibraryQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_library_slug_per_locale")
        ]

    def __str__(self):
        return self.short_name or self.full_name

    def save(self, *args, **kwargs):
        self.settlement_key = normalise_settlement(self.settlement)
        super().save(*args, **kwargs)

    @property
    def region_name(self):
        """The region for display: the Russian subject or the free-text region abroad."""
        return self.region.name if self.region_id else self.foreign_region

    @property
    def settlement_label(self):
        return " ".join(part for part in (self.settlement_type, self.settlement) if part)
