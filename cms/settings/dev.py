import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me"  # noqa: F405
# Mail is printed to the console unless a server is configured.
if not (os.environ.get("EMAIL_URL", "").strip() or os.environ.get("EMAIL_HOST", "").strip()):
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
