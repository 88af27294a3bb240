"""robots.txt, which names the sitemap and keeps crawlers out of the admin and reader settings."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from core.absolute_urls import absolute_url


@require_safe
def robots_txt(request):
    base = absolute_url("/", request).rstrip("/")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/"]
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines += [f"Disallow: /{code}/accessibility/" for code, _name in settings.LANGUAGES]
    lines += [f"Disallow: /{code}/consent/" for code, _name in settings.LANGUAGES]
    lines += ["", f"Sitemap: {base}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
