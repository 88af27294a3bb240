"""The site's menu and footer, built from the home page of the reader's language."""

from django import template

from wagtail.models import Locale, Page

from home.models import FooterContent, HomePage

register = template.Library()


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
        "home_active": home is not None and current_path == home.path,
        "items": [
            {
                "page": item,
                "active": bool(current_path) and current_path.startswith(item.path),
                "current": current_path == item.path,
            }
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
