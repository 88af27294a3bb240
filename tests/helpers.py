"""Small helpers shared by the test modules."""

import contextlib
import os
import re

import pytest

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Page


@contextlib.contextmanager
def rows_for_the_module(django_db_blocker):
    """For a module-scoped fixture: rows its tests share, made once, in a transaction that each
    test's own transaction nests in (as a savepoint) and that is rolled back when the module ends.
    Every test of the module runs on the same database, and none is transactional."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's site root paths may name the rolled-back pages


def live_pages():
    """Every live page below the tree root, in every locale, as its specific type."""
    return Page.objects.live().filter(depth__gt=1).specific().select_related("locale")


# Garbage a browser, a bot or a broken link can put into one query parameter: a very long string,
# a non-number, an unknown choice, a repeated parameter, a NUL byte, a byte that is not UTF-8 and
# markup. Each maps a test id to a query string builder.
GARBAGE = {
    "long": lambda name: f"{name}={'7' * 5000}",
    "not-a-number": lambda name: f"{name}=abc",
    "unknown-choice": lambda name: f"{name}=no-such-choice",
    "negative": lambda name: f"{name}=-1",
    "repeated": lambda name: f"{name}=zzz&{name}=abc",
    "nul": lambda name: f"{name}=1%00",
    "ff-byte": lambda name: f"{name}=%ff",
    "markup": lambda name: f"{name}=%3Cscript%3E",
}


def garbage_cases(*names):
    """pytest parameters (query string, parameter name) for every kind of garbage in every name."""
    return [
        pytest.param(build(name), name, id=f"{name}-{kind}")
        for name in names
        for kind, build in GARBAGE.items()
    ]


def filter_notice(html):
    """The text of a listing's filter notice (components/filter_notice.html), or None."""
    match = re.search(r'<div class="notice" role="status">(.*?)</div>', html, re.S)
    if match is None:
        return None
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match.group(1))).strip()


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def assert_filter_ignored(html, form_class, name, language="ru"):
    # form_class: the listing's ListingFilterSet
    """The page says that the filter ``name`` was not understood, naming it in the page's language."""
    from django.utils import translation

    with translation.override(language):
        label = str(form_class.base_filters[name].label)
        # What both wordings of the notice (core.filters.ListingFilterSet.notices) begin with.
        prefix = os.path.commonprefix(
            [
                translation.gettext("Some filter values were not understood and were ignored: %(filters)s."),
                translation.gettext(
                    "Some filter values were not understood (%(filters)s), so no filter was applied."
                ),
            ]
        )
    notice = filter_notice(html)
    assert notice is not None, "no filter notice"
    assert notice.startswith(prefix) and label in notice, notice


def run_background_jobs(limit=50):
    """Work off the background queue in this process and this test's transaction, as
    ``manage.py db_worker`` does (its loop closes connections, which a test must not)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        result = DBTaskResult.objects.ready().filter(backend_name="background").get_locked()
        if result is None:
            return ran
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    raise AssertionError(f"more than {limit} background tasks queued")


def snippet_url_name(model, action):
    """The admin URL name of a snippet view (``model.snippet_viewset`` exists only once the admin's
    URLs were loaded, which a test run alone may not have done yet)."""
    return f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}"
