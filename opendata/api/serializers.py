"""How the network's records read in the API. Declared field by field: the OpenAPI schema is built
from these declarations, and nothing personal (e-mails of reporters, consent records) is in them."""

from rest_framework import serializers

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.rich_text import expand_db_html

from core.absolute_urls import absolute_url
from documents.models import OfficialDocument
from libraries.models import Library
from movement.models import ParticipationReport
from movement.models.pages import source_page
from partnerships.models import AgreementPage, ChronicleEntry


def _absolute(url, context):
    return absolute_url(url, context.get("request")) if url else None


class PlaceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class LibrarySerializer(serializers.Serializer):
    slug = serializers.CharField(help_text=_("Key of the library, the same in every language."))
    language = serializers.SerializerMethodField(help_text=_("Language this row is written in."))
    full_name = serializers.CharField()
    short_name = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    country = PlaceSerializer(allow_null=True)
    region = PlaceSerializer(allow_null=True)
    foreign_region = serializers.CharField()
    municipality = serializers.CharField()
    settlement_type = serializers.CharField()
    settlement = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    fax = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    social_links = serializers.SerializerMethodField()
    is_sample = serializers.BooleanField(help_text=_("Demonstration record, not a real library."))
    html_url = serializers.SerializerMethodField(
        help_text=_("Profile page in the directory, if there is one.")
    )

    def get_language(self, library) -> str:
        return getattr(library, "language_code", None) or library.locale.language_code

    def get_social_links(self, library) -> list[str]:
        return [line.strip() for line in library.social_links.splitlines() if line.strip()]

    def get_html_url(self, library) -> str | None:
        directory = self.context.get("directory")
        return _absolute(directory.profile_url(library), self.context) if directory else None


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Code of the federal subject."))
    name = serializers.CharField()
    libraries = serializers.SerializerMethodField(help_text=_("Libraries of the directory in this region."))

    def get_libraries(self, region) -> int:
        return self.context.get("library_counts", {}).get(region.code, 0)


class LibraryRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="full_name")


class ChronicleEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=ChronicleEntry.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    library = LibraryRefSerializer(source="display_library", allow_null=True)
    note = serializers.CharField()
    link = serializers.CharField()
    corrects = serializers.IntegerField(
        source="corrects_id", allow_null=True, help_text=_("Entry this one voids.")
    )


class AgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("Page id in the pages endpoint."))
    title = serializers.CharField()
    slug = serializers.CharField()
    html_url = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=AgreementPage.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    date_signed = serializers.DateField(
        allow_null=True, help_text=_("The first day of the month or year when only those are known.")
    )
    date_signed_precision = serializers.ChoiceField(choices=["day", "month", "year"])
    place_signed = serializers.CharField()
    signatories = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField(help_text=_("not_started, active or ended, today."))
    partners = serializers.SerializerMethodField(help_text=_("Partner libraries today."))
    areas = serializers.SerializerMethodField()
    chronicle = serializers.SerializerMethodField(
        help_text=_("Every entry, oldest first; corrections void entries.")
    )

    def _entries(self, page):
        if not hasattr(page, "_api_entries"):
            page._api_entries = page.chronicle_entries()
        return page._api_entries

    def get_html_url(self, page) -> str | None:
        return _absolute(page.get_full_url(self.context.get("request")), self.context)

    def get_status(self, page) -> str:
        return str(page.status_on(timezone.localdate(), entries=self._entries(page)))

    def get_partners(self, page) -> list[dict]:
        partners = page.partners_on(timezone.localdate(), entries=self._entries(page))
        return LibraryRefSerializer(partners, many=True).data

    def get_signatories(self, page) -> list[dict]:
        return [
            {
                "name": row.name,
                "position": row.position,
                "library": row.library.slug if row.library_id else None,
            }
            for row in page.signatories.all()  # prefetched with their libraries (AgreementViewSet)
        ]

    def get_areas(self, page) -> list[str]:
        return [area.title for area in page.areas.all()]

    def get_chronicle(self, page) -> list[dict]:
        return ChronicleEntrySerializer(self._entries(page), many=True).data


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField()
    extent = serializers.CharField(source="pages")
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str | None:
        if attachment.document_id:
            return _absolute(attachment.document.url, self.context)
        if attachment.image_id:
            return _absolute(attachment.image.file.url, self.context)
        return None


class DocumentSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text=_("Key of the document, the same in every language."))
    kind = serializers.ChoiceField(choices=OfficialDocument.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    number = serializers.CharField()
    date = serializers.DateField()
    title = serializers.CharField()
    sender = serializers.CharField()
    sender_library = serializers.SerializerMethodField(
        help_text=_("Slug of the sending library, if it is in the directory.")
    )
    signatory_name = serializers.CharField()
    signatory_position = serializers.CharField()
    addressees = serializers.ListField(source="addressee_list", child=serializers.CharField())
    status = serializers.ChoiceField(choices=OfficialDocument.Status.choices)
    body_html = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True)
    html_url = serializers.SerializerMethodField()

    def get_sender_library(self, document) -> str | None:
        return document.sender_library.slug if document.sender_library_id else None

    def get_body_html(self, document) -> str:
        return expand_db_html(document.body)

    def get_html_url(self, document) -> str | None:
        registry = self.context.get("registry")
        if registry is None:
            return None
        return _absolute(
            registry.get_document_url(document, request=self.context.get("request")), self.context
        )


class CountSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    count = serializers.IntegerField()


class ParticipationSerializer(serializers.Serializer):
    """Approved reports of a campaign, counted; who reported them is not part of the API."""

    id = serializers.IntegerField(help_text=_("Campaign page id in the pages endpoint."))
    title = serializers.CharField()
    hashtag = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    html_url = serializers.SerializerMethodField()
    libraries = serializers.SerializerMethodField(help_text=_("Libraries with an approved report."))
    regions = serializers.SerializerMethodField(help_text=_("Regions with an approved report."))
    by_region = serializers.SerializerMethodField()
    by_kind = serializers.SerializerMethodField()

    def _reports(self, page):
        return ParticipationReport.objects.filter(
            campaign=source_page(page), status=ParticipationReport.Status.APPROVED
        )

    def get_html_url(self, page) -> str | None:
        return _absolute(page.get_full_url(self.context.get("request")), self.context)

    def get_libraries(self, page) -> int:
        return self._reports(page).values("library_key").distinct().count()

    def get_regions(self, page) -> int:
        return self._reports(page).values("region").distinct().count()

    def get_by_region(self, page) -> list[dict]:
        names = self.context.get("region_names", {})
        rows = self._reports(page).values("region__code", "region__name").annotate(count=Count("pk"))
        rows = sorted(rows, key=lambda row: (-row["count"], row["region__code"]))
        return [
            {
                "code": row["region__code"],
                "name": names.get(row["region__code"], row["region__name"]),
                "count": row["count"],
            }
            for row in rows
        ]

    def get_by_kind(self, page) -> list[dict]:
        labels = dict(Library.Kind.choices)
        rows = self._reports(page).values("library_kind").annotate(count=Count("pk")).order_by("library_kind")
        return [
            {
                "code": row["library_kind"],
                "name": str(labels.get(row["library_kind"], "")),
                "count": row["count"],
            }
            for row in rows
        ]
