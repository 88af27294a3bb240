"""Starring sessions of the seeded Ryazan forum in a real Chromium, by clicking: without JavaScript
(forms and a cookie) and with it (in place, localStorage restoring a lost cookie); a copy of the form
on another site is refused."""

from urllib.parse import urlsplit

import icalendar
import pytest

from tests.frontend.live import chromium as launch
from tests.frontend.test_browser import server  # noqa: F401 - fixture

# No django_db mark: the tests never query; the server thread reads the committed seed.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_database")]

FORUM = "/ru/events/ryazan-forum-2024/"
ADD = "☆ В мою программу"
REMOVE = "★ Убрать из моей программы"


@pytest.fixture(scope="module")
def chromium(server):  # noqa: F811
    with launch() as instance:
        yield instance


def new_context(chromium, server, javascript):  # noqa: F811
    # The browser reaches no host but this site (tests/frontend/live.py).
    return chromium.new_context(base_url=server, java_script_enabled=javascript, accept_downloads=True)


def session_titles(page):
    return page.locator("article.session h4.session__title").all_inner_texts()


def count(page):
    return page.locator("[data-my-programme-count]").inner_text()


def test_starring_without_javascript(chromium, server, tmp_path):  # noqa: F811
    context = new_context(chromium, server, javascript=False)
    page = context.new_page()
    page.goto(FORUM)
    sessions = page.locator("article.session")
    first_title = sessions.nth(0).locator(".session__title").inner_text()
    assert count(page) == "0"

    sessions.nth(0).get_by_role("button", name=ADD).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == FORUM and urlsplit(page.url).fragment.startswith("session-")
    assert page.locator("article.session").nth(0).get_by_role("button", name=REMOVE).is_visible()
    assert count(page) == "1"

    page.get_by_role("link", name="Моя программа", exact=True).click()
    assert page.locator("h1").inner_text() == "Моя программа"
    assert session_titles(page) == [first_title]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Скачать календарь (.ics)").click()
    path = tmp_path / "my.ics"
    download_info.value.save_as(path)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == first_title

    page.get_by_role("button", name=REMOVE).click()
    page.wait_for_load_state()
    assert session_titles(page) == []
    assert "Вы ещё не выбрали ни одной сессии" in page.locator("main").inner_text()
    context.close()


def test_a_star_form_sent_from_another_site_is_refused(chromium, server):  # noqa: F811
    """The forms carry no CSRF token; the browser's own headers tell the server where they came from."""
    context = new_context(chromium, server, javascript=False)
    page = context.new_page()
    page.goto(FORUM)
    form = page.locator("form[data-star]").first
    action, code = form.get_attribute("action"), form.locator("input[name=session]").get_attribute("value")
    # A page of another site that copies the form; Playwright answers for that site.
    page.route(
        "http://other.test/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body=f'<form method="post" action="{server}{action}"><input type="hidden" name="session" '
            f'value="{code}"><button name="action" value="add">Add</button></form>',
        ),
    )
    page.goto("http://other.test/")
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Add").click()
    assert sent.value.status == 403
    assert "только со страниц этого сайта" in page.locator("body").inner_text()
    page.goto(FORUM)
    assert count(page) == "0"
    context.close()


def test_starring_with_javascript_keeps_the_choice_in_local_storage(chromium, server):  # noqa: F811
    context = new_context(chromium, server, javascript=True)
    page = context.new_page()
    page.goto(FORUM)
    second = page.locator("article.session").nth(1)
    title = second.locator(".session__title").inner_text()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    second.get_by_role("button", name=ADD).click()
    page.wait_for_function("document.querySelector('[data-my-programme-count]').textContent === '1'")
    assert navigations == []  # toggled in place, no form post
    assert second.get_by_role("button", name=REMOVE).is_visible()
    code = second.locator("input[name=session]").get_attribute("value")
    stored = page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('vmeste:'))")
    assert [value for _key, value in stored] == [code]
    assert any(c["value"] == code for c in context.cookies() if c["name"].startswith("myprogramme-"))

    # The server reads the same choice.
    page.reload()
    assert page.locator("article.session").nth(1).get_by_role("button", name=REMOVE).is_visible()

    # The cookie is gone (cleared, expired): localStorage brings the choice back.
    context.clear_cookies()
    page.reload()
    page.wait_for_function("document.querySelector('[data-my-programme-count]').textContent === '1'")
    assert page.locator("article.session").nth(1).get_by_role("button", name=REMOVE).is_visible()
    page.get_by_role("link", name="Моя программа", exact=True).click()
    page.wait_for_load_state()
    assert session_titles(page) == [title]

    # Unstarring in place.
    page.go_back()
    page.locator("article.session").nth(1).get_by_role("button", name=REMOVE).click()
    page.wait_for_function("document.querySelector('[data-my-programme-count]').textContent === '0'")
    assert page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('vmeste:'))")[0][1] == ""
    context.close()
