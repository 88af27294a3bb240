"""The site's menu and footer, built from the home page of the reader's language.

Both are the same on every page of a language, so they are kept as fragments of the page cache
(core.page_cache.fragment) for the current content generation: a page rendered after a publish
reads them once, later pages of that language not at all.
"""

from django import template

from wagtail.models import Locale, Page

from core.routing import section_page
from home.frame import footer_content, network_settings, sections
from home.models import HomePage

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    home = section_page(HomePage, Locale.get_active().pk)
    menu = sections(home, request) if home is not None else {"home_url": "", "items": []}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "home_url": menu["home_url"],
        "home_active": home is not None and current_path == home.path,
        "items": [
            {
                **item,
                "active": bool(current_path) and current_path.startswith(item["path"]),
                "current": current_path == item["path"],
            }
            for item in menu["items"]
        ],
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {"network": network_settings(request), "request": request, "footer": footer_content()}
