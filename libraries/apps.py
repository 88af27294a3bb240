from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibrariesConfig(AppConfig):
    """Libraries, the regions and countries they are in: the records every section links to."""

    name = "libraries"
    verbose_name = _("Libraries")

    def ready(self):
        from . import signals  # noqa: F401
