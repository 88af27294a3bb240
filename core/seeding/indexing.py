"""The search index and Wagtail's reference index, written once per object at the end of a seed run.

While seeded, a page is saved three or four times (created, its revision published, translated,
placed among its siblings) and each save would index it again: a third of the seed's time.
"""

import contextlib

from modelsearch import signal_handlers as search_signals
from modelsearch.index import get_indexed_models, insert_or_update_object

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextlib.contextmanager
def saved_without_indexing(models):
    """Saves of these models skip the per-object search indexing, and no save updates the
    reference index: the caller indexes what it saved once, afterwards."""
    handler = search_signals.post_save_signal_handler
    disconnected = [model for model in models if post_save.disconnect(handler, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(handler, sender=model)


@contextlib.contextmanager
def indexed_once():
    searched = {model for model in get_indexed_models() if getattr(model, "search_auto_update", True)}
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and (sender in searched or ReferenceIndex.is_indexed(sender)):
            saved[(sender, instance.pk)] = True

    post_save.connect(remember, weak=False, dispatch_uid="seed-indexed-once")
    try:
        with saved_without_indexing(searched):
            yield
    finally:
        post_save.disconnect(dispatch_uid="seed-indexed-once")
    for model, pk in saved:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:  # deleted later in the run
            continue
        if model in searched:
            insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            ReferenceIndex.create_or_update_for_object(instance)
