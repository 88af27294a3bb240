"""Official documents (letters, orders, regulations), linked from campaigns, events and agreements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import PublishableSnippetMixin


class OfficialDocument(TranslatableMixin, PublishableSnippetMixin, index.Indexed, ClusterableModel):
    class Kind(models.TextChoices):
        LETTER = "letter", _("Letter")
        ORDER = "order", _("Order")
        REGULATION = "regulation", _("Regulation")
        AGREEMENT = "agreement", _("Agreement")
        OTHER = "other", _("Other document")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        NOT_IN_FORCE = "not_in_force", _("No longer in force")

    kind = models.CharField(
        pgettext_lazy("document", "type"), max_length=20, choices=Kind.choices, default=Kind.LETTER
    )
    number = models.CharField(
        _("number"), max_length=100, blank=True, help_text=_("As written, e.g. 01-16/124.")
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("subject"), max_length=500, help_text=_("What the document is about."))
    sender = models.CharField(_("sender organisation"), max_length=500)
    sender_details = models.TextField(_("sender's address and contacts"), blank=True)
    sender_library = models.ForeignKey(
        "libraries.Library",
        verbose_name=_("sender library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_documents",
    )
    signatory_name = models.CharField(_("signatory"), max_length=255, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=500, blank=True)
    addressees = models.TextField(_("addressees"), blank=True, help_text=_("One addressee per line."))
    body = RichTextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)

    # The sender library stays the record chosen; readers see its translation (.localized).
    override_translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("sender_library"),
        SynchronizedField("slug"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.SearchField("number"),
        index.SearchField("sender"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.AutocompleteField("number"),
        index.AutocompleteField("sender"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("number"), FieldPanel("date"), FieldPanel("status")],
            heading=_("Registration"),
        ),
        FieldPanel("title"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("sender"), FieldPanel("sender_library"), FieldPanel("sender_details")],
            heading=_("Sender"),
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_position")], heading=_("Signed by")
        ),
        FieldPanel("addressees"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["-date", "number"]
        constraints = [
            # The registry's detail URL is /<slug>/ within a language.
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_official_document_slug_per_locale"
            )
        ]

    def __str__(self):
        if self.number:
            return f"{self.title} ({self.date:%d.%m.%Y} № {self.number})"
        return f"{self.title} ({self.date:%d.%m.%Y})"

    @property
    def addressee_list(self):
        return [line.strip() for line in self.addressees.splitlines() if line.strip()]

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE

    def get_registry_page(self):
        """The live registry page of this document's language, if there is one."""
        from .pages import DocumentIndexPage

        return DocumentIndexPage.objects.live().filter(locale_id=self.locale_id).first()

    def get_url(self, request=None):
        """The document's public URL in the registry of its language (None without a registry)."""
        registry = self.get_registry_page()
        if registry is None:
            return None
        return registry.get_document_url(self, request=request)

    def get_absolute_url(self):
        return self.get_url()


class OfficialDocumentAttachment(TranslatableMixin, Orderable):
    official_document = ParentalKey(OfficialDocument, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("e.g. Banner for the flashmob #Вместе_сильнее")
    )
    pages = models.CharField(_("extent"), max_length=100, blank=True, help_text=_("e.g. 1 page, 1 copy"))

    panels = [FieldPanel("title"), FieldPanel("pages"), FieldPanel("document"), FieldPanel("image")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
