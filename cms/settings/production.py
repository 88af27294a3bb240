import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_number, proxy_ssl_header

DEBUG = env_bool("DEBUG", False)
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

# Persistent, health-checked connections: a new PostgreSQL connection per request costs the server a
# process. The deadline on every wait (core/postgres) keeps a frozen server from holding a worker.
DATABASES["default"]["CONN_MAX_AGE"] = env_number("DB_CONN_MAX_AGE", 60, int)  # noqa: F405

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# Hashed, compressed static files served by whitenoise with far-future caching (run collectstatic).
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
# Uploaded media on the filesystem are served by the app too (a proxy may serve /media/ itself).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Machine translation for translators (wagtail-localize). MACHINE_TRANSLATOR picks the service:
#   deepl           DEEPL_AUTH_KEY (a key ending in ":fx" uses the free API), optional DEEPL_FORMALITY;
#   libretranslate  LIBRETRANSLATE_URL (a self-hosted instance), optional LIBRETRANSLATE_API_KEY;
#   none (default)  the button is hidden; the offline dummy translator is for development and tests only.


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when MACHINE_TRANSLATOR={MACHINE_TRANSLATOR}.")
    return value


MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "none").strip().lower()
if MACHINE_TRANSLATOR == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": _required("DEEPL_AUTH_KEY"),
            "FORMALITY": os.environ.get("DEEPL_FORMALITY", "prefer_more"),
            "TIMEOUT": int(os.environ.get("MACHINE_TRANSLATOR_TIMEOUT", "30")),
        },
    }
elif MACHINE_TRANSLATOR == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": _required("LIBRETRANSLATE_URL").rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": int(os.environ.get("MACHINE_TRANSLATOR_TIMEOUT", "30")),
        },
    }
elif MACHINE_TRANSLATOR in {"none", ""}:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
else:
    raise ImproperlyConfigured("MACHINE_TRANSLATOR must be deepl, libretranslate or none.")


# ---------------------------------------------------------------------------------------------------
# Security and operations: HTTPS behind a proxy, HSTS. See README, "Security and operations".
# ---------------------------------------------------------------------------------------------------


# The header the TLS-terminating proxy sets (and strips from clients); empty when there is no proxy.
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(os.environ.get("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Django sends HSTS only on HTTPS responses.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
