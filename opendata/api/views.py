"""Read endpoints of the network's records: libraries, regions, agreements with their chronicle,
official documents and approved participation counts. Every list is paginated the same way as
Wagtail's pages endpoint ({"meta": {"total_count"…}, "items": […]}, ``limit`` and ``offset``)."""

from urllib.parse import urlencode

from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.views import APIView

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from documents.models import DocumentIndexPage, OfficialDocument
from libraries.models import Library, Region
from movement.models import CampaignPage
from partnerships.models import AgreementPage, AgreementSignatory, LibraryIndexPage

from . import params
from .serializers import (
    AgreementSerializer,
    DocumentSerializer,
    LibrarySerializer,
    ParticipationSerializer,
    RegionSerializer,
)


class Envelope(BasePagination):
    """limit/offset read (and checked) by the view; the answer carries the total and the neighbours."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.limit, self.offset = view.params["limit"], view.params["offset"]
        self.total = (
            queryset.count()
            if hasattr(queryset, "count") and not isinstance(queryset, list)
            else len(queryset)
        )
        return list(queryset[self.offset : self.offset + self.limit])

    def _link(self, offset):
        query = self.request.query_params.copy()
        query["offset"] = offset
        return self.request.build_absolute_uri(self.request.path) + "?" + urlencode(sorted(query.items()))

    def get_paginated_response(self, data):
        after = self.offset + self.limit
        return Response(
            {
                "meta": {
                    "total_count": self.total,
                    "limit": self.limit,
                    "offset": self.offset,
                    "next": self._link(after) if after < self.total else None,
                    "previous": self._link(max(0, self.offset - self.limit)) if self.offset else None,
                },
                "items": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "properties": {
                        "total_count": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "next": {"type": "string", "format": "uri", "nullable": True},
                        "previous": {"type": "string", "format": "uri", "nullable": True},
                    },
                },
                "items": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        # Declared with the endpoint's other parameters (params.openapi_parameters).
        return []


class ReadViewSet(viewsets.GenericViewSet):
    """list and retrieve, in the language of ``locale``, with strictly read parameters."""

    pagination_class = Envelope
    query_form = params.QueryForm
    detail_form = params.DetailQueryForm

    def dispatch(self, request, *args, **kwargs):
        # Labels (kinds, statuses) in the language asked for; an unknown one is refused in initial().
        code = request.GET.get("locale")
        code = code if code in params.LANGUAGES else None
        with translation.override(code or translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        form = self.query_form if self.action == "list" else self.detail_form
        self.params = params.read(request, form)
        self.locale = Locale.objects.filter(language_code=self.params["locale"]).first()
        if self.locale is None:
            raise Http404("This language has no content yet.")
        translation.activate(self.params["locale"])

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context.update(self.extra_context())
        return context

    def extra_context(self):
        return {}

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_list(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def filter_list(self, queryset):
        return queryset

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


def list_schema(form, summary):
    return extend_schema(summary=summary, parameters=params.openapi_parameters(form))


def detail_schema(summary):
    return extend_schema(summary=summary, parameters=params.openapi_parameters(params.DetailQueryForm))


@extend_schema_view(
    list=list_schema(params.LibraryQueryForm, _("Libraries of the directory")),
    retrieve=detail_schema(_("One library, by its slug")),
)
class LibraryViewSet(ReadViewSet):
    serializer_class = LibrarySerializer
    query_form = params.LibraryQueryForm
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return (
            Library.objects.for_locale(self.locale)
            .select_related("region", "country", "locale")
            .order_by("full_name", "pk")
        )

    def filter_list(self, queryset):
        if self.params.get("region"):
            queryset = queryset.filter(region__code=self.params["region"])
        if self.params.get("kind"):
            queryset = queryset.filter(kind=self.params["kind"])
        if self.params.get("search"):
            text = self.params["search"]
            queryset = queryset.filter(
                Q(full_name__icontains=text) | Q(short_name__icontains=text) | Q(settlement__icontains=text)
            )
        return queryset

    def extra_context(self):
        return {"directory": LibraryIndexPage.objects.live().filter(locale=self.locale).first()}


@extend_schema_view(
    list=list_schema(params.QueryForm, _("Regions (federal subjects of Russia)")),
    retrieve=detail_schema(_("One region, by its code")),
)
class RegionViewSet(ReadViewSet):
    serializer_class = RegionSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9A-Za-z-]+"

    def get_queryset(self):
        return Region.objects.filter(locale=self.locale).order_by("sort_name", "code")

    def extra_context(self):
        counts = (
            Library.objects.for_locale(self.locale)
            .exclude(region=None)
            .values("region__code")
            .annotate(count=Count("pk"))
        )
        return {"library_counts": {row["region__code"]: row["count"] for row in counts}}


SIGNATORIES = AgreementSignatory.objects.select_related("library")


@extend_schema_view(
    list=list_schema(params.QueryForm, _("Agreements between libraries, with partners and chronicle")),
    retrieve=detail_schema(_("One agreement, by its page id")),
)
class AgreementViewSet(ReadViewSet):
    serializer_class = AgreementSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return (
            AgreementPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .prefetch_related("areas", Prefetch("signatories", queryset=SIGNATORIES))
            .order_by("-date_signed", "pk")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset) or []
        # The chronicles of the whole page of agreements in one query (the serializer reads them).
        chronicles = AgreementPage.chronicles_of(page)
        for agreement in page:
            agreement._api_entries = chronicles[agreement.pk]
        return page

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


@extend_schema_view(
    list=list_schema(params.DocumentQueryForm, _("Official documents of the registry")),
    retrieve=detail_schema(_("One document, by its slug")),
)
class DocumentViewSet(ReadViewSet):
    serializer_class = DocumentSerializer
    query_form = params.DocumentQueryForm
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return (
            OfficialDocument.objects.filter(locale=self.locale, live=True)
            .select_related("sender_library")
            .prefetch_related("attachments__document", "attachments__image")
            .order_by("-date", "number", "pk")
        )

    def filter_list(self, queryset):
        if self.params.get("kind"):
            queryset = queryset.filter(kind=self.params["kind"])
        if self.params.get("year"):
            queryset = queryset.filter(date__year=self.params["year"])
        return queryset

    def extra_context(self):
        return {"registry": DocumentIndexPage.objects.live().filter(locale=self.locale).first()}


@extend_schema_view(
    list=list_schema(params.QueryForm, _("Campaigns of the movement with approved participation counts")),
    retrieve=detail_schema(_("One campaign's counts, by its page id")),
)
class ParticipationViewSet(ReadViewSet):
    serializer_class = ParticipationSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return CampaignPage.objects.live().public().filter(locale=self.locale).order_by("-start_date", "pk")

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def extra_context(self):
        return {
            "region_names": {region.code: region.name for region in Region.objects.filter(locale=self.locale)}
        }


@extend_schema(
    summary=_("Index of the API"),
    responses=inline_serializer(
        "APIIndex",
        {
            "endpoints": serializers.DictField(child=serializers.CharField()),
            "schema": serializers.CharField(),
            "documentation": serializers.DictField(child=serializers.CharField()),
        },
    ),
)
class IndexView(APIView):
    """Where everything is: the endpoints, the OpenAPI schema and the documentation pages."""

    def get(self, request):
        from django.urls import reverse

        endpoints = {
            name: request.build_absolute_uri(reverse(f"api:{name}-list"))
            for name in ("libraries", "regions", "agreements", "documents", "participation")
        }
        endpoints["pages"] = request.build_absolute_uri(reverse("api:pages:listing"))
        docs = {}
        for code in params.LANGUAGES:
            with translation.override(code):
                docs[code] = request.build_absolute_uri(reverse("api_docs"))
        return Response(
            {
                "endpoints": endpoints,
                "schema": request.build_absolute_uri(reverse("api_schema")),
                "documentation": docs,
            }
        )
