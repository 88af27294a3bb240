"""Template tags of the page frame: head tags for search engines and social networks, language links
and hreflang, dates, pagination, language marks."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page

from core import dates
from core.absolute_urls import absolute_url, request_root_url
from core.i18n import language_of
from core.page_cache import fragment
from core.pagination import pagination_links

register = template.Library()


def _locale_roots(request=None):
    """URL and full URL of the live root page (home page) of each language tree, by language code."""

    def build():
        roots = Page.objects.live().filter(depth=2, alias_of__isnull=True).select_related("locale")
        return {
            root.locale.language_code: (root.get_url(request), root.get_full_url(request)) for root in roots
        }

    return fragment("locale-roots", [request.get_host() if request is not None else ""], build)


def _translations(page):
    """Live, real translations of a page by language code; aliases are not translations."""
    if page is None or not isinstance(page, Page) or not page.pk:
        return {}
    pages = (
        page.get_translations(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .specific(defer=True)
    )
    return {p.locale.language_code: p for p in pages}


def build_language_links(page, current=None, request=None):
    """One entry per language: the page's translation if it exists, else that language's home.

    Each entry: code, name, url, full_url, is_translation (a live translation of
    this page; only these get hreflang alternates) and is_current.
    """
    current = current or translation.get_language()
    translations = _translations(page)
    roots = _locale_roots(request) if len(translations) < len(settings.LANGUAGES) else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, full_url = target.get_url(request), target.get_full_url(request)
        else:
            url, full_url = roots.get(code, (f"/{code}/", None))
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "is_translation": target is not None,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """The language switcher's and hreflang's links, computed once per request and page."""
    request = context.get("request")
    cache = getattr(request, "_language_links", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._language_links = cache
    key = (getattr(page, "pk", None), translation.get_language())
    if key not in cache:
        # Kept for the content generation: a page's translations and their URLs change only when
        # something is published, unpublished, moved or deleted, and each of those starts a new one.
        where = request_root_url(request) if request is not None else ""
        cache[key] = fragment(
            "language-links", [where, *key], lambda: build_language_links(page, request=request)
        )
    return cache[key]


@register.simple_tag(takes_context=True)
def hreflang_links(context, page=None):
    """``(hreflang, url)`` pairs: each live translation of the page, then x-default (Russian)."""
    links = [link for link in language_links(context, page) if link["is_translation"] and link["full_url"]]
    pairs = [(link["code"], link["full_url"]) for link in links]
    default = next((url for code, url in pairs if code == settings.LANGUAGE_CODE), None)
    if default is None and pairs:
        default = pairs[0][1]
    if default is not None:
        pairs.append(("x-default", default))
    return pairs


@register.simple_tag
def date_range(start, end=None):
    """``{% date_range start end %}`` or ``{{ start|date_range:end }}``: see core.dates.date_range."""
    return dates.date_range(start, end)


register.filter("date_range", date_range)


@register.filter
def partial_date(value, precision="day"):
    """``{{ page.date_signed|partial_date:page.date_signed_precision }}``: "декабрь 2022" for a month."""
    return dates.partial_date(value, precision or "day")


@register.simple_tag
def lang_if_other(obj):
    """` lang="ru"` for content shown in another language than the page's.

    Rows not yet translated (e.g. a library imported in Russian) are listed in
    their own language; screen readers must read them as such, and readers see
    they are not a translation. The row's ``language_code`` if annotated, else its locale's.
    """
    code = language_of(obj)
    if code and code != translation.get_language():
        return format_html(' lang="{}"', code)
    return ""


@register.simple_tag
def lang_of_source():
    """` lang="ru"` on text kept in the source language on every page (synchronised fields such
    as a campaign's hashtag) when the page is in another language."""
    if translation.get_language() != settings.LANGUAGE_CODE:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


# How a state looks: the badge's tone by the state's value, whatever model it comes from.
BADGE_TONES = {
    "running": "now",
    "active": "now",
    "in_force": "now",
    "upcoming": "soon",
    "not_started": "soon",
    "finished": "past",
    "past": "past",
    "ended": "past",
    "superseded": "past",
    "not_in_force": "past",
}


@register.simple_tag
def badge(state, label, element="span"):
    """``{% badge page.state page.get_state_display %}``: one badge component for every status."""
    tone = BADGE_TONES.get(str(state), "soon")
    classes = f"badge badge--{tone}" if tone == str(state) else f"badge badge--{tone} badge--{state}"
    return format_html('<{0} class="{1}">{2}</{0}>', element, classes, label)


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, query=None, label=None, param="page"):
    """The shared pagination of listings; see core.pagination.pagination_links."""
    return pagination_links(page_obj, query=query, request=context.get("request"), label=label, param=param)


OG_LOCALES = {"ru": "ru_RU", "en": "en_GB", "be": "be_BY"}


def _social_image_url(request, page):
    getter = getattr(page, "get_social_image", None)
    image = getter() if callable(getter) else None
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        return absolute_url(rendition.url, request), rendition.width, rendition.height, image.title
    return absolute_url(static("img/og-default.png"), request), 1200, 630, ""


def _meta(context):
    """Everything the head needs about the current page, computed once per render."""
    cache = context.render_context
    if "reader_meta" in cache:
        return cache["reader_meta"]
    request = context.get("request")
    page = context.get("page")
    code = translation.get_language() or settings.LANGUAGE_CODE
    is_page = isinstance(page, Page)
    title = context.get("meta_title", "")
    description = context.get("meta_description", "")
    # A view that shows something other than its page (a route's object) names its own address.
    canonical = context.get("meta_canonical", "")
    if is_page:
        title = title or page.seo_title or page.title
        getter = getattr(page, "get_meta_description", None)
        description = description or (getter() if callable(getter) else page.search_description)
    if is_page and not canonical:
        canonical = page.get_full_url(request)
        # A route of a routable page (e.g. a library profile) is its own canonical URL.
        page_path = page.get_url(request) if request is not None else None
        if canonical and page_path and request.path != page_path and request.path.startswith(page_path):
            canonical += request.path[len(page_path) :]
    elif not canonical and request is not None:
        canonical = absolute_url(request.path, request)
    image, width, height, alt = _social_image_url(request, page if is_page else None)
    site_name = translation.gettext("Together Stronger")
    meta = {
        "title": title or site_name,
        "description": " ".join(str(description or "").split()),
        "canonical": canonical,
        "image": image,
        "image_width": width,
        "image_height": height,
        "image_alt": alt or title or site_name,
        "og_locale": OG_LOCALES.get(code, code),
        "og_alternates": [OG_LOCALES[c] for c, _n in settings.LANGUAGES if c != code and c in OG_LOCALES],
        "og_type": "website" if not is_page or page.depth <= 2 else "article",
        "site_name": site_name,
        # A page may describe its organisation (the home page does: schema.org Organization).
        "organization": page.organization_json_ld(request) if hasattr(page, "organization_json_ld") else None,
    }
    cache["reader_meta"] = meta
    return meta


@register.inclusion_tag("components/meta_description.html", takes_context=True)
def meta_description(context):
    """The page's description for search engines (templates may override the ``meta`` block)."""
    return _meta(context)


@register.inclusion_tag("components/meta_canonical.html", takes_context=True)
def canonical_link(context):
    return _meta(context)


@register.inclusion_tag("components/meta_sharing.html", takes_context=True)
def sharing_meta(context):
    """Open Graph and VK tags with an absolute image URL; Organization JSON-LD on home pages."""
    return _meta(context)


class KeptNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        parts = self.parts.resolve(context)
        request = context.get("request")
        if parts is None or request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # Like every piece of a page: for its host and language too.
        parts = [request_root_url(request), translation.get_language(), *parts]
        return fragment(self.name.resolve(context), parts, lambda: self.nodelist.render(context))


@register.tag
def kept(parser, token):
    """``{% kept "name" parts %}…{% endkept %}``: the body's HTML kept as a fragment for the host,
    the language and ``parts`` (a list the view computes: what else the body depends on besides
    the content generation and the date), so a warm one costs none of the body's queries.
    Rendered as usual when ``parts`` is None (a reader's own variant of the page) and in an
    editor's preview."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a fragment name and its key parts")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)
