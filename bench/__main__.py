"""`make bench`: the production stack measured against the ceiling of its own stack.

Run inside a throw-away PostgreSQL cluster (the Makefile wraps it in ``tests.services``). Starts
Debian's redis-server, migrates, seeds and collects static files, then:

* SQL queries of every live page on a page-cache miss in a warm process (fragments warm);
* gunicorn with 2 sync workers under production settings at seed size (the size of the figures
  issue 13 started from): with the page cache (Redis), on a page-cache miss (fragments warm) and
  with no cache at all, beside the bare Django ``HttpResponse("ok")`` app served the same way;
  then the misses again with the large data set. wrk (bounded: BENCH_SECONDS per URL,
  BENCH_CONNECTIONS connections, loopback only) gives req/s and p99. It sends the Accept-Encoding
  of every current browser (ACCEPT_ENCODING), to the bare app as to the portal: kept copies are
  answered gzipped, as readers get them.

Numbers, not pass/fail: timing checks do not belong in the test suite.
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import quote

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
# The large data set of issue 13, added on top of the seed before the load runs.
LARGE = {"libraries": 10_000, "news": 2_000, "events": 500, "agreements": 100, "reports": 1_000}
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
ACCEPT_ENCODING = "gzip, deflate, br, zstd"  # what Chromium and Firefox send


def wrk(url):
    """(req/s, p99 ms) of a bounded wrk run against a loopback URL."""
    assert url.startswith("http://127.0.0.1:"), url
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency"]
        + ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url],
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)  # answers slower than 10 s count as errors
    return rps, p99, sum(int(found.group(1)) for found in (errors, timeouts) if found)


def data_urls():
    """The programme's exports, the read API, open data files and the widget of the seeded site."""
    from events.models import EventPage
    from opendata.models import OpenDataPage

    forum = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code="ru")
    open_data = OpenDataPage.objects.get(locale__language_code="ru")
    code = forum.get_programme().sessions[0].code
    urls = [
        forum.url + "schedule/xml/",
        forum.url + "schedule/json/",
        forum.url + f"my/?s={code}",
        forum.url + f"my/calendar/?s={code}",
        forum.url + "booklet/",
        "/api/v2/pages/?type=events.EventPage&fields=programme",
        "/api/v2/libraries/?limit=100",
        "/api/v2/agreements/",
        "/api/schema/",
        "/ru/widget/?region=31",
    ]
    urls += [
        open_data.url + f"{dataset}/csv/" for dataset in ("libraries", "agreements", "documents", "events")
    ]
    return urls + [open_data.url + "libraries/json/"]


def query_counts(urls):
    """Queries of each URL on a page-cache miss, the frame's fragments warm (in this process)."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = True
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for url in urls:
        client.get(
            url + ("&" if "?" in url else "?") + "warm=1"
        )  # warms the process and the fragments, not this URL's page
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[url] = (response.status_code, len(queries))
    cache.clear()
    return counts


def load(urls, modes, label=""):
    """wrk against the bare app, then each URL: "cached" (page cache on), "miss" (fragments cached,
    every page rendered: a page-cache miss in a warm process), "no cache" (cache and fragments off)."""
    from tests.services.lifecycle import running
    from tests.services.loopback import Gunicorn, get

    rows = []
    if not label:
        with running(Gunicorn({}, app="bench.bare:application")) as bare:
            rows.append(("bare HttpResponse('ok')", *wrk(bare + "/")))
    servers = {
        "cached": {"PAGE_CACHE": "1"},
        "miss": {"PAGE_CACHE": "1", "PAGE_CACHE_PAGES": "0"},
        "no cache": {"PAGE_CACHE": "0"},
    }
    with contextlib.ExitStack() as stack:
        bases = {mode: stack.enter_context(running(Gunicorn(servers[mode]))) for mode in modes}
        for url in urls:
            for mode, base in bases.items():
                get(base + url, timeout=120)  # warms the worker and the fragments
                rows.append((f"{label}{mode:8} {url}", *wrk(base + url)))
    return rows


def main():
    from tests.services.lifecycle import running
    from tests.services.redis import Redis

    static_root = tempfile.mkdtemp(prefix="vmeste-bench-static-")
    media_root = tempfile.mkdtemp(prefix="vmeste-bench-media-")
    try:
        with running(Redis()) as redis_url:
            env = {
                "DJANGO_SETTINGS_MODULE": "cms.settings.production",
                "SECRET_KEY": "bench-only",
                "REDIS_URL": redis_url,
                "STATIC_ROOT": static_root,
                "MEDIA_ROOT": media_root,
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_COOKIES": "0",
                "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, no TLS proxy
                "SITE_URL": "http://127.0.0.1:8000",
                "LOG_LEVEL": "ERROR",
                # All the load comes from one address: at the production rate (120/minute a client)
                # the API would answer 429 after the first seconds. The throttle still runs.
                "API_THROTTLE_RATE": "10000000/minute",
            }
            os.environ.update(env)
            import django

            django.setup()
            from django.core.management import call_command

            from wagtail.models import Page

            call_command("migrate", verbosity=0)
            call_command("load_seed_content", verbosity=0)
            call_command("collectstatic", verbosity=0, interactive=False)
            urls = [page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path")]
            urls += ["/sitemap.xml", "/ru/search/?q=библиотека", "/robots.txt"]
            exports = data_urls()
            urls += exports
            from django.db import connection

            counts = query_counts(urls)
            connection.close()

            sample = [
                "/ru/",
                "/ru/news/",
                "/en/news/amur-belarus-libraries-agreement/",
                "/ru/events/ryazan-forum-2024/",
                "/ru/dvizhenie/flashmob-2024/",
                "/ru/partnerships/libraries/",
                "/ru/partnerships/libraries/amur-ounb/",
                "/ru/official-documents/",
                "/ru/search/?q=" + quote("библиотека"),
                "/sitemap.xml",
            ]
            # The load at seed size, the size today's figures of issue 13 were measured at ...
            rows = load(sample + exports, modes=("cached", "miss", "no cache"))

            from tests.factories.bulk import many_rows

            print(f"\nAdding {LARGE} rows ...", flush=True)
            large_urls = many_rows(**LARGE)
            large_counts = query_counts(urls + [url for url in large_urls.values() if url not in urls])
            connection.close()

            print(f"\nQueries per page on a page-cache miss (fragments warm); seed, then with {LARGE}:")
            for url, (status, count) in large_counts.items():
                seed = counts.get(url)
                seed_column = f"{seed[1]:4}  {seed[0]}" if seed else "   -     "
                print(f"  {seed_column}  {count:4}  {status}  {url}")
            for name, table in (("seed", counts), ("large", large_counts)):
                values = [c for _s, c in table.values()]
                over = sum(1 for c in values if c > 10)
                print(f"  {name}: {len(values)} URLs, max {max(values)} queries, pages over 10: {over}")

            # ... and the page-cache misses again with the large data set.
            large_rows = load(sample, modes=("miss",), label="large ")
            bare_rps = rows[0][1]
            print(
                f"\ngunicorn, 2 sync workers, production settings, Redis; wrk {SECONDS} s x {CONNECTIONS} "
                "connections per URL:"
            )
            print(f"  {'what':66} {'req/s':>9} {'p99 ms':>8} {'of bare':>8} {'errors':>7}")
            for name, rps, p99, errors in rows + large_rows:
                print(f"  {name[:66]:66} {rps:>9.0f} {p99:>8.1f} {rps / bare_rps:>8.1%} {errors:>7}")
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(media_root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
