"""The public site in a real headless Chromium: axe-core on every page type, the visually impaired
version without JavaScript, keyboard focus, 320 px layouts, no request to any other host, screenshots
of every page type, and the points readers tripped over in issue 14."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.test import override_settings

from libraries.models import Library
from reader.preferences import SCHEMES
from tests.frontend.live import chromium, live_server, visit, watched_page
from tests.helpers import live_pages

# No django_db mark: the tests themselves never query; the server thread reads the committed seed.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded_database")]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def server(seeded_database, django_db_blocker):
    """The app on a loopback port, reading the session's seeded database.

    pytest-django's live_server would make these tests transactional and flush the database
    afterwards; the browser only reads, so a plain server thread over the committed seed suffices.
    """
    with django_db_blocker.unblock(), live_server() as url:
        yield url


@pytest.fixture(scope="module")
def pages(seeded_database, django_db_blocker):
    """URLs to visit, read before the browser starts: Playwright runs an event loop in this thread,
    and a query under it would open a second connection outside the test's transaction."""
    with django_db_blocker.unblock():
        return sample_pages()


@pytest.fixture(scope="module")
def browser(server, pages, urls):
    """One Chromium for the module; it closes before the server stops."""
    with chromium() as instance:
        yield instance


def new_visitor(browser, server, width):
    """A fresh visitor: every request is recorded in ``context.requests``, and the browser reaches
    no host but the test server (tests/frontend/live.py)."""
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 900})
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    return context


@pytest.fixture
def context(browser, server):
    context = new_visitor(browser, server, width=1280)
    yield context
    context.close()


@pytest.fixture(scope="module")
def axe():
    """axe-core's source, as the axe-playwright-python package ships it."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def foreign_requests(requests, server):
    host = urlsplit(server).netloc
    return [url for url in requests if urlsplit(url).netloc not in ("", host)]


def sample_pages():
    """One live page of every page type in Russian, and every language's home page."""
    chosen = {}
    for page in live_pages():
        code = page.locale.language_code
        if code == "ru":
            chosen.setdefault(type(page), page)
        if page.depth == 2:
            chosen[(type(page), code)] = page
    return sorted({page.url for page in chosen.values()})


def violations(page):
    """axe-core's violations on the page; only they come back from the browser, and only the first
    three elements of each, as HTML (the passes and the rest would cost as much to serialise as the
    run; CSS selectors for every checked element cost Chromium a tenth of this module's CPU)."""
    return [
        f"{rule_id}: {help_text} — {elements}"
        for rule_id, help_text, elements in page.evaluate(
            """options => axe.run(document, options).then(results => results.violations.map(rule =>
                [rule.id, rule.help, rule.nodes.slice(0, 3).map(node => node.html.slice(0, 200))]))""",
            {
                "runOnly": {"type": "tag", "values": AXE_TAGS},
                "resultTypes": ["violations"],
                "selectors": False,
            },
        )
    ]


def test_axe_names_the_element_of_a_violation(context, axe):
    context.add_init_script(axe)
    page = context.new_page()
    page.set_content('<html lang="ru"><title>Проверка</title><main><img src="data:,"></main></html>')
    assert any(found.startswith("image-alt:") and '<img src="data:,">' in found for found in violations(page))


def has_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture(scope="module")
def tour(browser, axe, server, pages):
    """A new reader opens one page of every type once; what each check needs is gathered on that
    visit, and the tests below each assert their part.

    - At 1366 px: the Content-Security-Policy header and violations, axe-core, a screenshot.
    - At 360 px (the same load: the public pages are laid out by CSS alone, no script of theirs
      reads the width): the title on the first screen above the cookie notice, two screenshots.
    - At 320 px: no horizontal scrolling.
    - All along, with the counter configured and no consent given: every request the browser made.
    Screenshots go to screenshots/<page>-<width>.jpg for reviewers.
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    found = {"axe": {}, "csp": {}, "no_policy": [], "scroll": [], "hidden_titles": {}, "screenshots": []}

    def shoot(page, name, **options):
        # JPEG: a long page costs the browser about 40 % less than PNG, and it reads as well.
        found["screenshots"].append(SCREENSHOTS / f"{name}.jpg")
        page.screenshot(path=found["screenshots"][-1], type="jpeg", quality=90, **options)

    context = new_visitor(browser, server, width=1366)
    context.add_init_script(axe)  # in every document, before it is checked
    page, console = watched_page(context)
    urls = pages + ["/ru/search/?q=библиотека", "/en/search/?q=library&type=library", "/ru/no-such-page/"]
    with override_settings(METRICA_ID="12345678"):  # the server thread reads this process's settings
        for url in urls:
            stem = url.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "root"
            page.set_viewport_size({"width": 1366, "height": 900})
            response, violated = visit(page, url, console)
            if "content-security-policy" not in response.headers:
                found["no_policy"].append(url)
            if violated:
                found["csp"][url] = violated
            if problems := violations(page):
                found["axe"][url] = problems
            shoot(page, f"{stem}-1366", full_page=True)
            page.set_viewport_size({"width": 360, "height": 640})
            title = page.locator("h1").first.bounding_box()
            notice = page.locator(".cookie-notice").bounding_box()
            if not (title and notice and title["y"] + title["height"] <= notice["y"] and title["y"] >= 0):
                found["hidden_titles"][url] = (title, notice)
            shoot(page, f"{stem}-360-first-screen")
            shoot(page, f"{stem}-360", full_page=True)
            page.set_viewport_size({"width": 320, "height": 640})
            if has_horizontal_scroll(page):
                found["scroll"].append(url)
    context.close()
    found["urls"] = urls
    found["foreign"] = foreign_requests(context.requests, server)
    return found


def test_every_page_type_passes_axe(tour):
    assert len(tour["urls"]) >= 4
    assert not tour["axe"], tour["axe"]


def test_every_page_type_fits_320px(tour):
    assert not tour["scroll"], tour["scroll"]


def test_public_pages_have_a_policy_and_no_violations(tour):
    assert not tour["no_policy"], tour["no_policy"]
    assert not tour["csp"], tour["csp"]


def test_screenshots_of_every_page_type_and_title_on_the_first_phone_screen(tour, pages):
    """On a 360×640 phone the page's title is on the first screen, above the cookie notice."""
    assert not tour["hidden_titles"], tour["hidden_titles"]
    written = tour["screenshots"]
    assert all(path.stat().st_size for path in written)
    assert len(written) == 3 * len(tour["urls"]) and len(written) >= 3 * len(pages)


def test_no_third_party_requests_before_consent_and_counter_after(tour, context, server, settings):
    assert not tour["foreign"], tour["foreign"]  # every page type, the counter configured
    settings.METRICA_ID = "12345678"
    page = context.new_page()
    page.goto("/ru/")
    assert not foreign_requests(context.requests, server)
    # What the counter does is one click away: the notice's line opens the 152-FZ text.
    law = page.get_by_text("152-ФЗ")
    assert not law.is_visible()
    page.get_by_text("С вашего согласия Яндекс Метрика считает посещения").click()
    assert law.is_visible()
    page.get_by_role("button", name="Принять все").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("region", name="Файлы cookie и персональные данные").count() == 0
    after = foreign_requests(context.requests, server)
    assert [url for url in after if urlsplit(url).hostname == "mc.yandex.ru"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_visually_impaired_schemes_pass_axe_at_200_percent(context, axe, server, pages, scheme):
    context.add_cookies([{"name": "a11y", "value": f"200.{scheme}.wider.off", "url": server}])
    context.add_init_script(axe)
    page = context.new_page()
    problems = {}
    for url in pages[:3] + ["/ru/search/?q=библиотека"]:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        found = violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        if has_horizontal_scroll(page):
            found.append("horizontal scrolling at 320 px and 200 %")
        if found:
            problems[url] = found
    assert not problems, problems


def test_switch_works_without_javascript_and_persists(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/ru/")
    page.get_by_role("link", name="Версия для слабовидящих").click()
    assert page.url == f"{server}/ru/"
    assert "a11y-size-150" in page.locator("html").get_attribute("class")

    page.get_by_role("button", name="200%").click()
    page.get_by_role("button", name="Белым по чёрному").click()
    page.get_by_role("button", name="Большой").click()
    page.get_by_role("button", name="Скрыть изображения").click()
    classes = page.locator("html").get_attribute("class").split()
    assert {"a11y-size-200", "a11y-scheme-wb", "a11y-spacing-wider", "a11y-images-off"} <= set(classes)
    assert page.get_by_role("button", name="200%").get_attribute("aria-pressed") == "true"
    context.close()

    # A later visit in the same browser profile keeps the settings; computed styles follow them.
    context = browser.new_context(base_url=server)
    context.add_cookies([{"name": "a11y", "value": "200.wb.wider.off", "url": server}])
    page = context.new_page()
    page.goto("/en/")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.body);"
        " return [getComputedStyle(document.documentElement).fontSize, s.backgroundColor, s.color,"
        " s.letterSpacing]; })()"
    )
    assert style[0] == "32px"
    assert style[1] == "rgb(0, 0, 0)" and style[2] == "rgb(255, 255, 255)"
    assert style[3] != "normal"
    page.get_by_role("link", name="Standard version").click()
    assert page.locator("html").get_attribute("class") is None
    context.close()


def test_keyboard_reaches_skip_link_with_visible_focus(context):
    page = context.new_page()
    page.goto("/ru/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " const r = e.getBoundingClientRect();"
        " return [e.className, s.outlineStyle, s.outlineWidth, r.left >= 0 && r.top >= 0]; })()"
    )
    assert focused[0] == "skip-link"
    assert focused[1] != "none" and focused[2] != "0px"
    assert focused[3], "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Every stop of the header and the consent notice shows a focus outline.
    page.goto("/ru/search/?q=библиотека")
    stops = 0
    for _ in range(25):
        page.keyboard.press("Tab")
        element = page.evaluate(
            "(() => { const e = document.activeElement; if (e === document.body) return null;"
            " return [e.outerHTML.slice(0, 120), getComputedStyle(e).outlineStyle]; })()"
        )
        if element is None:
            break
        stops += 1
        assert element[1] != "none", element[0]
    assert stops >= 10


# What readers tripped over (issue 14): the regulation numbered once, label-value lists and filters
# styled by the one set of components, status badges legible in every colour scheme.


@pytest.fixture(scope="module")
def urls(seeded_database, django_db_blocker):
    """The Russian page of every type by model name, and a library profile, read before the
    browser starts (see pages)."""
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


def test_regulation_shows_each_number_once(urls, context):
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


def test_label_value_lists_are_the_facts_component(urls, context):
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


def test_every_listing_has_the_one_filter_layout(urls, context):
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


def test_took_place_badge_is_legible_in_every_scheme(urls, browser, server):
    # A reader switches to white on black with the buttons of the version for visually impaired readers.
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
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
