from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page

from home.models import FooterContent, HomePage

register = template.Library()


def _locale_homes():
    """Live home pages by language code (one query)."""
    homes = HomePage.objects.live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def _translations(page):
    if page is None or not isinstance(page, Page):
        return {}
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per language: the page's translation if it exists, else that language's home."""
    cache_key = "_language_links"
    if cache_key in context:
        return context[cache_key]
    current = translation.get_language()
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
    context[cache_key] = links
    return links


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
