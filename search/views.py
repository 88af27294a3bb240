"""The reader's search page: pages of every type and the library directory, in the active language."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.page_cache import fragment
from core.routing import no_view_restrictions, section_page
from libraries.models import Library
from partnerships.models import LibraryIndexPage

from .text import MAX_QUERY_LENGTH, clean_query, highlight, index_excerpts, searchable_text

PER_PAGE = 10
# Each source contributes at most this many hits; more is never useful to a reader.
MAX_HITS = 300
LIBRARY = "library"


def _public_pages(locale):
    pages = Page.objects.live().filter(locale=locale, depth__gt=1)
    # Most sites restrict nothing: then no query of restrictions (kept for the content generation).
    return pages if no_view_restrictions() else pages.public()


def type_choices(locale):
    """(key, label) for every page type live in this language, and the library directory; the
    types come from a fragment of the page cache (one query per content generation)."""

    def build():
        ids = _public_pages(locale).values_list("content_type_id", flat=True).distinct()
        return sorted(set(ids))

    choices = []
    for content_type_id in fragment("search-types", [locale.pk], build):
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is not None:
            key = f"{content_type.app_label}.{content_type.model}"
            choices.append((key, capfirst(model._meta.verbose_name_plural)))
    choices.append((LIBRARY, capfirst(Library._meta.verbose_name_plural)))
    return sorted(choices, key=lambda choice: str(choice[1]))


class RankedHits:
    """The hits of several sources (pages, libraries), each ranked and limited by the database,
    merged by score. A page of results costs a COUNT and a LIMIT query per source: however many
    objects match, no more than the hits up to the end of that page are read and merged."""

    def __init__(self, sources):
        self.sources = sources
        self._counts = None

    def count(self):
        if self._counts is None:
            self._counts = [min(source.count(), MAX_HITS) for source in self.sources]
        return sum(self._counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        self.count()
        stop = key.stop if key.stop is not None else MAX_HITS
        merged = []
        for source, count in zip(self.sources, self._counts, strict=True):
            if count:
                merged += list(source[: min(stop, count)])
        # A stable sort: equal scores keep the database's order (rank, then newest first).
        merged.sort(key=lambda hit: hit._score or 0, reverse=True)
        return merged[key]


def _hits(locale, query, kind):
    backend = get_search_backend()
    sources = []
    if kind != LIBRARY:
        pages = _public_pages(locale)
        if kind:
            app_label, model = kind.split(".")
            pages = pages.filter(content_type=ContentType.objects.get_by_natural_key(app_label, model))
        sources.append(backend.search(query, pages, operator="and").annotate_score("_score"))
    if kind in ("", LIBRARY):
        libraries = Library.objects.filter(locale=locale, live=True)
        sources.append(backend.search(query, libraries, operator="and").annotate_score("_score"))
    return RankedHits(sources)


def _kind(hit):
    model = (
        ContentType.objects.get_for_id(hit.content_type_id).model_class() if isinstance(hit, Page) else hit
    )
    return capfirst(model._meta.verbose_name)


def _results(request, locale, hits, query):
    """Presentable results for one page of hits: titles, URLs and highlighted excerpts."""
    directory = (
        section_page(LibraryIndexPage, locale.pk) if any(not isinstance(h, Page) for h in hits) else None
    )
    results = []
    for hit in hits:
        if isinstance(hit, Page):
            results.append({"title": hit.title, "url": hit.get_url(request), "kind": _kind(hit)})
        else:
            url = directory.profile_url(hit) if directory is not None else ""
            results.append({"title": hit.full_name, "url": url, "kind": _kind(hit)})
    backend = get_search_backend()
    config_for = getattr(backend, "config_for_language", None)
    config = config_for(translation.get_language()) if config_for else "simple"
    if connection.vendor == "postgresql":
        # From the search index's plain text, all in one query.
        entries = [
            (hit.content_type_id if isinstance(hit, Page) else library_type().pk, hit.pk) for hit in hits
        ]
        excerpts = index_excerpts(entries, query, config)
    else:
        excerpts = highlight([searchable_text(_specific(hit)) for hit in hits], query, config)
    for result, excerpt in zip(results, excerpts, strict=True):
        result["excerpt"] = excerpt
    return results


def library_type():
    return ContentType.objects.get_for_model(Library)


def _specific(hit):
    return hit.specific if isinstance(hit, Page) else hit


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
