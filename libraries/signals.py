from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def index_places_after_migrate(sender, app_config=None, **kwargs):
    """Regions and countries arrive by data migration, which the search index never sees; index
    them once after the migration that loads them, so choosers and admin search find them."""
    if app_config is None or app_config.name != "libraries":
        return
    from django.contrib.contenttypes.models import ContentType

    from wagtail.search.backends import get_search_backends
    from wagtail.search.models import IndexEntry

    from libraries.models import Country, Region

    for model in (Region, Country):
        content_type = ContentType.objects.get_for_model(model)
        if IndexEntry.objects.filter(content_type=content_type).count() >= model.objects.count():
            continue
        for backend in get_search_backends():
            backend.add_bulk(model, list(model.objects.all()))
