"""The sitemap of pages: every live public page of every language, each URL listing its
translations as hreflang alternates, a bounded number to a sitemap page.

``/sitemap.xml`` is an index of sections (``cms/urls.py``): this one, ``/sitemap-pages.xml?p=N``,
and the library profiles of each language (``partnerships.sitemaps``). A sitemap page costs three
queries (a count, the page's pages, their translations) however large the site grows.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.routing import no_view_restrictions


class PageSitemap(Sitemap):
    limit = 500
    x_default = settings.LANGUAGE_CODE

    @staticmethod
    def public(pages):
        # Most sites restrict nothing: then no query of restrictions (kept for the content generation).
        return pages if no_view_restrictions() else pages.public()

    def items(self):
        # Every locale's tree, not only the default site's root (the Russian home page); the base
        # rows are enough for addresses and dates.
        return self.public(Page.objects.live().filter(depth__gt=1)).order_by("path").select_related("locale")

    def get_latest_lastmod(self):
        # For the index: one aggregate, never a walk over every page.
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        keys = {item.translation_key for item in object_list}
        others = self.public(Page.objects.live().filter(translation_key__in=keys)).select_related("locale")
        for other in others.order_by("path"):
            url = other.get_full_url(self.request)
            if url:
                translations[other.translation_key].append((other.locale.language_code, url))

        urls, last_mods = [], set()
        for item in object_list:
            alternates = [
                {"lang_code": code, "location": url} for code, url in translations[item.translation_key]
            ]
            if len(alternates) > 1:
                default = dict(translations[item.translation_key]).get(self.x_default)
                if default:
                    alternates.append({"lang_code": "x-default", "location": default})
            else:
                alternates = []
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
