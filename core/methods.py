"""Which HTTP methods the site serves; anything else gets 405 with a short explanation."""

from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext as _

# Methods some view of this site serves; TRACE, PUT, DELETE and the rest are refused before any view.
SERVED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
SAFE_METHODS = ("GET", "HEAD")


def method_not_allowed(request, allowed):
    return HttpResponseNotAllowed(
        allowed,
        _("This address does not accept %(method)s requests.") % {"method": request.method[:20]},
        content_type="text/plain; charset=utf-8",
    )


def accepts_post(view):
    """Marks a page route (RoutablePageMixin) that takes POST; every other page answers POST with 405."""
    view.http_methods = (*SAFE_METHODS, "POST")
    return view
