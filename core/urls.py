"""Addresses outside the language prefixes: the sitemap and robots.txt."""

from django.urls import path
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps.views import sitemap

from . import views
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
