"""/api/v2/… (the endpoints) and /api/schema/ (OpenAPI 3); the documentation pages are per language."""

from rest_framework.routers import SimpleRouter

from django.http import JsonResponse
from django.urls import include, path, re_path

from wagtail.api.v2.router import WagtailAPIRouter

from .pages import PagesEndpoint
from .schema import SchemaView
from .views import (
    AgreementViewSet,
    DocumentViewSet,
    IndexView,
    LibraryViewSet,
    ParticipationViewSet,
    RegionViewSet,
)

pages_router = WagtailAPIRouter("api")
pages_router.register_endpoint("pages", PagesEndpoint)

router = SimpleRouter()
router.register("libraries", LibraryViewSet, basename="libraries")
router.register("regions", RegionViewSet, basename="regions")
router.register("agreements", AgreementViewSet, basename="agreements")
router.register("documents", DocumentViewSet, basename="documents")
router.register("participation", ParticipationViewSet, basename="participation")

api_patterns = [
    path("", IndexView.as_view(), name="index"),
    *pages_router.get_urlpatterns(),
    *router.urls,
]


def not_found(request):
    """Any other address under /api/: a JSON 404 that says where to look, not the site's HTML page."""
    return JsonResponse({"message": "No such address in the API; the index is at /api/v2/."}, status=404)


urlpatterns = [
    path("api/v2/", include((api_patterns, "api"), namespace="api")),
    path("api/schema/", SchemaView.as_view(), name="api_schema"),
    # Only addresses ending in a slash, so that CommonMiddleware still adds a missing one.
    re_path(r"^api/(?:.*/)?$", not_found),
]
