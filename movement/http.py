"""Responses for generated files: cached bytes, ETag, Cache-Control, download names."""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

CACHE_SECONDS = 60 * 60 * 24
CACHE_VERSION = 1  # bump when the drawing code changes


def cache_key(*parts):
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return f"movement:file:{CACHE_VERSION}:{digest}"


def generated_file_response(request, key, content_type, render, filename=None):
    """Serve render()'s bytes, kept in the cache under key; answers If-None-Match with 304."""
    content = cache.get(key)
    if content is None:
        content = render()
        cache.set(key, content, CACHE_SECONDS)
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=content_type)
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
