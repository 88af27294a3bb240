import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", False)
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
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
