"""The network's open data sets: what each holds (its passport and structure) and its rows.

Passports follow the Russian methodical recommendations on publishing open data (version 3.0):
identifier, title, description, owner, format, structure, first publication and last change,
periodicity, keywords and licence. Rows are read live from the site, in one language.
"""

from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentIndexPage, OfficialDocument
from events.models import EventKind, EventPage
from libraries.models import Library
from partnerships.models import AgreementPage, ChronicleEntry, LibraryIndexPage

STANDARD_VERSION = "http://opendata.gosmonitor.ru/standard/3.0"


@dataclass(frozen=True)
class Column:
    name: str
    description: object  # lazily translated; the structure file gives it in English and Russian
    type: str = "string"  # string, integer, boolean, date, time, url, email, list


@dataclass
class DataSet:
    code: str
    title: object
    description: object
    keywords: object
    columns: list = field(default_factory=list)

    def rows(self, locale, base_url):
        raise NotImplementedError

    def dates(self, locale):
        """(first published, last changed) of the records in ``locale``, or (None, None)."""
        raise NotImplementedError

    def count(self, locale):
        return self.queryset(locale).count()

    def queryset(self, locale):
        raise NotImplementedError


def _url(base_url, path):
    return base_url.rstrip("/") + path if path else ""


def _span(queryset, first="first_published_at", last="last_published_at"):
    values = queryset.aggregate(first=Min(first), last=Max(last))
    return values["first"], values["last"]


class LibrariesDataSet(DataSet):
    def queryset(self, locale):
        return (
            Library.objects.for_locale(locale).select_related("region", "country").order_by("full_name", "pk")
        )

    def rows(self, locale, base_url):
        directory = LibraryIndexPage.objects.live().filter(locale=locale).first()
        for library in self.queryset(locale):
            yield {
                "slug": library.slug,
                "full_name": library.full_name,
                "short_name": library.short_name,
                "kind": library.kind,
                "kind_label": str(library.get_kind_display()),
                "country_code": library.country.code if library.country_id else "",
                "country": library.country.name if library.country_id else "",
                "region_code": library.region.code if library.region_id else "",
                "region": library.region_name,
                "municipality": library.municipality,
                "settlement_type": library.settlement_type,
                "settlement": library.settlement,
                "address": library.address,
                "phone": library.phone,
                "fax": library.fax,
                "email": library.email,
                "website": library.website,
                "social_links": [line.strip() for line in library.social_links.splitlines() if line.strip()],
                "is_sample": library.is_sample,
                "language": library.language_code,
                "url": _url(base_url, directory.profile_url(library)) if directory else "",
            }

    def dates(self, locale):
        return _span(self.queryset(locale))


class AgreementsDataSet(DataSet):
    def queryset(self, locale):
        return AgreementPage.objects.live().public().filter(locale=locale).order_by("-date_signed", "pk")

    def rows(self, locale, base_url):
        today = timezone.localdate()
        pages = list(self.queryset(locale).prefetch_related("areas", "signatories"))
        chronicles = AgreementPage.chronicles_of(pages)
        for page in pages:
            entries = chronicles[page.pk]
            partners = page.partners_on(today, entries=entries)
            yield {
                "id": page.pk,
                "title": page.title,
                "kind": page.kind,
                "kind_label": str(page.get_kind_display()),
                "date_signed": page.date_signed.isoformat() if page.date_signed else "",
                "date_signed_precision": page.date_signed_precision,
                "place_signed": page.place_signed,
                "signatories": [
                    ", ".join(part for part in (row.name, row.position) if part)
                    for row in page.signatories.all()
                ],
                "status": str(page.status_on(today, entries=entries)),
                "partner_slugs": [library.slug for library in partners],
                "partners": [library.full_name for library in partners],
                "areas": [area.title for area in page.areas.all()],
                "chronicle_entries": len(entries),
                "url": _url(base_url, page.url),
            }

    def dates(self, locale):
        first, last = _span(self.queryset(locale))
        keys = self.queryset(locale).values("translation_key")
        recorded = ChronicleEntry.objects.filter(agreement__translation_key__in=keys).aggregate(
            last=Max("recorded_at")
        )["last"]
        return first, max(filter(None, [last, recorded]), default=None)


class DocumentsDataSet(DataSet):
    def queryset(self, locale):
        return OfficialDocument.objects.filter(locale=locale, live=True).order_by("-date", "number", "pk")

    def rows(self, locale, base_url):
        registry = DocumentIndexPage.objects.live().filter(locale=locale).first()
        documents = (
            self.queryset(locale).select_related("sender_library").prefetch_related("attachments__document")
        )
        for document in documents:
            yield {
                "slug": document.slug,
                "kind": document.kind,
                "kind_label": str(document.get_kind_display()),
                "number": document.number,
                "date": document.date.isoformat(),
                "title": document.title,
                "sender": document.sender,
                "sender_library": document.sender_library.slug if document.sender_library_id else "",
                "signatory_name": document.signatory_name,
                "signatory_position": document.signatory_position,
                "addressees": document.addressee_list,
                "status": document.status,
                "attachments": [
                    _url(base_url, item.document.url)
                    for item in document.attachments.all()
                    if item.document_id
                ],
                "url": _url(base_url, registry.get_document_url(document)) if registry else "",
            }

    def dates(self, locale):
        return _span(self.queryset(locale))


class EventsDataSet(DataSet):
    def queryset(self, locale):
        return (
            EventPage.objects.live()
            .public()
            .filter(locale=locale)
            .annotate(last_day=Coalesce("end_date", "start_date"))
            .order_by("-start_date", "pk")
        )

    def rows(self, locale, base_url):
        # Halls and venue links with the events: their programmes need no query each.
        for page in self.queryset(locale).prefetch_related("halls", "event_venues"):
            url = _url(base_url, page.url)
            yield {
                "id": page.pk,
                "title": page.title,
                "kind": page.kind,
                "kind_label": str(EventKind(page.kind).label),
                "start_date": page.start_date.isoformat(),
                "end_date": page.last_date.isoformat(),
                "start_time": page.start_time.strftime("%H:%M") if page.start_time else "",
                "end_time": page.end_time.strftime("%H:%M") if page.end_time else "",
                "city": page.city,
                "venue_name": page.venue_name,
                "venue_address": page.venue_address,
                "main_theme": page.main_theme,
                "registration_url": page.registration_url,
                "broadcast_url": page.broadcast_url,
                "sessions": len(page.get_programme().sessions),
                "url": url,
                "schedule_xml": url + page.reverse_subpage("frab_xml") if url else "",
                "calendar_ics": url + page.reverse_subpage("calendar") if url else "",
            }

    def dates(self, locale):
        return _span(self.queryset(locale))


def _columns(*rows):
    return [Column(*row) for row in rows]


DATASETS = {
    dataset.code: dataset
    for dataset in (
        LibrariesDataSet(
            code="libraries",
            title=_("Directory of libraries"),
            description=_(
                "Libraries of the cooperation network: names, type, region, settlement, address and "
                "contacts of the organisation."
            ),
            keywords=_("libraries, directory, regions, contacts"),
            columns=_columns(
                ("slug", _("Key of the library (the same in every language)")),
                ("full_name", _("Full name")),
                ("short_name", _("Short name")),
                ("kind", _("Type of library (code)")),
                ("kind_label", _("Type of library")),
                ("country_code", _("Country code, ISO 3166-1")),
                ("country", _("Country")),
                ("region_code", _("Code of the federal subject")),
                ("region", _("Region")),
                ("municipality", _("Municipality")),
                ("settlement_type", _("Type of settlement")),
                ("settlement", _("Settlement")),
                ("address", _("Address")),
                ("phone", _("Phone")),
                ("fax", _("Fax")),
                ("email", _("E-mail"), "email"),
                ("website", _("Website"), "url"),
                ("social_links", _("Social network pages"), "list"),
                ("is_sample", _("Demonstration record"), "boolean"),
                ("language", _("Language of the record")),
                ("url", _("Page in the directory"), "url"),
            ),
        ),
        AgreementsDataSet(
            code="agreements",
            title=_("Agreements between libraries"),
            description=_(
                "Cooperation agreements of the network's libraries: kind, date and place of signing, "
                "partners today, areas of cooperation and the number of chronicle entries."
            ),
            keywords=_("agreements, cooperation, partner libraries, chronicle"),
            columns=_columns(
                ("id", _("Identifier"), "integer"),
                ("title", _("Title")),
                ("kind", _("Kind of agreement (code)")),
                ("kind_label", _("Kind of agreement")),
                ("date_signed", _("Date of signing"), "date"),
                ("date_signed_precision", _("Precision of the date of signing: day, month or year")),
                ("place_signed", _("Place of signing")),
                ("signatories", _("Signatories (name, position)"), "list"),
                ("status", _("Status today")),
                ("partner_slugs", _("Keys of the partner libraries"), "list"),
                ("partners", _("Partner libraries"), "list"),
                ("areas", _("Areas of cooperation"), "list"),
                ("chronicle_entries", _("Chronicle entries"), "integer"),
                ("url", _("Page of the agreement"), "url"),
            ),
        ),
        DocumentsDataSet(
            code="documents",
            title=_("Registry of official documents"),
            description=_(
                "Official letters, orders and regulations of the network: number, date, sender, "
                "signatory, addressees and status."
            ),
            keywords=_("official documents, letters, registry"),
            columns=_columns(
                ("slug", _("Key of the document")),
                ("kind", _("Kind of document (code)")),
                ("kind_label", _("Kind of document")),
                ("number", _("Number")),
                ("date", _("Date"), "date"),
                ("title", _("Subject")),
                ("sender", _("Sender")),
                ("sender_library", _("Key of the sending library")),
                ("signatory_name", _("Signatory")),
                ("signatory_position", _("Signatory's position")),
                ("addressees", _("Addressees"), "list"),
                ("status", _("Status")),
                ("attachments", _("Attachments (file links)"), "list"),
                ("url", _("Page of the document"), "url"),
            ),
        ),
        EventsDataSet(
            code="events",
            title=_("Events of the network"),
            description=_(
                "Forums, meetings and conferences: dates, place, theme, registration and broadcast links, "
                "the number of sessions and links to the programme for calendars and conference apps."
            ),
            keywords=_("events, forums, conferences, programme"),
            columns=_columns(
                ("id", _("Identifier"), "integer"),
                ("title", _("Title")),
                ("kind", _("Kind (code)")),
                ("kind_label", _("Kind (name)")),
                ("start_date", _("Start date"), "date"),
                ("end_date", _("End date"), "date"),
                ("start_time", _("Start time (Moscow)"), "time"),
                ("end_time", _("End time (Moscow)"), "time"),
                ("city", _("City")),
                ("venue_name", _("Venue")),
                ("venue_address", _("Venue address")),
                ("main_theme", _("Main theme")),
                ("registration_url", _("Registration link"), "url"),
                ("broadcast_url", _("Broadcast link"), "url"),
                ("sessions", _("Sessions in the programme"), "integer"),
                ("url", _("Page of the event"), "url"),
                ("schedule_xml", _("Programme in the frab format (XML)"), "url"),
                ("calendar_ics", _("Calendar (iCalendar)"), "url"),
            ),
        ),
    )
}
