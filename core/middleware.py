from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class AdminLanguageMiddleware:
    """Serve the admin in Russian unless the editor chose another language.

    LocaleMiddleware follows the browser's Accept-Language outside the
    language-prefixed URLs; the admin should not, so that every editor starts
    in Russian. A profile preference still wins (Wagtail applies it later).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = ("/admin/", "/django-admin/")

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
