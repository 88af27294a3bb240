from django.apps import apps
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from wagtail.models import Page

from . import roles


@receiver(post_migrate)
def apply_roles_after_migrate(sender, app_config=None, **kwargs):
    # Once per migrate run, for the last app with models: by then every app's
    # model permissions have been created by django.contrib.auth.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is not None and app_config is with_models[-1]:
        roles.sync_roles()


@receiver(post_save)
def grant_on_new_locale_home(sender, instance, created, raw=False, **kwargs):
    # A translation locale's home page appears later than the migration (seed or
    # "Translate this page"): give Translators its tree as soon as it exists.
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        roles.setup_locale_tree(instance)
