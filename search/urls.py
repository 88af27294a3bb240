from django.urls import path
from django.views.decorators.http import require_safe

from . import views

app_name = "search"
urlpatterns = [path("search/", require_safe(views.search), name="search")]
