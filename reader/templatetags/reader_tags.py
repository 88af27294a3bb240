"""Head tags for search engines and social networks, and the reader settings panel."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page, Site

from cms.absolute_urls import absolute_url
from cms.jsonld import json_ld
from reader import preferences

register = template.Library()

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
        "organization": _organization(request, page) if is_page and page.depth == 2 else None,
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


def _organization(request, home):
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
        "logo": absolute_url(static("img/logo.png"), request),
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
    return json_ld(data)


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
