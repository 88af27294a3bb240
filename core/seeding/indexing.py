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
def indexed_once():
    searched = {model for model in get_indexed_models() if getattr(model, "search_auto_update", True)}
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw and (sender in searched or ReferenceIndex.is_indexed(sender)):
            saved[(sender, instance.pk)] = True

    for model in searched:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="seed-indexed-once")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="seed-indexed-once")
        for model in searched:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)
    for model, pk in saved:
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:  # deleted later in the run
            continue
        if model in searched:
            insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            ReferenceIndex.create_or_update_for_object(instance)
