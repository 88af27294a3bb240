from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared page machinery every feature app builds on; imports no other app of the project."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from . import notifications

        notifications.connect()
