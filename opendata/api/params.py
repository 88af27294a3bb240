"""Query parameters of the DRF endpoints, declared once as a form: read strictly (an unknown name or
an unreadable value is a JSON 400 naming it) and described in the OpenAPI schema from the same fields."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from libraries.models import Library

from .errors import BadParameter

MAX_VALUE_LENGTH = 200
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class QueryForm(forms.Form):
    locale = forms.ChoiceField(
        choices=[(code, code) for code in LANGUAGES],
        required=False,
        help_text=_("Language of the data: ru (default), en or be. Rows not translated yet come in Russian."),
    )
    limit = forms.IntegerField(
        min_value=1,
        max_value=MAX_LIMIT,
        required=False,
        help_text=format_lazy(_("Items per page, 1–{limit} (default 20)."), limit=MAX_LIMIT),
    )
    offset = forms.IntegerField(
        min_value=0, max_value=10**9, required=False, help_text=_("Items to skip (default 0).")
    )

    def clean_locale(self):
        return self.cleaned_data.get("locale") or settings.LANGUAGE_CODE

    def clean_limit(self):
        return self.cleaned_data.get("limit") or DEFAULT_LIMIT

    def clean_offset(self):
        return self.cleaned_data.get("offset") or 0


class DetailQueryForm(forms.Form):
    locale = QueryForm.base_fields["locale"]

    def clean_locale(self):
        return self.cleaned_data.get("locale") or settings.LANGUAGE_CODE


class LibraryQueryForm(QueryForm):
    region = forms.RegexField(
        regex=r"^[0-9A-Za-z-]{1,8}$",
        required=False,
        help_text=_("Code of a federal subject, e.g. 31 (Belgorod oblast)."),
    )
    kind = forms.ChoiceField(
        choices=[("", "")] + [(value, value) for value in Library.Kind.values],
        required=False,
        help_text=format_lazy(_("Type of library: {kinds}."), kinds=", ".join(Library.Kind.values)),
    )
    search = forms.CharField(max_length=100, required=False, help_text=_("Part of the name or settlement."))


class DocumentQueryForm(QueryForm):
    kind = forms.ChoiceField(
        choices=[("", "")]
        + [(value, value) for value in ("letter", "order", "regulation", "agreement", "other")],
        required=False,
        help_text=_("Type of document: letter, order, regulation, agreement, other."),
    )
    year = forms.IntegerField(
        min_value=1900, max_value=2200, required=False, help_text=_("Year of the document.")
    )


def read(request, form_class):
    """The cleaned parameters, or BadParameter (a JSON 400) naming every parameter not understood."""
    params = request.query_params
    unknown = sorted(set(params) - set(form_class.base_fields))
    if unknown:
        known = ", ".join(form_class.base_fields)
        raise BadParameter(f"Unknown query parameter: {', '.join(unknown)}. Known: {known}.")
    for name in params:
        values = params.getlist(name)
        if len(values) > 1:
            raise BadParameter(f"{name}: give this parameter once.")
        if len(values[0]) > MAX_VALUE_LENGTH or "\x00" in values[0]:
            raise BadParameter(f"{name}: the value is too long or contains a NUL character.")
    form = form_class(params)
    if not form.is_valid():
        # Messages in English, whatever the data's language: they are for the developer.
        with override("en"):
            errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        raise BadParameter("; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items()))
    return form.cleaned_data


def openapi_parameters(form_class, exclude=()):
    """OpenApiParameter objects for the schema, from the form's fields."""
    result = []
    for name, field in form_class.base_fields.items():
        if name in exclude:
            continue
        kind = OpenApiTypes.INT if isinstance(field, forms.IntegerField) else OpenApiTypes.STR
        enum = None
        if isinstance(field, forms.ChoiceField):
            enum = [value for value, _label in field.choices if value]
        result.append(
            OpenApiParameter(
                name,
                kind,
                OpenApiParameter.QUERY,
                required=False,
                description=str(field.help_text),
                enum=enum,
            )
        )
    return result


def params_of_pages_schema(listing):
    """The pages endpoint's parameters (Wagtail's), for the schema."""

    def param(name, kind, description):
        return OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=False, description=description)

    common = [
        param(
            "fields", OpenApiTypes.STR, _("Fields to add or remove, e.g. fields=programme or fields=-title.")
        )
    ]
    if not listing:
        return common
    return common + [
        param(
            "type",
            OpenApiTypes.STR,
            _("Page type, e.g. events.EventPage, news.NewsPage; filters on its fields too."),
        ),
        param("locale", OpenApiTypes.STR, _("Language: ru, en or be.")),
        param("child_of", OpenApiTypes.INT, _("Id of the parent page (or 'root').")),
        param("descendant_of", OpenApiTypes.INT, _("Id of an ancestor page.")),
        param("ancestor_of", OpenApiTypes.INT, _("Id of a descendant page.")),
        param("translation_of", OpenApiTypes.INT, _("Id of a page whose translations are wanted.")),
        param("search", OpenApiTypes.STR, _("Full-text search in the page's language.")),
        param("search_operator", OpenApiTypes.STR, _("and or or (default and).")),
        param("order", OpenApiTypes.STR, _("Field to order by, e.g. -first_published_at, title, random.")),
        param(
            "limit",
            OpenApiTypes.INT,
            format_lazy(_("Items per page, 1–{limit} (default 20)."), limit=settings.WAGTAILAPI_LIMIT_MAX),
        ),
        param("offset", OpenApiTypes.INT, _("Items to skip.")),
        param("site", OpenApiTypes.STR, _("Host name of the site (default: the requested one).")),
    ]
