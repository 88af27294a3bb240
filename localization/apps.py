from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = _("Translation workflow")

    def ready(self):
        from . import notifications, signals  # noqa: F401
