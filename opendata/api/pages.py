"""Wagtail's pages endpoint (``locale``, ``type``, ``child_of``, ``search``…), made to answer every
bad parameter with a JSON 400 instead of a database error, and described in the OpenAPI schema."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import JSONRenderer

from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Site

from core.i18n import attach_locales
from events.models import EventPage

from .params import LANGUAGES, MAX_VALUE_LENGTH, params_of_pages_schema

# The largest id PostgreSQL's integer columns hold; larger numbers are refused before a query.
MAX_ID = 2**31 - 1
ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of", "id")


class PagesEndpoint(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="pages_list",
        summary=_("Pages: events with their programmes, news, sections"),
        parameters=params_of_pages_schema(listing=True),
        request=None,
        responses={200: OpenApiTypes.OBJECT},
    )
    def listing_view(self, request):
        return super().listing_view(request)

    @extend_schema(
        operation_id="pages_retrieve",
        summary=_("One page with all its fields"),
        parameters=params_of_pages_schema(listing=False),
        request=None,
        responses={200: OpenApiTypes.OBJECT},
    )
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @extend_schema(
        operation_id="pages_find",
        summary=_("Redirect to a page by its id or its address on the site"),
        parameters=[
            OpenApiParameter(
                "html_path", OpenApiTypes.STR, OpenApiParameter.QUERY, description=_("e.g. /ru/events/")
            ),
            OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.QUERY),
        ],
        request=None,
        responses={302: None},
    )
    def find_view(self, request):
        return super().find_view(request)

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        # Each page's locale without a query, and each event's halls and venues for its programme
        # in a query for all the results instead of one for each.
        attach_locales(pages)
        prefetch_related_objects(
            [page for page in pages if isinstance(page, EventPage)], "halls", "event_venues"
        )
        return pages

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name in request.GET:
            values = request.GET.getlist(name)
            if len(values) > 1:
                raise BadRequestError(f"{name}: give this parameter once")
            value = values[0]
            if len(value) > MAX_VALUE_LENGTH or "\x00" in value:
                raise BadRequestError(f"{name}: the value is too long or contains a NUL character")
            if name in ID_PARAMETERS and value.isdigit() and int(value) > MAX_ID:
                raise BadRequestError(f"{name}: no page has such an id")
            if name in ("offset", "limit") and value.lstrip("-").isdigit() and int(value) > MAX_ID:
                raise BadRequestError(f"{name} is too large")
        if "locale" in request.GET and request.GET["locale"] not in LANGUAGES:
            raise BadRequestError(f"locale: one of {', '.join(LANGUAGES)}")
        site = request.GET.get("site")
        if site is not None:
            hostname, _sep, port = site.partition(":")
            if port and not port.isdigit() or not Site.objects.filter(hostname=hostname).exists():
                raise BadRequestError("site: no such site")

    def find_object(self, queryset, request):
        """html_path as readers see it, with its language prefix (/en/events/), found in that
        language's tree; Wagtail alone would look for /en/ below the Russian home page."""
        components = [part for part in request.GET.get("html_path", "").split("/") if part]
        site = Site.find_for_request(request)
        if components and components[0] in LANGUAGES and site is not None:
            home = site.root_page.get_translation_or_none(
                Locale.objects.filter(language_code=components[0]).first()
            )
            if home is None:
                return None
            try:
                page, _args, _kwargs = home.specific.route(request, components[1:])
            except Http404:
                return None
            return page if queryset.filter(id=page.id).exists() else None
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        # A filter on a field with a value of the wrong type (e.g. a date that is not a date).
        if isinstance(exc, ValidationError | DataError | ValueError | OverflowError):
            exc = BadRequestError("a query parameter has a value of the wrong type")
        return super().handle_exception(exc)
