"""Hooks of the OpenAPI schema (drf-spectacular)."""

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.negotiation import BaseContentNegotiation

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

_schemas = {}

ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {
        "message": {"type": "string", "description": "What was wrong, in English."},
        "retry_after": {"type": "integer", "description": "Seconds to wait (429 only)."},
    },
}
ERRORS = {
    "400": _("A query parameter is unknown, repeated, too long or not readable."),
    "404": _("No such object (or no content in this language)."),
    "429": _("Too many requests from this address; see Retry-After."),
}


def public_api_only(endpoints, **kwargs):
    """The schema describes the public read API, not Wagtail's and wagtail-localize's admin APIs."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


def error_responses(result, generator, request, public):
    """Every operation may answer with the same JSON error object."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(
                    status,
                    {
                        "description": str(description),
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result


def schema(language):
    """The OpenAPI document with its descriptions in ``language``; built once per process and language
    (it changes only with the code)."""
    if language not in _schemas:
        with translation.override(language):
            _schemas[language] = SchemaGenerator().get_schema(request=None, public=True)
    return _schemas[language]


class OneRenderer(BaseContentNegotiation):
    """The first renderer whatever the client accepts: the answer does not vary on Accept."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class SchemaView(SpectacularJSONAPIView):
    """The OpenAPI 3 schema, in English unless ``?lang=ru`` or ``?lang=be`` asks otherwise.

    One document for every client (drf-spectacular offers it as ``application/json`` too, and so
    varies on Accept): without ``Vary: Accept`` the page cache and a proxy keep it."""

    renderer_classes = [OpenApiJsonRenderer]
    content_negotiation_class = OneRenderer

    def _get_schema_response(self, request):
        from rest_framework.response import Response

        language = request.GET.get("lang")
        language = language if language in dict(settings.LANGUAGES) else "en"
        return Response(
            data=schema(language), headers={"Content-Disposition": 'inline; filename="openapi.json"'}
        )
