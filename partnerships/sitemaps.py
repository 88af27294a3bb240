"""Sitemaps of the library profiles in the directory of each language, 1000 to a sitemap page."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from wagtail.models import Locale

from core.routing import section_page
from libraries.models import Library
from partnerships.models import LibraryIndexPage


class LibraryProfileSitemap(Sitemap):
    limit = 1000
    language = settings.LANGUAGE_CODE

    def locale(self):
        try:
            return Locale.objects.get_for_language(self.language)
        except Locale.DoesNotExist:
            return None

    def directory(self):
        if not hasattr(self, "_directory"):
            locale = self.locale()
            self._directory = section_page(LibraryIndexPage, locale.pk) if locale is not None else None
        return self._directory

    def items(self):
        directory = self.directory()
        if directory is None:
            return Library.objects.none()
        fields = ("slug", "full_name", "last_published_at", "locale_id", "translation_key", "live")
        return Library.objects.for_locale(self.locale()).order_by("full_name", "pk").only(*fields)

    def location(self, library):
        return self.directory().profile_url(library)

    def lastmod(self, library):
        return library.last_published_at

    def get_latest_lastmod(self):
        # For the index: one aggregate, never a walk over every library.
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]


def library_sitemaps():
    """``{section: sitemap class}``: ``libraries-ru``, ``libraries-en``, ``libraries-be``."""
    return {
        f"libraries-{code}": type(
            f"LibraryProfileSitemap_{code}", (LibraryProfileSitemap,), {"language": code}
        )
        for code, _name in settings.LANGUAGES
    }
