import datetime

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html

from wagtail.models import Locale, Page

from cms.pagination import pagination_links
from home.models import FooterContent, HomePage
from localization.months import MONTHS_GENITIVE

register = template.Library()


def _locale_homes():
    """Live home pages by language code (one query)."""
    homes = HomePage.objects.live().filter(alias_of__isnull=True).select_related("locale")
    return {home.locale.language_code: home for home in homes}


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


def build_language_links(page, current=None):
    """One entry per language: the page's translation if it exists, else that language's home.

    Each entry: code, name, url, full_url, is_translation (a live translation of
    this page; only these get hreflang alternates) and is_current.
    """
    current = current or translation.get_language()
    translations = _translations(page)
    homes = _locale_homes() if len(translations) < len(settings.LANGUAGES) else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        is_translation = target is not None
        if target is None:
            target = homes.get(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.url if target is not None else f"/{code}/",
                "full_url": target.full_url if target is not None else None,
                "is_translation": is_translation,
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
        cache[key] = build_language_links(page)
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


def _as_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def _day_month(value):
    return f"{value.day}\u00a0{MONTHS_GENITIVE[value.month - 1]}"


@register.simple_tag
def date_range(start, end=None):
    """A date or a span of dates in the active language, e.g. 17–18 апреля 2024.

    17–18 April 2024 / 17–18 красавіка 2024; 30 апреля – 2 мая 2024; across
    years 30 декабря 2024 – 2 января 2025. Also usable as a filter:
    ``{{ start|date_range:end }}``.
    """
    start = _as_date(start)
    end = _as_date(end) if end else None
    if not start:
        return ""
    if end is None or end == start:
        return f"{_day_month(start)} {start.year}"
    if end < start:
        start, end = end, start
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{_day_month(end)} {end.year}"
    if start.year == end.year:
        return f"{_day_month(start)} \u2013 {_day_month(end)} {end.year}"
    return f"{_day_month(start)} {start.year} \u2013 {_day_month(end)} {end.year}"


register.filter("date_range", date_range)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    locale = Locale.get_active()
    home = HomePage.objects.live().filter(locale=locale).first()
    items = []
    if home is not None:
        items = home.get_children().live().in_menu().specific(defer=True)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "home": home,
        "items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    return {
        "settings": context.get("settings"),
        "request": context.get("request"),
        "footer": FooterContent.for_active_locale(),
    }


@register.simple_tag
def lang_if_other(obj):
    """` lang="ru"` for content shown in another language than the page's.

    Rows not yet translated (e.g. a library imported in Russian) are listed in
    their own language; screen readers must read them as such, and readers see
    they are not a translation. Needs ``language_code`` annotated on the row.
    """
    code = getattr(obj, "language_code", None)
    if code and code != translation.get_language():
        return format_html(' lang="{}"', code)
    return ""


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, query=None, label=None):
    """The shared pagination of listings; see cms.pagination.pagination_links."""
    return pagination_links(page_obj, query=query, request=context.get("request"), label=label)
