"""Agreements between libraries and their append-only chronicle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.dates import DatePrecision, partial_date, truncate_date
from core.i18n import localized_rows
from core.inlines import attach_related
from core.models import BasePage, PublishableSnippetMixin
from documents.models import OfficialDocument
from libraries.models import Library, Region
from partnerships.blocks import AgreementStreamBlock


class AgreementIndexPage(BasePage):
    """The partnerships section: agreements, and the directory, regulation and finder below it."""

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "partnerships.AgreementPage",
        "partnerships.RegulationPage",
        "partnerships.LibraryIndexPage",
        "partnerships.NamesakeFinderPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnerships section")
        verbose_name_plural = _("partnerships sections")

    agreements_per_page = 20

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        agreements = AgreementPage.objects.child_of(self).live().order_by("path")
        context["agreements"] = Paginator(agreements, self.agreements_per_page).get_page(
            request.GET.get("page")
        )
        # The regulation, the directory and the finder: only their titles and addresses.
        context["sections"] = self.get_children().live().not_type(AgreementPage)
        return context


class AgreementPage(RoutablePageMixin, BasePage):
    class Kind(models.TextChoices):
        BILATERAL = "bilateral", _("Bilateral agreement")
        MULTILATERAL = "multilateral", _("Multilateral agreement")
        SAME_NAMED = "same_named", _("Cooperation of libraries in same-named settlements")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BILATERAL)
    date_signed = models.DateField(
        _("date of signing"),
        null=True,
        blank=True,
        help_text=_("When the source gives only the month or the year: any day of it, and the precision."),
    )
    date_signed_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    place_signed = models.CharField(_("place of signing"), max_length=255, blank=True)
    regulation = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("regulation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For cooperation of same-named settlements: the regulation it follows."),
    )
    body = StreamField(AgreementStreamBlock(), verbose_name=_("text"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("date_signed"), FieldPanel("date_signed_precision")]),
                FieldPanel("place_signed"),
                PageChooserPanel("regulation", "partnerships.RegulationPage"),
            ],
            heading=_("Agreement"),
        ),
        InlinePanel("signatories", label=_("Signatories")),
        InlinePanel("areas", label=_("Areas of cooperation")),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = [
        APIField("kind"),
        APIField("date_signed"),
        APIField("date_signed_precision"),
        APIField("place_signed"),
        APIField("introduction"),
        APIField("body"),
    ]

    # The regulation is a page: link its translation in the agreement's language.
    override_translatable_fields = [TranslatableField("regulation")]

    parent_page_types = ["partnerships.AgreementIndexPage"]
    subpage_types = []
    # Served with its inline lists in the page's own query (core.inlines).
    serve_inlines = ("areas", "documents")

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def save(self, *args, **kwargs):
        # Stored as the first day of the month or year it names, so agreements sort by date.
        self.date_signed = truncate_date(self.date_signed, self.date_signed_precision)
        super().save(*args, **kwargs)

    def date_signed_display(self):
        return partial_date(self.date_signed, self.date_signed_precision)

    def signatory_list(self):
        rows = list(self.signatories.select_related("library"))
        for row, library in zip(rows, localized_rows(row.library for row in rows), strict=True):
            row.library_local = library
        return rows

    # -- the chronicle ------------------------------------------------------
    def chronicle(self):
        """Published entries of this agreement, whichever language version it is (the Russian
        entries carry the facts; their translations only translate the note)."""
        return ChronicleEntry.objects.filter(
            agreement__translation_key=self.translation_key, locale=Locale.get_default(), live=True
        )

    def chronicle_entries(self):
        """All published entries, oldest first, with notes and libraries in the active language."""
        return self.chronicles_of([self])[self.pk]

    @classmethod
    def chronicles_of(cls, pages):
        """``{page pk: its chronicle_entries()}`` for a list of agreements, from one query (the
        exports and the API list many)."""
        pages = list(pages)
        keys = {page.translation_key for page in pages}
        entries = list(
            ChronicleEntry.objects.filter(
                agreement__translation_key__in=keys, locale=Locale.get_default(), live=True
            )
            .annotate(agreement_key=models.F("agreement__translation_key"))
            .select_related("library", "corrects")
            .order_by("date", "pk")
        )
        corrected = {entry.corrects_id: entry for entry in entries if entry.corrects_id}
        localized = localized_rows([entry.library for entry in entries if entry.library_id])
        # Their regions from the table kept in a fragment, not a query per library.
        attach_related(
            [*localized, *(entry.library for entry in entries if entry.library_id)], {"region": Region}
        )
        by_key = {lib.translation_key: lib for lib in localized}
        active = Locale.get_active()
        notes = localized_rows(entries, active)
        by_agreement = {key: [] for key in keys}
        for entry, local in zip(entries, notes, strict=True):
            entry.display_library = by_key.get(entry.library.translation_key) if entry.library_id else None
            entry.corrected_by = corrected.get(entry.pk)
            entry.display_note = local.note
            # An untranslated note is marked with its own language.
            entry.note_language = "" if local.locale_id == active.pk else settings.LANGUAGE_CODE
            by_agreement[entry.agreement_key].append(entry)
        return {page.pk: by_agreement[page.translation_key] for page in pages}

    def partners_on(self, date=None, entries=None):
        """Libraries that are parties on ``date`` (today by default), in the active language."""
        date = date or timezone.localdate()
        entries = self.chronicle_entries() if entries is None else entries
        return partners_from_entries(entries, date)

    def status_on(self, date=None, entries=None):
        date = date or timezone.localdate()
        entries = self.chronicle_entries() if entries is None else entries
        return status_from_entries(entries, date)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entries = self.chronicle_entries()
        today = timezone.localdate()
        context["entries"] = entries
        context["partners"] = partners_from_entries(entries, today)
        context["status"] = status_from_entries(entries, today)
        context["areas"] = self.areas.all()
        context["documents"] = attach_related(
            self.documents.all(), {"official_document": OfficialDocument, "document": get_document_model()}
        )
        return context

    @path("chronicle/feed/")
    def chronicle_feed(self, request):
        from partnerships.feeds import ChronicleFeed

        if not self.live:
            raise Http404
        return ChronicleFeed()(request, page=self)


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not yet signed")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


def _effective(entries, date):
    voided = {entry.corrects_id for entry in entries if entry.corrects_id and entry.date <= date}
    return [entry for entry in entries if entry.date <= date and entry.pk not in voided]


def partners_from_entries(entries, date):
    """Replay joins and leaves up to ``date``; a corrected entry no longer counts."""
    partners = {}
    for entry in sorted(_effective(entries, date), key=lambda e: (e.date, e.pk)):
        if entry.library_id is None:
            continue
        key = entry.library.translation_key
        if entry.kind == ChronicleEntry.Kind.JOIN:
            partners[key] = getattr(entry, "display_library", None) or entry.library
        elif entry.kind == ChronicleEntry.Kind.LEAVE:
            partners.pop(key, None)
    return list(partners.values())


def status_from_entries(entries, date):
    effective = _effective(entries, date)
    if not any(entry.kind == ChronicleEntry.Kind.JOIN for entry in effective):
        return Status.NOT_STARTED
    # An agreement needs two parties; when fewer remain, it has ended.
    return Status.ACTIVE if len(partners_from_entries(entries, date)) >= 2 else Status.ENDED


class AgreementArea(TranslatableMixin, Orderable):
    page = ParentalKey(AgreementPage, related_name="areas", on_delete=models.CASCADE)
    title = models.CharField(_("area of cooperation"), max_length=500)

    panels = [FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")

    def __str__(self):
        return self.title


class AgreementSignatory(TranslatableMixin, Orderable):
    """A person who signed the agreement, with the position and the library they signed for."""

    page = ParentalKey(AgreementPage, related_name="signatories", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=500, blank=True)
    library = models.ForeignKey(
        Library,
        verbose_name=_("library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The library link is kept as chosen; readers see the library's translation.
    override_translatable_fields = [SynchronizedField("library")]
    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("library")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


class AgreementDocument(TranslatableMixin, Orderable):
    page = ParentalKey(AgreementPage, related_name="documents", on_delete=models.CASCADE)
    official_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name=_("official document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("official_document"), FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        super().clean()
        if not self.official_document_id and not self.document_id:
            raise ValidationError(_("Choose an official document or a file."))


class ChronicleEntry(TranslatableMixin, PublishableSnippetMixin, models.Model):
    """One dated fact in an agreement's life.

    Editors add entries as drafts; a Moderator publishes them, as with the agreement itself. Once
    published, an entry's facts never change and the entry is never deleted: a mistake is voided by
    a correction. The note is the only text and is translated; the translations share every other
    field with the Russian entry.
    """

    class Kind(models.TextChoices):
        JOIN = "join", _("A partner joins")
        LEAVE = "leave", _("A partner leaves")
        WORK_PLAN = "work_plan", _("Work plan")
        JOINT_EVENT = "joint_event", _("Joint event")
        CORRECTION = "correction", _("Correction")

    FACTS = ("agreement_id", "date", "kind", "library_id", "note", "link", "corrects_id")

    agreement = models.ForeignKey(
        AgreementPage, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="chronicle_records"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    library = models.ForeignKey(
        Library,
        verbose_name=_("library"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chronicle_entries",
    )
    note = models.TextField(_("note"), blank=True)
    link = models.URLField(
        _("link"), blank=True, help_text=_("e.g. the announcement on the social-network platform")
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        help_text=_("A correction voids the entry it names; add the right entry separately."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    # Only the note is text; the facts are the Russian entry's in every language.
    override_translatable_fields = [
        SynchronizedField("agreement"),
        SynchronizedField("date"),
        SynchronizedField("kind"),
        SynchronizedField("library"),
        SynchronizedField("link"),
        SynchronizedField("corrects"),
    ]

    panels = [
        FieldPanel("agreement"),
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("library"),
        FieldPanel("note"),
        FieldPanel("link"),
        FieldPanel("corrects"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("chronicle entry")
        verbose_name_plural = _("chronicle entries")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["agreement", "date"])]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        stored = self._stored()
        if self._was_public(stored) and any(stored[name] != getattr(self, name) for name in self.FACTS):
            raise ValueError("Chronicle entries are append-only; add a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published_record():
            raise ValueError("Chronicle entries are append-only; add a correction instead.")
        return super().delete(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.is_source:
            return  # a translation carries the Russian entry's facts, checked there
        errors = {}
        needs_library = self.kind in (self.Kind.JOIN, self.Kind.LEAVE)
        if needs_library and not self.library_id:
            errors["library"] = _("Name the library that joins or leaves.")
        if self.kind == self.Kind.CORRECTION:
            if not self.corrects_id:
                errors["corrects"] = _("Choose the entry this correction voids.")
            elif self.agreement_id and (
                self.corrects.agreement.translation_key != self.agreement.translation_key
            ):
                errors["corrects"] = _("The corrected entry belongs to another agreement.")
        elif self.corrects_id:
            errors["corrects"] = _("Only a correction can refer to an earlier entry.")
        if needs_library and self.library_id and self.agreement_id and not errors:
            entries = list(
                self.agreement.chronicle()
                .exclude(translation_key=self.translation_key)
                .select_related("library")
            )
            partners = {lib.translation_key for lib in partners_from_entries(entries, self.date)}
            later = [e for e in entries if e.date > self.date and e.kind in (self.Kind.JOIN, self.Kind.LEAVE)]
            is_partner = self.library.translation_key in partners
            if self.kind == self.Kind.JOIN and is_partner:
                errors["library"] = _("This library is already a partner on that date.")
            elif self.kind == self.Kind.LEAVE and not is_partner:
                errors["library"] = _("This library is not a partner on that date.")
            elif later:
                errors["date"] = _("Joins and leaves are recorded in order: a later one already exists.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_source(self):
        return self.locale_id is None or self.locale_id == Locale.get_default().pk

    def _stored(self):
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).values(*self.FACTS, "live", "first_published_at").first()

    def _was_public(self, stored):
        return bool(self.is_source and stored and (stored["live"] or stored["first_published_at"]))

    def is_published_record(self):
        """Whether this Russian entry has been public: from then on its facts are fixed."""
        return self._was_public(self._stored())
