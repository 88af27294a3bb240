"""The reader settings panel (visually impaired version) and the analytics counter after consent."""

from django import template
from django.utils.html import format_html

from reader import preferences

register = template.Library()


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


@register.simple_tag(takes_context=True)
def metrica_counter(context, counter_id):
    """Yandex.Metrica's loader; the template includes it only after the reader's consent.

    Both scripts carry the response's CSP nonce: the policy allows no other inline script.
    """
    counter_id = str(counter_id)
    request = context.get("request")
    if not (counter_id.isascii() and counter_id.isdigit()) or request is None:
        return ""
    return format_html(
        '<script nonce="{nonce}" src="https://mc.yandex.ru/metrika/tag.js" async></script>'
        '<script nonce="{nonce}">window.ym=window.ym||function(){{(ym.a=ym.a||[]).push(arguments)}};'
        'ym.l=+new Date();ym({id},"init",{{clickmap:true,trackLinks:true,accurateTrackBounce:true}});'
        "</script>",
        nonce=request.csp_nonce,
        id=int(counter_id),
    )
