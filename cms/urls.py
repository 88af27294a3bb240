from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from core.routing import serve
from core.sitemaps import PageSitemap
from partnerships.sitemaps import library_sitemaps

# /sitemap.xml is an index of sections, each a bounded number of URLs to a page (?p=N).
SITEMAPS = {"pages": PageSitemap, **library_sitemaps()}

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        require_safe(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("core.urls")),
    path("", include("opendata.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "SERVE_MEDIA", False) and not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
    from core.views import media

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", media, name="media")]

# Every public page lives under its language prefix: /ru/, /en/, /be/.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("reader.urls")),
    path("", include("opendata.urls")),
    path("", include("events.urls")),
    # Wagtail's page serving, routed in two queries (core/routing.py); Wagtail's other URLs follow.
    re_path(serve_pattern, serve, name="vmeste_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "reader.views.page_not_found"
handler500 = "reader.views.server_error"
