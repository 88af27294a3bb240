"""Addresses outside the language prefixes: robots.txt (the sitemaps are in cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
