"""The site's menu and footer, built from the home page of the reader's language.

Both are the same on every page of a language, so they are kept as fragments of the page cache
(core.page_cache.fragment) for the current content generation: a page rendered after a publish
reads them once, later pages of that language not at all.
"""

from django import template
from django.utils import translation

from wagtail.models import Locale, Page

from core.page_cache import fragment
from home.frame import footer_content, network_settings
from home.models import HomePage

register = template.Library()


def _menu(request):
    locale = Locale.get_active()
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        return {"home_url": "", "items": []}
    children = home.get_children().live().in_menu().only("id", "title", "path", "url_path", "depth")
    return {
        "home_url": home.get_url(request),
        "items": [
            {"title": child.title, "url": child.get_url(request), "path": child.path} for child in children
        ],
    }


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    menu = fragment("menu", [translation.get_language(), host], lambda: _menu(request))
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "home_url": menu["home_url"],
        "items": [
            {**item, "active": bool(current_path) and current_path.startswith(item["path"])}
            for item in menu["items"]
        ],
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {"network": network_settings(request), "request": request, "footer": footer_content()}
