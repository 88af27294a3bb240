from csp.middleware import CSPMiddleware

from django.conf import settings
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from core.methods import SERVED_METHODS, method_not_allowed

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class AdminLanguageMiddleware:
    """Serve the admin in Russian unless the editor chose another language.

    LocaleMiddleware follows the browser's Accept-Language outside the
    language-prefixed URLs; the admin should not, so that every editor starts
    in Russian. A profile preference still wins (Wagtail applies it later).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = ADMIN_PREFIXES

    def __call__(self, request):
        if request.path.startswith(self.prefixes):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except under the language-neutral API (/api/): there a 404 is the API's own JSON
    answer, not a redirect to /ru/api/… (which the pages' catch-all pattern would accept)."""

    neutral_prefixes = ("/api/",)

    def process_response(self, request, response):
        if request.path_info.startswith(self.neutral_prefixes):
            return response
        return super().process_response(request, response)


class HttpMethodMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The admin's own API (wagtail-localize's editor) uses PUT and DELETE; its views check methods.
        if request.method not in SERVED_METHODS and not request.path.startswith(ADMIN_PREFIXES):
            return method_not_allowed(request, SERVED_METHODS)
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse large request bodies outside the admin before anything reads them.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, so a public form without a
    file field would otherwise stream megabytes to a temporary file. The Content-Length is checked
    before the body is read; the WSGI server bounds bodies without one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.PUBLIC_MAX_REQUEST_BODY
        if not request.path.startswith(ADMIN_PREFIXES):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > limit:
                response = HttpResponse(
                    _("The request is too large: forms on this site take at most %(size)s kB.")
                    % {"size": limit // 1024},
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
                return response
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a second policy for the admin, whose templates carry inline scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
