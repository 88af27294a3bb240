import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
# The worker prints mail to the console unless a server is configured.
if not any(os.environ.get(name, "").strip() for name in ("EMAIL_URL", "EMAIL_HOST", "EMAIL_BACKEND")):
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` serves at 127.0.0.1:8000; absolute links made without a request use it.
SITE_URL = SITE_URL or "http://127.0.0.1:8000"  # noqa: F405
