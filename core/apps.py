from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared page machinery every feature app builds on; imports no other app of the project."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from core import absolute_urls, i18n, notifications, purge, routing

        absolute_urls.use_request_host_for_page_urls()
        post_migrate.connect(absolute_urls.sync_default_site, sender=self)
        i18n.remember_locales_per_request()
        routing.remember_sites()
        purge.connect_signals()
        notifications.connect()
