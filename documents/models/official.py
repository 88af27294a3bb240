"""Official documents (letters, orders, regulations), linked from campaigns, events and agreements."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import localized_by_pk
from core.inlines import attach_related
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
        # The registry of a language, newest first.
        indexes = [
            models.Index(fields=["locale", "live", "-date", "number"], name="official_document_registry")
        ]
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

    @classmethod
    def localized_with_attachments(cls, pk):
        """The document ``pk`` in the reader's language with its attachments and their files, in one
        query plus one per kind of file attached; None for no document."""
        if pk is None:
            return None
        document = localized_by_pk(cls, [pk], inlines=["attachments"]).get(pk)
        if document is not None:
            attach_related(
                document.attachments.all(), {"document": get_document_model(), "image": get_image_model()}
            )
        return document

    def get_registry_page(self):
        """The live registry page of this document's language, if there is one."""
        from core.routing import section_page

        from .pages import DocumentIndexPage

        return section_page(DocumentIndexPage, self.locale_id)

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
        _("title"), max_length=255, help_text=_("e.g. Banner for the flashmob #TogetherStronger")
    )
    pages = models.CharField(_("extent"), max_length=100, blank=True, help_text=_("e.g. 1 page, 1 copy"))

    panels = [FieldPanel("title"), FieldPanel("pages"), FieldPanel("document"), FieldPanel("image")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
