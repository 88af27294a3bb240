from django.urls import path

from . import views

app_name = "reader"
urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("consent/", views.consent, name="consent"),
]
