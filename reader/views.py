"""Reader settings (visually impaired version, cookie consent) and error pages."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .preferences import CONSENT_COOKIE, COOKIE, COOKIE_AGE, Preferences, parse_change


def _back(request):
    """Where to return: the page the reader came from, if it is on this site."""
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return f"/{translation.get_language()}/"


def _set_cookie(request, response, name, value):
    response.set_cookie(
        name, value, max_age=COOKIE_AGE, samesite="Lax", httponly=True, secure=request.is_secure()
    )


@never_cache
def accessibility(request):
    """Switch the visually impaired version on or off, or change one of its settings (GET, no JS)."""
    changes, errors = parse_change(request.GET)
    if errors:
        return render(request, "reader/bad_setting.html", {"back": _back(request)}, status=400)
    response = HttpResponseRedirect(_back(request))
    if request.GET.get("version") == "standard":
        response.delete_cookie(COOKIE, samesite="Lax")
        return response
    current = Preferences.from_cookie(request.COOKIES.get(COOKIE))
    _set_cookie(request, response, COOKIE, current.updated(**changes).to_cookie())
    return response


@never_cache
def consent(request):
    """Record the reader's cookie choice: ``all`` allows analytics, ``necessary`` does not."""
    choice = request.GET.get("choice")
    if choice not in ("all", "necessary"):
        return render(request, "reader/bad_setting.html", {"back": _back(request)}, status=400)
    response = HttpResponseRedirect(_back(request))
    _set_cookie(request, response, CONSENT_COOKIE, choice)
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", {"meta_title": _("Page not found")}, status=404)


def database_unavailable(exception):
    """Whether an error means the database cannot be reached or timed out (not a bug in a query).

    Django wraps connection failures, timeouts and cancelled statements in OperationalError.
    """
    return isinstance(exception, OperationalError | InterfaceError)


def server_error(request):
    """A plain template without context processors: it must render even when the database is down.

    When the database is down or hanging the answer is 503 with Retry-After, and the page cache
    answers with its last copy of the page instead if it has one (``database_unavailable``).
    """
    context = {"LANGUAGE_CODE": translation.get_language() or settings.LANGUAGE_CODE}
    exception = sys.exc_info()[1]
    if exception is not None and database_unavailable(exception):
        html = loader.get_template("503.html").render(context)
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(getattr(settings, "DB_RETRY_AFTER", 5))
        response.database_unavailable = True
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))
