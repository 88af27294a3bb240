"""Forms that change nothing but the visitor's own cookies, checked by where the browser says the
request comes from instead of by a per-visitor CSRF token.

A token makes every copy of a page the visitor's own: the page cache has to draw a new secret and
rewrite the page on each hit. Browsers name a request's source themselves: ``Sec-Fetch-Site`` in
every current browser, ``Origin`` on every POST. Either one naming another site is refused. A
request with neither comes from no current browser, so it carries no reader's cookies to misuse.
Go's ``net/http.CrossOriginProtection`` decides the same way. Forms that act on stored data keep
Django's token.
"""

import functools

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core.methods import method_not_allowed


def cross_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS


def same_site_post(view):
    """A POST-only view that refuses cross-site requests by their headers (see the module's note)."""

    @csrf_exempt
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if request.method != "POST":
            return method_not_allowed(request, ["POST"])
        if cross_site(request):
            return HttpResponseForbidden(
                _("This form can only be sent from this site's own pages."),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return checked
