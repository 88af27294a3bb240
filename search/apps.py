from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    # "search" alone would read as Wagtail's search app in admin and logs.
    label = "portal_search"
    verbose_name = _("Site search")
