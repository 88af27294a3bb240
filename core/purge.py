"""Purging the page cache (and a CDN or proxy) whenever something pages show changes.

Pages: publishing, unpublishing, moving or deleting one. Snippets and records pages show
(``PAGE_CACHE_PURGE_MODELS``: libraries, regions, documents, topics, footer, chronicle entries,
participation reports, images, site settings…): saving or deleting a published one. A model may
define ``affects_public_pages()`` to say whether a saved row is public (e.g. only approved reports).

Any such change makes every cached page of every language out of date (a new content generation):
the cheapest purge that can never miss a page that shows the change, as the frame, listings,
feeds, the sitemap and other languages' fallbacks show nearly everything. The generation changes
at once and again after the transaction commits, so that a page rendered from the old data in the
meantime is not kept. A configured frontend cache then gets an HTTP PURGE for every URL it may hold.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from core import page_cache

logger = logging.getLogger(__name__)

# Saves that only record editing state (a draft revision, a lock), not what readers see.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
}


def purge_frontend_cache():
    """PURGE every URL a proxy may hold (wagtail.contrib.frontend_cache backends)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = page_cache.take_urls()
    if urls:
        purge_urls_from_cache(urls)


def _after_commit():
    page_cache.new_generation()
    try:
        purge_frontend_cache()
    except Exception:
        logger.exception("Could not purge the frontend cache")


def content_changed(**kwargs):
    page_cache.new_generation()
    transaction.on_commit(_after_commit)


def _watched_models():
    return {apps.get_model(label) for label in getattr(settings, "PAGE_CACHE_PURGE_MODELS", [])}


def _is_public_change(instance, update_fields):
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    check = getattr(instance, "affects_public_pages", None)
    if callable(check):
        return check()
    if isinstance(instance, DraftStateMixin | Page):
        # A draft that was never published is not on the site; unpublishing has its own signal.
        return bool(getattr(instance, "live", True))
    return True


def connect_signals():
    watched = _watched_models()

    def on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
        if raw:
            return
        if (sender in watched or issubclass(sender, Page)) and _is_public_change(instance, update_fields):
            content_changed()

    def on_delete(sender, instance, **kwargs):
        if sender in watched or issubclass(sender, Page):
            content_changed()

    post_save.connect(on_save, weak=False, dispatch_uid="core.purge.save")
    post_delete.connect(on_delete, weak=False, dispatch_uid="core.purge.delete")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, weak=False, dispatch_uid=f"core.purge.{id(signal)}")
