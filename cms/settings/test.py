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
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the apps' folders: the suite runs without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Behaviour tests see every page rendered; the page cache's own tests switch it on.
PAGE_CACHE_ENABLED = False
ALLOWED_HOSTS = ["*"]
# No statement deadline for the suite's own database on a loaded machine; the fault tests run
# gunicorn under the production settings, and tests of core.postgres set their own.
DATABASES["default"].pop("RESPONSE_TIMEOUT", None)  # noqa: F405
DATABASES["default"].get("OPTIONS", {}).pop("options", None)  # noqa: F405
# Tests of the rate limit lower it themselves; the rest of the suite is not throttled.
API_THROTTLE_RATE = "100000/minute"
# Imports in the suite span several batches with a hundred rows or so (production: 500 a batch).
LIBRARY_IMPORT_BATCH = 50
