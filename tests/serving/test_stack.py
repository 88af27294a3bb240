"""Two gunicorn instances on different ports share PostgreSQL, Redis and S3 (moto's server) and serve
one site; the database is reached through a relay that can refuse or hang, for the fault cases."""

import contextlib
import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from django.conf import settings

from tests.services.lifecycle import running
from tests.services.loopback import DatabaseRelay, Gunicorn, get
from tests.services.s3 import S3_ENV

pytestmark = pytest.mark.stack


def _socket_dir():
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return urllib.parse.unquote(url.netloc.split("@")[-1])


def _upload_media(endpoint, bucket="vmeste-media"):
    """The seeded images the cloned database names, from the run's media folder into the bucket."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=S3_ENV["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_ENV["AWS_SECRET_ACCESS_KEY"],
        region_name=S3_ENV["AWS_S3_REGION_NAME"],
    )
    root = Path(settings.MEDIA_ROOT)
    for path in root.rglob("*"):
        if path.is_file():
            client.upload_file(str(path), bucket, path.relative_to(root).as_posix())


# Run once before the servers start, under their settings: the static files with the hashed names
# their templates ask for, and the editor's account. The servers run cms.settings.production as it
# is; only this collection skips whitenoise's gzip and brotli copies of every file (about 20 s of CPU
# for ~1,000 files that no claim here reads).
PREPARE = """
import django

django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

hashed_only = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": hashed_only}}):
    call_command("collectstatic", interactive=False, verbosity=0)
call_command("ensure_admin")
"""


@pytest.fixture(scope="module")
def stack(seeded_database, redis_url, s3_endpoint, tmp_path_factory):
    """Two gunicorn instances (2 workers each) on a copy of the seeded test database."""
    from tests.conftest import databases

    test_databases = databases()
    name = f"{test_databases.prefix}_stack"  # dropped with the run's databases whatever happens
    test_databases.clone_to("seeded", name)
    with test_databases.admin(name) as clone:
        # The seeded flash mob is over; its form stays open for the shared rate limit test.
        clone.execute("UPDATE movement_campaignpage SET reports_after_end = true")
    _upload_media(s3_endpoint)
    relay = DatabaseRelay(os.path.join(_socket_dir(), ".s.PGSQL.5432"))
    with relay, contextlib.ExitStack() as started:
        env = {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "stack-test-only",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{relay.port}/{name}",
            # Persistent connections: a frozen database must still be cut off.
            "DB_CONN_MAX_AGE": "60",
            "DB_CONNECT_TIMEOUT": "2",
            "DB_STATEMENT_TIMEOUT": "2",
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": f"stack-{uuid.uuid4().hex[:8]}",
            "AWS_STORAGE_BUCKET_NAME": "vmeste-media",
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            # Media are public: readers fetch them straight from the bucket.
            "AWS_DEFAULT_ACL": "public-read",
            **S3_ENV,
            "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_COOKIES": "0",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, no TLS proxy
            "SITE_URL": "http://127.0.0.1:8000",
            "DJANGO_SUPERUSER_USERNAME": "editor",
            "DJANGO_SUPERUSER_EMAIL": "editor@example.org",
            "DJANGO_SUPERUSER_PASSWORD": "stack-password-1",
            "LOG_LEVEL": "ERROR",
        }
        subprocess.run(
            [sys.executable, "-c", PREPARE],
            env={**os.environ, **env},
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=300,
        )
        # Preloaded: each master imports the app once and forks its workers.
        instances = [Gunicorn(env, wait=False, preload=True) for _ in range(2)]
        urls = [started.enter_context(running(instance)) for instance in instances]
        for instance in instances:
            instance.ready()
        yield {"a": urls[0], "b": urls[1], "relay": relay}
    test_databases.drop_database(name)


class Browser:
    """Cookies shared across both instances, as one browser sees one site."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, url, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)

    def login(self, base):
        self.open(base + "/admin/login/")
        status, _h, _b = self.open(
            base + "/admin/login/",
            {
                "username": "editor",
                "password": "stack-password-1",
                "csrfmiddlewaretoken": self.cookie("csrftoken"),
            },
        )
        assert status == 200


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_sessions_are_shared(stack):
    browser = Browser()
    browser.login(stack["a"])
    status, _headers, body = browser.open(stack["b"] + "/admin/")
    assert status == 200 and 'name="username"' not in body


def test_a_publish_through_one_is_seen_at_once_through_the_other(stack):
    url = "/ru/partnerships/regulation/"
    assert get(stack["b"] + url)[0] == 200
    assert get(stack["b"] + url)[1]["X-Page-Cache"] == "hit"
    browser = Browser()
    browser.login(stack["a"])
    page_id = re.search(
        r"/admin/pages/(\d+)/edit/",
        browser.open(stack["a"] + "/admin/pages/search/?" + urllib.parse.urlencode({"q": "Положение"}))[2],
    )
    assert page_id, "the regulation page is found in the admin"
    unpublish = f"{stack['a']}/admin/pages/{page_id.group(1)}/unpublish/"
    status, _h, form = browser.open(unpublish)
    assert status == 200
    browser.open(unpublish, {"csrfmiddlewaretoken": _token(form)})
    assert get(stack["b"] + url)[0] == 404


def _multipart(fields, files):
    boundary = uuid.uuid4().hex
    lines = []
    for name, value in fields.items():
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    body = "\r\n".join(lines).encode() + b"\r\n"
    for name, (filename, content, mime) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        body += head.encode() + f"Content-Type: {mime}\r\n\r\n".encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_media_uploaded_through_one_is_served_by_the_other(stack):
    from io import BytesIO

    from PIL import Image

    picture = BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(picture, "PNG")
    browser = Browser()
    browser.login(stack["a"])
    _s, _h, form = browser.open(stack["a"] + "/admin/images/multiple/add/")
    body, headers = _multipart(
        {"csrfmiddlewaretoken": _token(form), "title": "Баннер", "collection": "1"},
        {"files[]": ("banner.png", picture.getvalue(), "image/png")},
    )
    status, _h, answer = browser.open(
        stack["a"] + "/admin/images/multiple/add/", body, {**headers, "X-Requested-With": "XMLHttpRequest"}
    )
    assert status == 200, answer[:500]
    image_id = re.search(r'"image_id":\s*(\d+)', answer).group(1)
    # The other instance reads the original from S3 to make a rendition, and it is served from S3.
    status, _h, html = browser.open(f"{stack['b']}/admin/images/{image_id}/")
    assert status == 200
    src = re.search(r'<img[^>]+src="([^"]+vmeste-media[^"]+)"', html).group(1)
    status, headers, content = get(src)
    assert status == 200 and headers["Content-Type"].startswith("image/")
    rendition = Image.open(BytesIO(content))
    assert rendition.size[0] <= 800


def test_rate_limits_are_shared(stack):
    url = "/ru/dvizhenie/flashmob-2024/participate/"
    statuses = []
    for attempt in range(6):
        base = stack["a"] if attempt % 2 == 0 else stack["b"]
        browser = Browser()
        _s, _h, page = browser.open(base + "/ru/dvizhenie/flashmob-2024/")
        status, _h, _b = browser.open(base + url, {"csrfmiddlewaretoken": _token(page), "library_name": "x"})
        statuses.append(status)
    assert statuses[:5] == [200] * 5 and statuses[5] == 429, statuses


def test_database_down_or_frozen_gives_cached_pages_or_a_503_and_recovers(stack):
    relay = stack["relay"]
    cached = "/ru/events/"
    for base in (stack["a"], stack["b"]):
        assert get(f"{base}/ru/partnerships/?warm=1")[0] == 200  # a persistent connection is open
        assert get(base + cached)[0] == 200
    try:
        for mode in ("refuse", "hang"):
            relay.set_mode(mode)
            for base in (stack["a"], stack["b"]):
                # The client gives up after 30 s: a worker held by the database fails here.
                status, headers, _body = get(base + cached, timeout=30)
                assert status == 200 and headers["X-Page-Cache"] in ("hit", "stale"), (mode, status)
                status, headers, body = get(f"{base}/ru/never-seen-{mode}/", timeout=30)
                assert status == 503, (mode, status)
                assert int(headers["Retry-After"]) > 0
                assert "private" in headers["Cache-Control"]
                assert "Временно недоступно" in body.decode()
            relay.set_mode("relay")
            # Recovered without a restart.
            for base in (stack["a"], stack["b"]):
                status, _h, body = get(f"{base}/ru/partnerships/?after-{mode}=1", timeout=30)
                assert status == 200, (mode, status, body[:300])
    finally:
        relay.set_mode("relay")
