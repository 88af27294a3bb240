"""Which pages of other apps belong on a library's profile, without importing their models.

Two ways, both cheap (one query for all page types, and one per registered source, however many
libraries or partners there are):

* generic: every page model with a ForeignKey, ParentalKey child or (Parental)ManyToMany to
  ``libraries.Library`` is found automatically;
* explicit: an app calls ``register_library_pages(label, func)`` (e.g. in ``AppConfig.ready``)
  where ``func(library, locale)`` returns a queryset of pages for that library.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Window
from django.db.models.functions import RowNumber

from modelcluster.fields import ParentalKey
from wagtail.models import Page

from libraries.models import Library

_registered = []


def register_library_pages(label, func):
    """Add a source of pages shown on library profiles under the heading ``label``."""
    _registered.append((label, func))


def _library_paths(model):
    """Lookup paths from a page model to Library: direct relations and ParentalKey children."""
    paths = []
    for field in model._meta.get_fields():
        related = getattr(field, "related_model", None)
        if related is Library and (field.many_to_one or field.many_to_many) and field.concrete:
            paths.append(field.name)
        elif field.one_to_many and related is not None and field.name != "locale":
            # Children of the page (inline panels) that point to a library.
            if not isinstance(field.remote_field, ParentalKey) or not issubclass(model, Page):
                continue
            for child_field in related._meta.get_fields():
                if (
                    getattr(child_field, "related_model", None) is Library
                    and child_field.concrete
                    and child_field.many_to_one
                ):
                    paths.append(f"{field.name}__{child_field.name}")
    return paths


def _page_models():
    for model in apps.get_models():
        if issubclass(model, Page) and not model._meta.abstract:
            paths = _library_paths(model)
            if paths:
                yield model, paths


def _lookup_from_page(model):
    """The lookup from wagtailcore.Page down to ``model`` (e.g. ``newspage``)."""
    names = []
    while model is not Page:
        names.append(model._meta.model_name)
        model = next(parent for parent in model._meta.parents if issubclass(parent, Page))
    return "__".join(reversed(names))


def related_pages(library, locale, limit=20):
    """[(heading, [pages])] of live pages in ``locale`` linked to ``library`` (any locale row of it),
    the ``limit`` most recently published of each page type: one query for every type together."""
    sections = []
    models_paths = list(_page_models())
    conditions = models.Q()
    for model, paths in models_paths:
        prefix = _lookup_from_page(model)
        for path in paths:
            conditions |= models.Q(**{f"{prefix}__{path}__translation_key": library.translation_key})
    if models_paths:
        linked = Page.objects.live().filter(conditions, locale=locale).values("pk")
        newest_first = models.F("first_published_at").desc(nulls_last=True)
        ranked = (
            Page.objects.filter(pk__in=linked)
            .annotate(
                rank=Window(RowNumber(), partition_by=[models.F("content_type_id")], order_by=newest_first)
            )
            .filter(rank__lte=limit)
            .order_by("rank")
        )
        by_type = {}
        for page in ranked:
            by_type.setdefault(page.content_type_id, []).append(page)
        for model, _paths in models_paths:
            pages = by_type.get(ContentType.objects.get_for_model(model).pk)
            if pages:
                sections.append((model._meta.verbose_name_plural, pages))
    for label, func in _registered:
        pages = list(func(library, locale)[:limit])
        if pages:
            sections.append((label, pages))
    return sections
