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


def media(request, path):
    """Uploaded files from the filesystem storage, for production without a proxy serving /media/.

    ``django.views.static.serve`` refuses paths outside MEDIA_ROOT and answers If-Modified-Since;
    names of uploads never change in place (renditions and new uploads get new names).
    """
    from django.utils.cache import patch_cache_control
    from django.views.static import serve

    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=7 * 24 * 60 * 60)
    return response
