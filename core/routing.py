"""Routing a URL to its page in two queries instead of two per level of the tree.

Wagtail walks the path one slug at a time: a query for the child, another for its specific
row, at every level. Here every page along the path comes in one query by ``url_path``, and
only the page that answers is made specific. The result is Wagtail's own: a routable page
(``RoutablePageMixin``) still has the first say over the rest of the path (only if it is live,
as in Wagtail), a page missing at some level hands the rest of the path to its parent's
``route()``, and the page reached routes itself (a draft answers 404).
"""

from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core.inlines import attach_inline_rows, with_inline_rows


def _routes_itself(page, remaining):
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin) or not page.live:
        return False
    path = "/" + "".join(f"{component}/" for component in remaining)
    try:
        model.get_resolver().resolve(path)
    except (Resolver404, Http404):
        return False
    return True


def route_by_url_path(root, request, path_components):
    """Wagtail's ``root.route(request, path_components)`` for a root page of a language tree."""
    prefixes, url_path = [], root.url_path
    for component in path_components:
        url_path += f"{component}/"
        prefixes.append(url_path)
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=root.path).only(
            "id", "path", "depth", "url_path", "slug", "live", "content_type", "locale", "translation_key"
        )
    }
    current = root
    for index, prefix in enumerate(prefixes):
        remaining = path_components[index:]
        page = found.get(prefix)
        if current is not root and _routes_itself(current, remaining):
            return current.specific.route(request, remaining)
        if page is None or page.depth != current.depth + 1:
            if current is root:
                # The root's own route() is this function: take Wagtail's (a 404 for a missing child).
                return Page.route(root, request, remaining)
            return _specific(current).route(request, remaining)
        if not getattr(current, "is_partial", False):
            page._cached_parent_obj = current
        current = page
    return _specific(current).route(request, [])


def load_specific(page):
    """``page.specific`` in one query with what its type serves: ``serve_select_related`` (e.g.
    its images) and the rows of ``serve_inlines`` (its inline panels, ``core.inlines``)."""
    model = page.specific_class
    related = getattr(model, "serve_select_related", ())
    inlines = getattr(model, "serve_inlines", ())
    if model is None or not (related or inlines):
        return page.specific
    queryset = with_inline_rows(model._default_manager.filter(pk=page.pk).select_related(*related), inlines)
    specific = queryset.first()
    if specific is None:  # deleted meanwhile: as Wagtail would
        return page.specific
    return attach_inline_rows(specific, inlines)


def _specific(page):
    from wagtail.models import Locale

    specific = load_specific(page)
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is not None:
        specific._cached_parent_obj = parent
    # The page's locale is the active one (looked up once per request): no query for page.locale.
    active = Locale.get_active()
    if specific.locale_id == active.pk:
        specific.locale = active
    return specific


def language_roots():
    """``{locale_id: (page_id, path, url_path, content_type_id)}`` of every language tree's root."""
    from core.page_cache import fragment

    def build():
        roots = Page.objects.filter(depth=2).values_list(
            "locale_id", "id", "path", "url_path", "content_type_id"
        )
        return {row[0]: row[1:] for row in roots}

    return fragment("language-roots", [], build)


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request`` without loading the root page: its translation in the
    active language comes from a cached table of roots, then ``route_by_url_path`` finds the page."""
    from wagtail.models import Locale, Site

    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    result = None
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    if site is not None:
        try:
            root = None
            entry = language_roots().get(Locale.get_active().pk)
            default = site.root_page
            if entry is not None and default.path[:4] == entry[1][:4]:
                pk, root_path, url_path, content_type_id = entry
                root = Page(
                    id=pk, path=root_path, url_path=url_path, depth=2, content_type_id=content_type_id
                )
                # Only what routing needs: never handed out as a parent.
                root.is_partial = True
            if root is None:
                result = site.root_page.localized.specific.route(request, components)
            elif components:
                result = route_by_url_path(root, request, components)
            else:
                result = _specific(root).route(request, [])
        except Http404:
            result = None
    request._wagtail_route_for_request = result
    return result


def serve(request, path):
    """``wagtail.views.serve`` with ``route_for_request`` above; hooks run as in Wagtail."""
    from django.http import HttpResponse

    from wagtail import hooks
    from wagtail.views import serve_chain

    result = route_for_request(request, path)
    if result is None:
        raise Http404
    page, args, kwargs = result
    chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        response = fn(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return response
    return chain(page, request, args, kwargs)


def no_view_restrictions():
    """Whether the site has no page view restriction at all (kept for the content generation)."""
    from wagtail.models import PageViewRestriction

    from core.page_cache import fragment

    return fragment("no-view-restrictions", [], lambda: not PageViewRestriction.objects.exists())


def remember_sites():
    """``Site.find_for_request`` from a fragment of the page cache keyed by host and port.

    Wagtail looks the site up once per request (a query); sites change rarely, and saving one
    starts a new content generation (``core.purge``).
    """
    from wagtail.models import Site

    from core.page_cache import fragment

    original = Site._find_for_request
    if getattr(original, "remembers", False):
        return

    def _find_for_request(request):
        address = [request._get_raw_host(), request.get_port()]
        return fragment("site", address, lambda: original(request))

    _find_for_request.remembers = True
    Site._find_for_request = staticmethod(_find_for_request)


def section_page(model, locale_id):
    """The live page of a type there is one of per language (the document registry, the library
    directory, the namesake finder…), kept as a fragment of the page cache; None if there is none."""
    from core.page_cache import fragment

    def build():
        return model._default_manager.live().filter(locale_id=locale_id).defer_streamfields().first()

    return fragment("section", [model._meta.label, locale_id], build)
