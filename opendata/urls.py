"""Addresses under the language prefixes: the API documentation and the embeddable widget."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/", views.api_docs, name="api_docs"),
    path("widget/", views.widget, name="widget"),
]
