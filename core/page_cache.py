"""The page cache: anonymous GET/HEAD responses of public pages kept in the shared cache (Redis).

Key: the URL (scheme, host, path and query), the language and the reader's settings reduced to a
small fixed set (``PAGE_CACHE_VARIANTS``: low-vision options, consent state), never the raw Cookie
header. Every key also holds the *content generation*, a random token that ``core.purge`` replaces
whenever anything a page shows is published, unpublished, moved or deleted: all pages of every
language are then out of date at once, on every app server, and no reader sees stale content.

Not cached: requests with a session or messages cookie (logged-in editors, flash messages) or a
cookie of the reader's own data (``PAGE_CACHE_PERSONAL_COOKIES``: starred sessions), admin and
document URLs, previews, responses that set cookies, ask not to be cached or are not 200.
A form's CSRF token is cut out before storing and the visitor's own token put back when serving,
so a first-time visitor served a cached page can still post the form; such responses are
``Cache-Control: private`` (the token is per visitor), the others ``public, s-maxage=…`` for a CDN.

A page is kept under a generation-free key for a day, with the generation and the time it is good
until: one Redis round trip (MGET) fetches the generation and the page together, and when the
database is unreachable (the error page marks the response ``database_unavailable``) readers get
the page whatever its generation. A request reads the generation once; its fragments reuse it.
"""

import contextvars
import datetime
import hashlib
import re
import time
import uuid
from typing import NamedTuple

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.text import compress_string

from core.dates import SITE_TIMEZONE

GENERATION_KEY = "pagecache:generation"
URLS_KEY = "pagecache:urls"
STALE_SECONDS = 24 * 60 * 60
BYPASS_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
# Headers that belong to one response or are set again by the outer middleware.
NOT_STORED = {"set-cookie", "content-length", "x-page-cache", "date"}
CSRF_HOLE = b"\x00csrf-token\x00"
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
# The CSP nonce of the response that was kept: each reader served the copy gets a fresh one.
NONCE_HOLE = b"\x00csp-nonce\x00"
# Copies the same for every reader are kept gzipped for readers whose browser accepts it (all do;
# the encoding is part of the key): the library directory travels as 7 kB instead of 44 kB. Such a
# copy holds no secret (no CSRF token, no nonce), so compressing it reveals nothing (BREACH needs
# a secret beside text the attacker chooses).
MIN_COMPRESSED = 200  # bytes: below this gzip's own header outweighs what it saves


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


# -- generation ---------------------------------------------------------------------------------
# The generation read at the start of a cacheable request, reused by its fragments.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def _create_generation():
    """After Redis lost the generation (or on the first request): one for every server."""
    cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
    return cache.get(GENERATION_KEY) or "0"


def generation():
    """The current content generation (created when missing, e.g. after Redis lost it)."""
    value = _request_generation.get() or cache.get(GENERATION_KEY)
    return value if value is not None else _create_generation()


def new_generation():
    """Make every cached page and fragment out of date, on every server sharing the cache."""
    _request_generation.set(None)
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def seconds_to_live():
    """PAGE_CACHE_SECONDS, but never past the next local midnight: listings depend on the date."""
    now = timezone.localtime(timezone=SITE_TIMEZONE)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(1, min(settings.PAGE_CACHE_SECONDS, int((midnight - now).total_seconds()) + 1))


# -- fragments ---------------------------------------------------------------------------------
def fragment(name, parts, build, timeout=None):
    """``build()``'s value, cached for the current content generation under ``name`` and ``parts``.

    For pieces of the page frame shared by many pages (menu, footer, language links). Built
    every time when the page cache is off (development, behaviour tests).
    """
    if not enabled():
        return build()
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    key = f"fragment:{name}:{generation()}:{digest}"
    # Kept in a 1-tuple, so that a fragment whose value is None is a hit too.
    kept = cache.get(key)
    if kept is None:
        kept = (build(),)
        cache.set(key, kept, timeout or seconds_to_live())
    return kept[0]


# -- URLs served, for purging a CDN or proxy ----------------------------------------------------
def _redis():
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client"):
        return None
    return client.get_client(write=True)


def remember_url(url):
    """Note a URL a proxy may now hold (only when a frontend cache is configured)."""
    redis = _redis()
    if redis is not None:
        redis.sadd(cache.make_key(URLS_KEY), url)
        return
    urls = cache.get(URLS_KEY) or set()
    urls.add(url)
    cache.set(URLS_KEY, urls, None)


def take_urls():
    """Every URL noted since the last purge, forgetting them (atomically on Redis)."""
    redis = _redis()
    if redis is not None:
        key = cache.make_key(URLS_KEY)
        taken = f"{key}:purging:{uuid.uuid4().hex}"
        try:
            redis.rename(key, taken)
        except Exception:  # no such key: nothing was cached since the last purge
            return []
        urls = [url.decode() for url in redis.smembers(taken)]
        redis.delete(taken)
        return sorted(urls)
    urls = cache.get(URLS_KEY) or set()
    cache.delete(URLS_KEY)
    return sorted(urls)


# -- the middleware ------------------------------------------------------------------------------
# The page cache is two middlewares around the rest of the chain (cms/settings/base.py):
#
# * PageCacheMiddleware, first, looks the page up (one MGET). A kept copy holds the whole
#   response, every middleware's headers included, and is answered at once (a form gets the
#   visitor's own CSRF token): nothing else runs for it. Otherwise it hands what it found to the
#   inner one, and afterwards stores what the inner one prepared, with the final headers.
# * PageCacheRenderMiddleware, after the session, locale and CSRF middlewares, serves copies with
#   a script nonce (a fresh one for each reader, in the CSP header too) and readers' copies when
#   the database is down, and renders and prepares the rest.
def _variants():
    return [import_string(path) for path in getattr(settings, "PAGE_CACHE_VARIANTS", [])]


def eligible(request):
    """Whether the request may be answered from, or stored in, the page cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(BYPASS_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    personal = tuple(getattr(settings, "PAGE_CACHE_PERSONAL_COOKIES", ()))
    if personal and any(name.startswith(personal) for name in cookies):
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "page_cache", True) is False or getattr(request, "is_preview", False):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.session_key):
        return False
    return _vary_ok(response)


def _vary_ok(response, also=()):
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    return vary <= {"cookie", "accept-language", "accept-encoding", *also}


def request_language(request):
    """The language LocaleMiddleware will activate for the request, known before it runs."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
    if (
        i18n_patterns_used
        and not prefixed_default_language
        and not translation.get_language_from_path(request.path_info)
    ):
        language = settings.LANGUAGE_CODE
    return language


def page_key(request, variants, language):
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        language,
        "gzip" if accepts_gzip(request) else "identity",
        *(variant(request) for variant in variants),
    ]
    return "pagecache:page:v3:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class Entry(NamedTuple):
    """A kept response. ``final``: ``headers`` are the whole response's, stored by the first
    middleware; otherwise they are those the inner one saw (the outer ones add theirs again)."""

    status: int
    headers: list
    content: bytes
    has_csrf: bool
    has_nonce: bool
    final: bool = False


class Kept(NamedTuple):
    """What is stored under a page's key: the entry, the generation it was rendered in and the time
    (epoch seconds) it is good until."""

    generation: str
    good_until: float
    entry: Entry


def _entry(request, response):
    content = response.content
    content, holes = _CSRF_INPUT.subn(rb"\1" + CSRF_HOLE + rb"\2", content)
    nonce = getattr(request, "_csp_nonce", None)  # set only if the page used it (django-csp)
    has_nonce = isinstance(nonce, str) and f'nonce="{nonce}"'.encode() in content
    if has_nonce:
        content = content.replace(f'nonce="{nonce}"'.encode(), b'nonce="' + NONCE_HOLE + b'"')
    return Entry(response.status_code, _stored_headers(response), content, bool(holes), has_nonce)


def _stored_headers(response):
    return [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]


def accepts_gzip(request):
    """Whether the browser accepts gzip, read as Django's GZipMiddleware reads it."""
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _compressible(response):
    kind = response.get("Content-Type", "").split(";")[0].strip().lower()
    return kind.startswith("text/") or any(word in kind for word in ("json", "xml", "javascript", "svg"))


def _gzipped(entry, response):
    """A final copy as a gzip-accepting reader gets it: compressed when it is text worth it."""
    if (
        len(entry.content) < MIN_COMPRESSED
        or response.has_header("Content-Encoding")
        or not _compressible(response)
    ):
        return entry
    content = compress_string(entry.content)
    if len(content) >= len(entry.content):
        return entry
    # Another representation of the same page: a weak ETag, as Django's GZipMiddleware gives it.
    headers = [
        (name, f"W/{value}" if name.lower() == "etag" and not value.startswith("W/") else value)
        for name, value in entry.headers
    ]
    return entry._replace(content=content, headers=[*headers, ("Content-Encoding", "gzip")])


def _response(request, entry):
    etag = next((value for name, value in entry.headers if name.lower() == "etag"), None)
    if etag and etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        content = entry.content
        if entry.has_csrf:
            content = content.replace(CSRF_HOLE, get_token(request).encode())
        if entry.has_nonce:
            # Reading request.csp_nonce makes django-csp put this nonce in the header.
            content = content.replace(NONCE_HOLE, str(request.csp_nonce).encode())
        response = HttpResponse(content, status=entry.status)
        if entry.final:  # no middleware after this one sets it
            response["Content-Length"] = len(content)
    for name, value in entry.headers:
        response[name] = value
    return response


def _mark(response, public):
    if public:
        if "Cache-Control" not in response:
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
        else:
            patch_cache_control(response, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
    else:
        # Per-visitor or not cacheable: no shared cache may keep it.
        if "Cache-Control" in response:
            response["Cache-Control"] = ", ".join(
                part
                for part in response["Cache-Control"].split(",")
                if part.strip().split("=")[0].lower() not in ("public", "s-maxage")
            )
        patch_cache_control(response, private=True)
    # Reader settings live in cookies and change the page; a kept copy may be answered gzipped.
    patch_vary_headers(response, ("Cookie", "Accept-Encoding") if public else ("Cookie",))
    return response


class _Lookup:
    """What PageCacheMiddleware found, for PageCacheRenderMiddleware; and what to store."""

    __slots__ = ("key", "token", "language", "kept", "fresh", "prepared")

    def __init__(self, key, token, language, kept):
        self.key, self.token, self.language, self.kept = key, token, language, kept
        self.fresh = kept is not None and kept.generation == token and kept.good_until > time.time()
        self.prepared = None  # a Kept once the inner middleware rendered a page to keep


class PageCacheMiddleware:
    """First in MIDDLEWARE: copies the same for every reader are answered before the chain runs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.variants = _variants()
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not enabled() or not eligible(request):
            return self.get_response(request)
        key = language = None
        if getattr(settings, "PAGE_CACHE_PAGES", True):
            language = request_language(request)
            key = page_key(request, self.variants, language)
        found = cache.get_many([GENERATION_KEY, key] if key else [GENERATION_KEY])
        lookup = _Lookup(key, found.get(GENERATION_KEY) or _create_generation(), language, found.get(key))
        # A CORS request gets its headers from the chain (they depend on Origin).
        if lookup.fresh and lookup.kept.entry.final and "HTTP_ORIGIN" not in request.META:
            return self._kept(request, lookup.kept.entry)
        request.page_cache_lookup = lookup
        reset = _request_generation.set(lookup.token)
        try:
            response = self.get_response(request)
        finally:
            _request_generation.reset(reset)
        if lookup.prepared is not None:
            entry = lookup.prepared.entry
            # The CSRF cookie is the visitor's own: _kept() sets it as the CSRF middleware does.
            own_cookies = {settings.CSRF_COOKIE_NAME} if entry.has_csrf else set()
            if (
                not entry.has_nonce
                and set(response.cookies) <= own_cookies
                and "HTTP_ORIGIN" not in request.META
                # The API's answers vary on Origin (CORS): this copy, made without one, is only
                # answered here to requests without one.
                and _vary_ok(response, also=("origin",))
            ):
                entry = entry._replace(headers=_stored_headers(response), final=True)
                if not entry.has_csrf and accepts_gzip(request):  # a form's copy gets each visitor's token
                    entry = _gzipped(entry, response)
            cache.set(lookup.key, lookup.prepared._replace(entry=entry), STALE_SECONDS)
        return response

    def _kept(self, request, entry):
        """A final copy: with a form, the visitor's own CSRF token and cookie (Django's middleware
        reads and sets them, as it would have further down the chain)."""
        if entry.has_csrf:
            self.csrf.process_request(request)
        response = _response(request, entry)
        response["X-Page-Cache"] = "hit"
        return self.csrf.process_response(request, response) if entry.has_csrf else response


class PageCacheRenderMiddleware:
    """After the session, locale and CSRF middlewares: per-reader copies, stale copies when the
    database is down, and the rendering of pages to keep (stored by PageCacheMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            response = self.get_response(request)
            if not request.path.startswith(("/static/", "/media/")):
                _mark(response, public=False)
            return response
        lookup = getattr(request, "page_cache_lookup", None)
        if lookup is not None and lookup.fresh:
            entry = lookup.kept.entry
            response = _response(request, entry)
            response["X-Page-Cache"] = "hit"
            # A form's CSRF token or a script's nonce is per reader: no shared cache may keep it.
            return _mark(response, public=not (entry.has_csrf or entry.has_nonce))
        response = self.get_response(request)
        key = lookup.key if lookup is not None else None
        if getattr(response, "database_unavailable", False) and key:
            if lookup.kept is not None:  # whatever its generation: better than no page
                response = _response(request, lookup.kept.entry)
                response["X-Page-Cache"] = "stale"
            return _mark(response, public=False)
        if not cacheable(request, response):
            return _mark(response, public=False)
        per_reader = bool(_CSRF_INPUT.search(response.content)) or isinstance(
            getattr(request, "_csp_nonce", None), str
        )
        # The page was rendered in the language of its key (a guard: LocaleMiddleware decides).
        if key and translation.get_language() == lookup.language:
            lookup.prepared = Kept(lookup.token, time.time() + seconds_to_live(), _entry(request, response))
            response["X-Page-Cache"] = "miss"
            if not per_reader and getattr(settings, "WAGTAILFRONTENDCACHE", None):
                remember_url(request.build_absolute_uri())
        return _mark(response, public=not per_reader)
