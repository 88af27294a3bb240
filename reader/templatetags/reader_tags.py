"""Head tags for search engines and social networks, and the reader settings panel."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from reader import preferences

register = template.Library()

OG_LOCALES = {"ru": "ru_RU", "en": "en_GB", "be": "be_BY"}
# json.dumps output placed inside <script>: these must not close the element or open a comment.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _absolute(request, url):
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def _social_image_url(request, page):
    getter = getattr(page, "get_social_image", None)
    image = getter() if callable(getter) else None
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        return _absolute(request, rendition.url), rendition.width, rendition.height, image.title
    return _absolute(request, static("img/og-default.png")), 1200, 630, ""


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_meta(context, title="", description="", noindex=False):
    """Description, canonical URL, Open Graph and VK tags; Organization JSON-LD on home pages."""
    request = context.get("request")
    page = context.get("page")
    code = translation.get_language() or settings.LANGUAGE_CODE
    is_page = isinstance(page, Page)
    if is_page:
        title = title or page.seo_title or page.title
        getter = getattr(page, "get_meta_description", None)
        description = description or (getter() if callable(getter) else page.search_description)
        canonical = page.get_full_url(request)
    else:
        canonical = request.build_absolute_uri(request.path) if request is not None else ""
    image, width, height, alt = _social_image_url(request, page if is_page else None)
    return {
        "title": title,
        "description": " ".join((description or "").split()),
        "canonical": canonical,
        "noindex": noindex,
        "image": image,
        "image_width": width,
        "image_height": height,
        "image_alt": alt or title,
        "og_locale": OG_LOCALES.get(code, code),
        "og_alternates": [OG_LOCALES[c] for c, _n in settings.LANGUAGES if c != code and c in OG_LOCALES],
        "og_type": "website" if is_page and page.depth <= 2 else "article",
        "site_name": translation.gettext("Together Stronger"),
        "organization": _organization(context, request, page) if is_page and page.depth == 2 else None,
    }


def _organization(context, request, home):
    """schema.org Organization for the network, from the site settings and footer snippet."""
    from home.models import FooterContent, NetworkSettings

    site = Site.find_for_request(request) if request is not None else None
    network = NetworkSettings.for_site(site) if site is not None else None
    footer = FooterContent.for_active_locale()
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": home.title,
        "url": home.get_full_url(request),
        "logo": _absolute(request, static("img/logo.png")),
    }
    if home.search_description or getattr(home, "introduction", ""):
        data["description"] = home.search_description or home.introduction
    if network is not None:
        if network.email:
            data["email"] = network.email
        if network.phone:
            data["telephone"] = network.phone
        if network.fax:
            data["faxNumber"] = network.fax
        same_as = [url for url in (network.vk_url, network.telegram_url) if url]
        if same_as:
            data["sameAs"] = same_as
    if footer is not None and footer.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": footer.address}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))


@register.inclusion_tag("components/a11y_panel.html", takes_context=True)
def a11y_panel(context):
    request = context.get("request")
    prefs = context.get("a11y") or preferences.Preferences()
    return {
        "a11y": prefs,
        "next": request.get_full_path() if request is not None else "",
        "sizes": preferences.SIZES,
        "schemes": preferences.SCHEMES.items(),
        "spacings": preferences.SPACINGS.items(),
        "images": preferences.IMAGES.items(),
    }


@register.simple_tag(takes_context=True)
def current_path(context):
    request = context.get("request")
    return request.get_full_path() if request is not None else ""


@register.simple_tag
def metrica_counter(counter_id):
    """Yandex.Metrica's loader; the template includes it only after the reader's consent."""
    if not str(counter_id).isdigit():
        return ""
    return format_html(
        '<script src="https://mc.yandex.ru/metrika/tag.js" async></script>'
        "<script>window.ym=window.ym||function(){{(ym.a=ym.a||[]).push(arguments)}};ym.l=+new Date();"
        'ym({},"init",{{clickmap:true,trackLinks:true,accurateTrackBounce:true}});</script>',
        int(counter_id),
    )
