"""What readers tripped over (issue 14), checked in Chromium on the seeded site: the regulation
numbered once, label-value lists and filters styled by the one set of components, status badges
legible in every colour scheme."""

import re

import pytest

from libraries.models import Library
from reader.preferences import SCHEMES
from tests.frontend.test_browser import browser, context, pages, server  # noqa: F401 (fixtures)
from tests.helpers import live_pages

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_database")]


@pytest.fixture(scope="module")
def urls(seeded_database, django_db_blocker):
    """The Russian page of every type by model name, and a library profile, read before the
    browser starts (see test_browser.pages): tests ask for it first."""
    with django_db_blocker.unblock():
        found = {}
        for page in live_pages():
            if page.locale.language_code == "ru":
                found.setdefault(type(page).__name__, page.url)
        library = Library.objects.filter(locale__language_code="ru").order_by("pk").first()
        found["library"] = f"{found['LibraryIndexPage']}{library.slug}/"
        return found


def rgb(value):
    return [int(part) for part in re.findall(r"\d+", value)[:3]]


def contrast(foreground, background):
    def luminance(colour):
        channels = [c / 255 for c in rgb(colour)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_regulation_shows_each_number_once(urls, context):  # noqa: F811
    page = context.new_page()
    page.goto(urls["RegulationPage"])
    items = page.locator(".toc li, ol.clauses > li")
    assert items.count() > 10
    # The number is in the text; a list marker would print it a second time («1. 1.1.»).
    markers = page.evaluate(
        "[...document.querySelectorAll('.toc li, ol.clauses > li')]"
        ".map(li => [getComputedStyle(li).display, getComputedStyle(li).listStyleType])"
    )
    marked = [(display, style) for display, style in markers if display == "list-item" and style != "none"]
    assert not marked, marked
    first = page.locator("ol.clauses > li").first.inner_text()
    assert first.startswith("1.1.") and first.count("1.1.") == 1
    heading = page.locator(".regulation-section h2").first.inner_text()
    assert page.locator(".toc li").first.inner_text() == heading == "1. Общие положения"


def test_label_value_lists_are_the_facts_component(urls, context):  # noqa: F811
    page = context.new_page()
    for name in ("AgreementPage", "library", "NewsPage", "EventPage", "CampaignPage", "RegulationPage"):
        page.goto(urls[name])
        lists = page.evaluate(
            "[...document.querySelectorAll('main dl')].map(dl => [dl.className,"
            " getComputedStyle(dl).display, getComputedStyle(dl.querySelector('dt')).fontWeight,"
            " getComputedStyle(dl.querySelector('dd')).marginLeft])"
        )
        assert lists, name
        for classes, display, weight, indent in lists:
            # Not the browser's default: a two-column grid with bold labels and no indented values.
            assert "facts" in classes.split() and display == "grid", (name, classes)
            assert int(weight) >= 600 and indent == "0px", (name, weight, indent)


def test_every_listing_has_the_one_filter_layout(urls, context):  # noqa: F811
    page = context.new_page()
    layouts = {}
    for name in ("EventIndexPage", "NewsIndexPage", "DocumentIndexPage", "LibraryIndexPage", "CampaignPage"):
        page.goto(urls[name])
        form = page.locator("main form.filters")
        assert form.count() == 1, name
        assert form.locator(".filters__field label").count() == form.locator(".filters__field select").count()
        layouts[name] = page.evaluate(
            "(() => { const f = document.querySelector('main form.filters');"
            " const s = getComputedStyle(f), g = getComputedStyle(f.querySelector('.filters__fields'));"
            " const b = f.querySelector('button[type=submit]');"
            " return [s.backgroundColor, s.padding, g.display, g.gridTemplateColumns.split(' ').length > 0,"
            " b.className]; })()"
        )
    assert len({tuple(layout) for layout in layouts.values()}) == 1, layouts


def test_took_place_badge_is_legible_in_every_scheme(urls, browser, server):  # noqa: F811
    # A reader switches to white on black with the buttons of the version for visually impaired readers.
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})  # noqa: F811
    page = context.new_page()
    page.goto(urls["EventIndexPage"])
    page.get_by_role("link", name="Версия для слабовидящих").click()
    page.get_by_role("button", name="Белым по чёрному").click()
    assert "a11y-scheme-wb" in page.locator("html").get_attribute("class")
    checked = {}
    for scheme in [None, *SCHEMES]:
        if scheme is not None:
            context.add_cookies([{"name": "a11y", "value": f"100.{scheme}.normal.on", "url": server}])
        page.goto(urls["EventIndexPage"])
        badges = page.evaluate(
            "[...document.querySelectorAll('main .badge')].map(b => [b.innerText,"
            " getComputedStyle(b).color, getComputedStyle(b).backgroundColor])"
        )
        assert any(text in ("Состоялось", "Идёт") for text, _fg, _bg in badges), badges
        for text, foreground, background in badges:
            assert text.strip(), (scheme, badges)
            checked[(scheme, text)] = round(contrast(foreground, background), 1)
    context.close()
    assert all(ratio >= 4.5 for ratio in checked.values()), checked
    assert {scheme for scheme, _text in checked} == {None, *SCHEMES}
