"""The reader's search page: pages of every type and the library directory, in the active language."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.routing import section_page
from libraries.models import Library
from partnerships.models import LibraryIndexPage

from .text import MAX_QUERY_LENGTH, clean_query, highlight, searchable_text

PER_PAGE = 10
# Each source contributes at most this many hits; more is never useful to a reader.
MAX_HITS = 300
LIBRARY = "library"


def type_choices(locale):
    """(key, label) for every page type live in this language, and the library directory."""
    ids = (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1)
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    choices = []
    for content_type in ContentType.objects.filter(pk__in=list(ids)):
        model = content_type.model_class()
        if model is not None:
            choices.append((f"{content_type.app_label}.{content_type.model}", model))
    choices = [(key, capfirst(model._meta.verbose_name_plural)) for key, model in choices]
    choices.append((LIBRARY, capfirst(Library._meta.verbose_name_plural)))
    return sorted(choices, key=lambda choice: str(choice[1]))


def _library_url(library, directory):
    return directory.profile_url(library) if directory is not None else ""


def _hits(locale, query, kind):
    backend = get_search_backend()
    hits = []
    if kind != LIBRARY:
        pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
        if kind:
            app_label, model = kind.split(".")
            pages = pages.filter(content_type=ContentType.objects.get_by_natural_key(app_label, model))
        hits += list(backend.search(query, pages, operator="and").annotate_score("_score")[:MAX_HITS])
    if kind in ("", LIBRARY):
        libraries = Library.objects.filter(locale=locale, live=True)
        hits += list(backend.search(query, libraries, operator="and").annotate_score("_score")[:MAX_HITS])
    hits.sort(key=lambda hit: hit._score or 0, reverse=True)
    return hits


def _results(request, locale, hits, query):
    """Presentable results for one page of hits: specific pages, URLs and highlighted excerpts."""
    directory = None
    if any(not isinstance(hit, Page) for hit in hits):
        directory = section_page(LibraryIndexPage, locale.pk)
    page_ids = [hit.pk for hit in hits if isinstance(hit, Page)]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    results = []
    for hit in hits:
        if isinstance(hit, Page):
            obj = specific.get(hit.pk, hit)
            results.append(
                {
                    "title": obj.title,
                    "url": obj.get_url(request),
                    "kind": capfirst(obj._meta.verbose_name),
                    "text": searchable_text(obj),
                }
            )
        else:
            results.append(
                {
                    "title": hit.full_name,
                    "url": _library_url(hit, directory),
                    "kind": capfirst(hit._meta.verbose_name),
                    "text": searchable_text(hit),
                }
            )
    backend = get_search_backend()
    config_for = getattr(backend, "config_for_language", None)
    config = config_for(translation.get_language()) if config_for else "simple"
    for result, excerpt in zip(results, highlight([r["text"] for r in results], query, config), strict=True):
        result["excerpt"] = excerpt
    return results


def search(request):
    locale = Locale.get_active()
    query, truncated = clean_query(request.GET.get("q", ""))
    choices = type_choices(locale)
    kind = request.GET.get("type", "")
    messages = []
    if truncated:
        messages.append(_("Your query was shortened to %(count)s characters.") % {"count": MAX_QUERY_LENGTH})
    if kind and kind not in dict(choices):
        messages.append(_("There is no such content type; showing results of every type."))
        kind = ""
    page_obj = None
    results = []
    if query:
        paginator = Paginator(_hits(locale, query, kind), PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        results = _results(request, locale, list(page_obj.object_list), query)
    elif request.GET.get("q", "").strip():
        messages.append(_("Your query has no words to search for; please use letters or digits."))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "kind": kind,
            "choices": choices,
            "page_obj": page_obj,
            "base_query": urlencode({key: value for key, value in (("q", query), ("type", kind)) if value}),
            "results": results,
            "search_messages": messages,
            "max_query_length": MAX_QUERY_LENGTH,
            "meta_title": _("Search"),
        },
    )
