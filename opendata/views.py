"""Public views outside the page tree: the API's documentation and the embeddable widget."""

from csp.decorators import csp

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt

from wagtail.models import Locale

from core.absolute_urls import absolute_url
from libraries.models import Library, Region

from . import widget as widget_module
from .api.schema import schema

# Endpoints in the order the documentation presents them, each with an example query.
EXAMPLES = {
    "/api/v2/pages/": "?type=events.EventPage&fields=programme&locale={language}",
    "/api/v2/pages/{id}/": None,
    "/api/v2/pages/find/": "?html_path=/{language}/",
    "/api/v2/libraries/": "?region=31&locale={language}",
    "/api/v2/libraries/{slug}/": None,
    "/api/v2/regions/": "?locale={language}&limit=100",
    "/api/v2/regions/{code}/": None,
    "/api/v2/agreements/": "?locale={language}",
    "/api/v2/agreements/{id}/": None,
    "/api/v2/documents/": "?locale={language}&kind=letter",
    "/api/v2/documents/{slug}/": None,
    "/api/v2/participation/": "?locale={language}",
    "/api/v2/participation/{id}/": None,
}


def rate_in_words():
    """("120", "per minute") from DRF's "120/minute"."""
    count, _sep, period = settings.API_THROTTLE_RATE.partition("/")
    periods = {
        "s": translation.gettext("per second"),
        "m": translation.gettext("per minute"),
        "h": translation.gettext("per hour"),
        "d": translation.gettext("per day"),
    }
    return count, periods.get(period[:1], period)


def api_docs(request):
    language = translation.get_language()
    rate_count, rate_period = rate_in_words()
    document = schema(language)
    endpoints = []
    for path, example in EXAMPLES.items():
        operation = document["paths"].get(path, {}).get("get")
        if operation is None:
            continue
        parameters = [
            {
                "name": item["name"],
                "where": item["in"],
                "type": item.get("schema", {}).get("type", "string"),
                "values": item.get("schema", {}).get("enum", []),
                "description": item.get("description", ""),
            }
            for item in operation.get("parameters", [])
        ]
        endpoints.append(
            {
                "path": path,
                "summary": operation.get("summary", ""),
                "parameters": parameters,
                "example": request.build_absolute_uri(path + example.format(language=language))
                if example
                else "",
            }
        )
    return render(
        request,
        "opendata/api_docs.html",
        {
            "endpoints": endpoints,
            "api_root": request.build_absolute_uri(reverse("api:index")),
            "schema_url": request.build_absolute_uri(reverse("api_schema")) + f"?lang={language}",
            "rate_count": rate_count,
            "rate_period": rate_period,
            "languages": [code for code, _name in settings.LANGUAGES],
            "meta_title": translation.gettext("API for developers"),
        },
    )


def widget_error(request, status, message):
    return render(request, "opendata/widget_error.html", {"message": message}, status=status)


# Other sites may put the widget in a frame; every other page of the site may not (X-Frame-Options
# DENY and frame-ancestors 'none' from the site's settings).
@xframe_options_exempt
@csp(widget_module.CSP)
def widget(request):
    locale = Locale.get_active()
    regions = list(Region.objects.filter(locale=locale).order_by("sort_name"))
    form = widget_module.WidgetForm(request.GET, regions=regions)
    if not form.is_valid():
        problems = [
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
            for name, errors in form.errors.items()
        ]
        return widget_error(
            request, 400, translation.gettext("The widget's address has mistakes: ") + "; ".join(problems)
        )
    data = form.cleaned_data
    region = form.regions.get(data["region"]) if data["region"] else None
    library = None
    if data["library"]:
        library = (
            Library.objects.for_locale(locale).filter(slug=data["library"]).select_related("region").first()
        )
        if library is None:
            return widget_error(
                request, 404, translation.gettext("There is no library with this key in the directory.")
            )
    show, limit = data["show"], data["limit"]
    events = (
        widget_module.upcoming_events(locale, region, library, limit) if show in ("both", "events") else None
    )
    news = widget_module.latest_news(locale, region, library, limit) if show in ("both", "news") else None
    for item in (events or []) + (news or []):
        # Absolute: the widget is read inside other sites.
        item.widget_url = absolute_url(item.get_url(request), request)
    home = absolute_url(f"/{locale.language_code}/", request)
    response = render(
        request,
        "opendata/widget.html",
        {
            "region": region,
            "library": library,
            "events": events,
            "news": news,
            "style": form.style(),
            "show_heading": data["heading"] == "show",
            "home_url": home,
        },
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
