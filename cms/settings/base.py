"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def proxy_ssl_header(value):
    """ "X-Forwarded-Proto" (or "Header-Name:value") → Django's (META key, value); empty → None."""
    if not value.strip():
        return None
    name, _sep, expected = value.partition(":")
    return ("HTTP_" + name.strip().upper().replace("-", "_"), expected.strip() or "https")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_number(name, default, kind=float):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = kind(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, got {value!r}") from None
    if number < 0:
        raise ImproperlyConfigured(f"{name} must not be negative, got {value!r}")
    return number


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The project's apps, from the shared core up to the sections that use the others.
    "core",
    "libraries",
    "documents",
    "events",
    "movement",
    "partnerships",
    "news",
    "opendata",
    "home",
    "search",
    "reader",
    "localization",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a kept page the same for every reader is answered before anything else runs.
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Hashed static files with far-future caching, before anything that reads the database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    # Answers cross-origin GETs of /api/ only (CORS_URLS_REGEX); before CommonMiddleware.
    "corsheaders.middleware.CorsMiddleware",
    "core.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the CSRF and session middleware: a cached page gets the visitor's own CSRF token.
    "core.page_cache.PageCacheRenderMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "reader.context_processors.reader",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite file in the project unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_number("DB_CONN_MAX_AGE", 0, int),
        conn_health_checks=True,
    )
}
# A database that is down or hangs must not hold a worker for long: give up connecting and
# cancel statements after a few seconds; readers then get the cached page or a 503.
DB_CONNECT_TIMEOUT = env_number("DB_CONNECT_TIMEOUT", 3, int)
DB_STATEMENT_TIMEOUT = env_number("DB_STATEMENT_TIMEOUT", 4)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, plus a deadline on every wait for the server (core/postgres/base.py): a
    # frozen server holds no worker, also on a persistent connection.
    DATABASES["default"]["ENGINE"] = "core.postgres"
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", max(1, DB_CONNECT_TIMEOUT))
    if DB_STATEMENT_TIMEOUT:
        _options.setdefault("options", f"-c statement_timeout={int(DB_STATEMENT_TIMEOUT * 1000)}")
        # A little longer than the server's own limit, which cancels cleanly and keeps the connection.
        DATABASES["default"]["RESPONSE_TIMEOUT"] = DB_STATEMENT_TIMEOUT + 0.5
DB_RETRY_AFTER = env_number("DB_RETRY_AFTER", 5, int)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Django 6 behaviour now: a URL typed without a scheme is taken as https.
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian is the source; English and Belarusian are translations.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", "Русский"),
    ("en", "English"),
    ("be", "Беларуская"),
]
WAGTAIL_I18N_ENABLED = True
# Slugs are Latin: the admin transliterates a Russian or Belarusian title as it is typed.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin is offered in Russian (default) and English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
# Date formats per language ("17 апреля 2024", "17 April 2024", "17 красавіка 2024").
FORMAT_MODULE_PATH = ["core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media in S3-compatible object storage when a bucket is named; on the filesystem otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "").strip() or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "").strip() or None
    # Public files under public URLs (no signed query strings, so pages stay cacheable).
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL", "").strip() or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000"}
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")

# The public address of the portal: the default Site's host, port and scheme (set on migrate and
# seeding), and the base of absolute links made without a request (commands, e-mails). A request's
# own host is used when there is a request.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")

WAGTAIL_SITE_NAME = "Вместе сильнее"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL or "http://127.0.0.1:8000")
# Russian stemming for Russian (and Belarusian) content, English for English: see search/backend.py.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "russian",
        "LANGUAGE_CONFIGS": {"ru": "russian", "be": "russian", "en": "english"},
    },
}
# Yandex.Metrica counter number; loaded only after the reader accepts analytics cookies.
METRICA_ID = os.environ.get("METRICA_ID", "").strip()
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "png",
    "jpg",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation stays a draft until a moderator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Offline machine translation (reverses words) unless production configures a real service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis (REDIS_URL) holds the page cache, fragments, rate limits and sessions, shared by every app
# server; without it each process has its own memory cache (development, `make run`).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "vmeste"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
                # A Redis outage makes every page a miss, not an error.
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "vmeste",
        }
    }

# The page cache (core/page_cache.py): anonymous GET/HEAD of public pages, purged on every publish.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", bool(REDIS_URL))
# 0 keeps the frame's fragments but renders every page (what a page-cache miss costs; make bench).
PAGE_CACHE_PAGES = env_bool("PAGE_CACHE_PAGES", True)
PAGE_CACHE_SECONDS = env_number("PAGE_CACHE_SECONDS", 6 * 60 * 60, int)
# How long a CDN or proxy may keep a page (Cache-Control s-maxage); keep it short unless
# FRONTEND_CACHE_PURGE_URL lets publishing purge the proxy.
PAGE_CACHE_S_MAXAGE = env_number("PAGE_CACHE_S_MAXAGE", 60, int)
# What else a cached page varies on, besides URL and language: functions of the request.
PAGE_CACHE_VARIANTS = ["reader.preferences.cache_variant"]
# Name prefixes of cookies holding one reader's own data (the sessions starred in an event's
# programme, events/personal.py): a request carrying one is neither served from nor stored in it.
PAGE_CACHE_PERSONAL_COOKIES = ["myprogramme-"]
# Reverse proxy or CDN purged on publish (wagtail.contrib.frontend_cache, HTTP PURGE).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "core.frontend_cache.TimeoutHTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# The read API (/api/v2/): anonymous, read-only, paginated, rate-limited per client address.
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["opendata.api.throttling.APIRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opendata.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Вместе сильнее — read API",
    "DESCRIPTION": (
        "Read-only data of the library cooperation network: pages (events with their programmes, "
        "news, sections), libraries, regions, agreements with their chronicle, official documents "
        "and approved participation counts, in Russian, English and Belarusian."
    ),
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v2",
    "PREPROCESSING_HOOKS": ["opendata.api.schema.public_api_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "opendata.api.schema.error_responses",
    ],
}
WAGTAILAPI_LIMIT_MAX = 100
# Cross-origin reads of the API (GET only, no cookies) from any site: regional library sites use it.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Seed content (`manage.py load_seed_content`): the Russian data files in content/seed/, their
# translations in content/translations/<language>/ (PO files), demonstration data in content/demo/.
SEED_CONTENT_DIR = BASE_DIR / "content"
# Records the data files name by code: `region: !region "31"`, `country: !country BY`.
SEED_CONTENT_CODES = {"region": "libraries.Region", "country": "libraries.Country"}
# Python that draws an image from lines of text in a data file (`draw: flashmob_banner`).
SEED_CONTENT_DRAWINGS = {"flashmob_banner": "movement.graphics.flashmob_banner"}

# ---------------------------------------------------------------------------------------------------
# Security and operations: headers, request limits, abuse limits, e-mail, background jobs.
# ---------------------------------------------------------------------------------------------------
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

INSTALLED_APPS += ["csp", "django_tasks", "django_tasks_db"]
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "core.middleware.HttpMethodMiddleware",
    "core.middleware.RequestBodyLimitMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
]

# Records whose change purges the page cache, besides pages (core/purge.py).
PAGE_CACHE_PURGE_MODELS = [
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "core.NetworkSettings",
    "libraries.Library",
    "libraries.Region",
    "libraries.Country",
    "documents.OfficialDocument",
    "news.Topic",
    "home.FooterContent",
    "partnerships.ChronicleEntry",
    "movement.ParticipationReport",
    "events.Venue",
    "events.SessionFormat",
]

# Only the embeddable widget may be framed; it says so itself (frame-ancestors and xframe exemption).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = {
    name: []
    for name in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
# Yandex.Metrica (after consent) is the only other host the public pages may contact.
METRICA_HOSTS = ["https://mc.yandex.ru", "https://yastatic.net"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *METRICA_HOSTS],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],  # custom properties such as the programme's track count
        "img-src": [SELF, "data:", "https://mc.yandex.ru"],
        "font-src": [SELF],
        "connect-src": [SELF, "https://mc.yandex.ru"],
        "frame-src": ["https://mc.yandex.ru"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin templates carry inline scripts and styles; its previews frame the site itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, "https://releases.wagtail.org"],  # the upgrade notice
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# No Gravatar: the admin would send a hash of every editor's e-mail address to a foreign service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Request bodies outside the admin: the participation form is a few kilobytes and takes no file.
PUBLIC_MAX_REQUEST_BODY = int(os.environ.get("PUBLIC_MAX_REQUEST_BODY", 64 * 1024))
# Reverse proxies in front of the site that append to X-Forwarded-For; 0 trusts no forwarded address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Participation reports per client address: (count, seconds), counted in the shared cache.
MOVEMENT_REPORT_RATE_LIMIT = (int(os.environ.get("REPORT_RATE_LIMIT", "5")), 60 * 60)

# Background jobs (django-tasks): Wagtail's own small tasks run at once; long admin jobs (CSV import,
# PO upload, notification e-mails) go to the database queue that `manage.py db_worker` works off.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# A job whose worker died is run again this many times in all, then reported as failed.
BACKGROUND_JOB_ATTEMPTS = 2

# ---------------------------------------------------------------------------------------------------
# E-mail and notifications
# ---------------------------------------------------------------------------------------------------
# The server: EMAIL_URL (smtp://user:password@host:587/?tls=True, smtps://… for SSL; ?timeout=N) or,
# without it, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS and
# EMAIL_USE_SSL; EMAIL_BACKEND names another transport (the console in development). EMAIL_TIMEOUT
# (seconds, default 10) bounds every connection. A request never talks to the mail server: every
# message is a background job (core.mail, django-tasks' database queue, enqueued in the request's
# transaction), and the worker sends it, so a refusing or hanging server never holds a request and
# never loses what was saved. Who gets what: Moderators when something awaits their review
# (Wagtail's workflow notices; one summary for a CSV import), translators when the source of a page
# they translated changes, coordinators when a participation report arrives.
import dj_email_url  # noqa: E402

_email = dj_email_url.parse(os.environ["EMAIL_URL"]) if os.environ.get("EMAIL_URL", "").strip() else {}
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
# The transport the worker uses.
EMAIL_DELIVERY_BACKEND = _email.get("EMAIL_BACKEND") or os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = _email.get("EMAIL_HOST") or os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(_email.get("EMAIL_PORT") or os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS") or env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL") or env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(_email.get("EMAIL_TIMEOUT") or os.environ.get("EMAIL_TIMEOUT") or 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Participation reports go to these addresses, or to the network's e-mail in the site settings.
MOVEMENT_COORDINATOR_EMAILS = env_list("MOVEMENT_COORDINATOR_EMAILS")
