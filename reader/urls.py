from django.urls import path
from django.views.decorators.http import require_safe

from . import views

app_name = "reader"
urlpatterns = [
    path("accessibility/", require_safe(views.accessibility), name="accessibility"),
    path("consent/", require_safe(views.consent), name="consent"),
]
