"""The Content-Security-Policy in a real Chromium: the counter after consent and Wagtail's admin run
without a single violation (the public pages: tests/frontend/test_browser.py, on its one visit of
every page type)."""

import threading

import pytest

from django.test import override_settings

from tests.frontend.live import visit, watched_page
from tests.frontend.test_browser import browser, context, pages, server, urls  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def test_the_counter_runs_under_its_nonce_after_consent(context, server, pages):  # noqa: F811
    context.add_cookies([{"name": "consent", "value": "all", "url": server}])
    page, console = watched_page(context)
    with override_settings(METRICA_ID="12345"):
        _response, found = visit(page, pages[0], console)
        # The inline loader ran (it defines ym); the tag itself is refused by the test's network guard.
        assert page.evaluate("typeof window.ym") == "function"
    assert not found, found


def in_thread(function):
    """Run ORM code off this thread: Playwright's event loop here makes Django refuse queries."""
    result = []
    worker = threading.Thread(target=lambda: result.append(function()))
    worker.start()
    worker.join()
    return result[0] if result else None


def test_the_admin_works_under_its_policy(browser, server, django_db_blocker):  # noqa: F811
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    def prepare():
        with django_db_blocker.unblock():
            get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "csp-password-1")
            return Page.objects.get(depth=2, locale__language_code="ru").pk

    def clean_up():
        with django_db_blocker.unblock():
            get_user_model().objects.filter(username="csp-admin").delete()

    home_id = in_thread(prepare)
    admin_context = browser.new_context(base_url=server)
    try:
        page, console = watched_page(admin_context)
        page.goto("/admin/login/")
        page.fill("input[name=username]", "csp-admin")
        page.fill("input[name=password]", "csp-password-1")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        problems = {}
        urls = [
            "/admin/",
            f"/admin/pages/{home_id}/edit/",
            "/admin/snippets/libraries/library/",
            "/admin/jobs/",
        ]
        for url in urls:
            response, found = visit(page, url, console)
            assert response.status == 200, url
            if found:
                problems[url] = found
        assert not problems, problems
    finally:
        admin_context.close()
        in_thread(clean_up)
