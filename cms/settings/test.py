import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Messages are queued as in production; the worker (tests.helpers.run_background_jobs) sends them
# into django.core.mail.outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One directory per test run, shared by its processes: images are written once, with the template
# databases that name them (tests/databases.py). tests/plugin.py creates and removes it.
MEDIA_ROOT = Path(os.environ.get("VMESTE_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="vmeste-test-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
