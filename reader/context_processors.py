"""Reader preferences for every template; reads only cookies and settings, never the database."""

from django.conf import settings

from .preferences import CONSENT_COOKIE, COOKIE, Preferences


def reader(request):
    consent = request.COOKIES.get(CONSENT_COOKIE, "")
    metrica_id = getattr(settings, "METRICA_ID", "")
    return {
        "a11y": Preferences.from_cookie(request.COOKIES.get(COOKIE)),
        "consent": consent if consent in ("all", "necessary") else "",
        "metrica_id": metrica_id if metrica_id.isascii() and metrica_id.isdigit() else "",
    }
