"""Benchmark: render every live page on a seeded PostgreSQL database and report numbers.

Run with `make bench`. Prints, per page: median and worst render time over N requests, SQL queries,
response size; and the peak Python memory of one full pass. Numbers, not pass/fail: timing checks
do not belong in the test suite, where they would flake.
"""

import os
import statistics
import sys
import time
import tracemalloc

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))


def extra_urls():
    """(url, rounds, clear the cache before each) of the programme exports, API and open data."""
    from events.models import EventPage
    from opendata.models import OpenDataPage

    forum = EventPage.objects.get(slug="ryazan-forum-2024", locale__language_code="ru")
    open_data = OpenDataPage.objects.get(locale__language_code="ru")
    code = forum.get_programme().sessions[0].code
    urls = [
        (forum.url + "schedule/xml/", ROUNDS, False),
        (forum.url + "schedule/json/", ROUNDS, False),
        (forum.url + f"my/?s={code}", ROUNDS, False),
        (forum.url + f"my/calendar/?s={code}", ROUNDS, False),
        (forum.url + "booklet/", 3, True),
        (forum.url + "booklet/", ROUNDS, False),
        ("/api/v2/pages/?type=events.EventPage&fields=programme", ROUNDS, False),
        ("/api/v2/libraries/?limit=100", ROUNDS, False),
        ("/api/v2/agreements/", ROUNDS, False),
        ("/api/schema/", ROUNDS, False),
        ("/ru/api/", ROUNDS, False),
        ("/ru/widget/?region=31", ROUNDS, False),
    ]
    for dataset in ("libraries", "agreements", "documents", "events"):
        urls.append((open_data.url + f"{dataset}/csv/", ROUNDS, False))
    urls.append((open_data.url + "libraries/json/", ROUNDS, False))
    return urls


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from wagtail.models import Page

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_seed_content", verbosity=0)
    seed_seconds = time.perf_counter() - started

    client = Client()
    pages = list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))
    rows = []
    for page in pages:
        url = page.url
        client.get(url)  # warm caches and templates
        timings = []
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        rows.append(
            (
                url,
                response.status_code,
                statistics.median(timings),
                max(timings),
                len(queries),
                len(response.content),
            )
        )
    # Exports, the read API, open data files and the widget: not pages, but read by other systems.
    from django.core.cache import cache

    page_count = len(rows)
    for url, rounds, uncached in extra_urls():
        client.get(url)
        timings = []
        for _ in range(rounds):
            if uncached:
                cache.clear()
            t0 = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        with CaptureQueriesContext(connection) as queries:
            if uncached:
                cache.clear()
            response = client.get(url)
        label = f"{url} (uncached)" if uncached else url
        rows.append(
            (
                label,
                response.status_code,
                statistics.median(timings),
                max(timings),
                len(queries),
                len(response.content),
            )
        )
    # Memory in a separate pass: tracing slows Python down and would distort the timings.
    tracemalloc.start()
    for page in pages:
        client.get(page.url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"seed load on an empty database: {seed_seconds:.2f} s")
    print(f"{'page':60} {'status':>6} {'median ms':>10} {'max ms':>8} {'queries':>8} {'bytes':>8}")
    for url, status, median, worst, nqueries, size in rows:
        print(f"{url[:60]:60} {status:>6} {median:>10.1f} {worst:>8.1f} {nqueries:>8} {size:>8}")
    medians = [row[2] for row in rows[:page_count]]
    print(
        f"pages: {page_count} (then {len(rows) - page_count} exports, API and open data addresses), "
        f"median of the pages' medians: {statistics.median(medians):.1f} ms, "
        f"worst median: {max(medians):.1f} ms, peak traced memory in the pass: {peak / 1e6:.1f} MB"
    )
    return 0 if all(row[1] == 200 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
