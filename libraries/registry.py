"""Which pages of other apps belong on a library's profile, without importing their models.

Two ways, both cheap (one query per source, however many libraries or partners there are):

* generic: every page model with a ForeignKey, ParentalKey child or (Parental)ManyToMany to
  ``libraries.Library`` is found automatically;
* explicit: an app calls ``register_library_pages(label, func)`` (e.g. in ``AppConfig.ready``)
  where ``func(library, locale)`` returns a queryset of pages for that library.
"""

from django.apps import apps
from django.db import models

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


def related_pages(library, locale):
    """[(heading, [pages])] of live pages in ``locale`` linked to ``library`` (any locale row of it)."""
    sections = []
    for model, paths in _page_models():
        query = models.Q()
        for path in paths:
            query |= models.Q(**{f"{path}__translation_key": library.translation_key})
        pages = model.objects.live().filter(query, locale=locale).distinct()
        pages = list(pages.order_by("-first_published_at")[:20])
        if pages:
            sections.append((model._meta.verbose_name_plural, pages))
    for label, func in _registered:
        pages = list(func(library, locale)[:20])
        if pages:
            sections.append((label, pages))
    return sections
