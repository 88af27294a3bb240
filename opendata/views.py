"""Public views outside the page tree: the API's documentation and the embeddable widget."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

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


def widget(request):
    from django.http import HttpResponse

    return HttpResponse("widget")
