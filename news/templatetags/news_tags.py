from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail.models import Locale

from core.jsonld import json_ld as render_json_ld
from core.page_cache import fragment
from core.routing import section_page
from news.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def news_feeds(context):
    """The RSS and Atom feeds of the reader's language, for <link rel="alternate">."""
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    return fragment("news-feeds", [translation.get_language(), host], lambda: _feeds(request))


def _feeds(request):
    index = section_page(NewsIndexPage, Locale.get_active().pk)
    if index is None:
        return []
    base = index.get_full_url(request=request)
    if not base:
        return []
    return [
        {
            "type": "application/rss+xml",
            "title": f"{index.title} (RSS)",
            "href": base + index.reverse_subpage("rss"),
        },
        {
            "type": "application/atom+xml",
            "title": f"{index.title} (Atom)",
            "href": base + index.reverse_subpage("atom"),
        },
    ]


@register.filter
def json_ld(data):
    """Render a dict as a JSON-LD script element."""
    return format_html('<script type="application/ld+json">{}</script>', render_json_ld(data))


@register.simple_tag
def share_links(url, title):
    """Plain share links (no third-party scripts) for VK, Telegram and Odnoklassniki."""
    from urllib.parse import urlencode

    return [
        {
            "name": gettext("VK"),
            "href": "https://vk.com/share.php?" + urlencode({"url": url, "title": title}),
        },
        {"name": "Telegram", "href": "https://t.me/share/url?" + urlencode({"url": url, "text": title})},
        {
            "name": gettext("Odnoklassniki"),
            "href": "https://connect.ok.ru/offer?" + urlencode({"url": url, "title": title}),
        },
    ]
