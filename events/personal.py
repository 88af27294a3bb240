"""The personal programme: sessions a reader stars, kept without an account.

The choice lives in a cookie per event (so plain forms work without JavaScript), in localStorage
when JavaScript runs (static/events/js/my-programme.js keeps the cookie in step), and in the URL
(``?s=code.code…``), which makes it a link to share and a calendar address to subscribe to.
"""

from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import calendar
from .programme import MAX_SELECTION, parse_codes

COOKIE_MAX_AGE = 365 * 24 * 3600


def cookie_name(page):
    # One cookie per event, shared by its language versions (they share the session ids).
    return f"myprogramme-{page.translation_key.hex[:12]}"


def stored_codes(request, page):
    return parse_codes(request.COOKIES.get(cookie_name(page), ""))[0]


def selection(request, page):
    """(codes, from_url, bad) — the URL's choice when it carries one, else the cookie's."""
    if "s" in request.GET:
        codes, bad = parse_codes(request.GET.get("s", ""))
        return codes, True, bad
    return stored_codes(request, page), False, []


def selection_query(codes):
    return urlencode({"s": ".".join(codes)}) if codes else ""


def store(response, request, page, codes):
    response.set_cookie(
        cookie_name(page),
        ".".join(codes),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        # Script keeps it in step with localStorage, so it may not be HttpOnly.
        httponly=False,
    )
    return response


def toggle(request, page):
    """POST from a star button: add or remove one session, then back to where the reader was."""
    programme = page.get_programme()
    known = {session.code for session in programme.sessions}
    code = (request.POST.get("session") or "").strip().lower()
    action = request.POST.get("action")
    if code not in known or action not in ("add", "remove"):
        return HttpResponse(
            _("This session is not in the programme, or the request was incomplete."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    if "selection" in request.POST:
        codes = parse_codes(request.POST.get("selection", ""))[0]
    else:
        codes = stored_codes(request, page)
    codes = [c for c in codes if c in known and c != code]
    if action == "add":
        codes.append(code)
    # Programme order, not the order of clicks.
    codes = [session.code for session in programme.select(codes)][:MAX_SELECTION]
    target = request.POST.get("next") or page.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = page.url
    return store(HttpResponseRedirect(target, status=303), request, page, codes)


def calendar_response(request, page, codes):
    programme = page.get_programme()
    cal = calendar.new_calendar(_("My programme: %(event)s") % {"event": page.title})
    page_url = page.get_full_url(request)
    for session in programme.select(codes):
        cal.add_component(calendar.session_vevent(page, session, f"{page_url}#{session.anchor}"))
    return calendar.response(cal, f"{page.slug}-my-programme.ics")
