"""One sitemap for every language, each URL listing its translations as hreflang alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    x_default = "ru"

    def items(self):
        # Every locale's tree, not only the default site's root (the Russian home page).
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale")
        )

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        keys = {item.translation_key for item in object_list}
        for other in Page.objects.live().public().filter(translation_key__in=keys).select_related("locale"):
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
