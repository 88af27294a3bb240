"""The embeddable widget: a region's or a library's events and news, framable by any site, themable
by checked query parameters; and the page that makes its code."""

import datetime
import re
from html.parser import HTMLParser

import pytest

from django.utils import timezone

from events.models import EventParticipant
from news.models import NewsPageLibrary
from opendata.models import OpenDataPage
from tests.factories import (
    EventPageFactory,
    LibraryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageRegionFactory,
    RegionFactory,
)
from tests.helpers import GARBAGE

pytestmark = pytest.mark.django_db


class Resources(HTMLParser):
    """Every script, stylesheet, image or frame the widget would load."""

    def __init__(self):
        super().__init__()
        self.loads = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "script"
            or (tag == "link" and attrs.get("rel") == "stylesheet")
            or tag in ("img", "iframe")
        ):
            self.loads.append((tag, attrs))


@pytest.fixture
def region():
    return RegionFactory(name="Виджетская область")


@pytest.fixture
def library(region):
    return LibraryFactory(full_name="Виджетская областная библиотека", slug="widget-library", region=region)


@pytest.fixture
def content(events_index, region, library):
    today = timezone.localdate()
    soon = EventPageFactory(parent=events_index, title="Скорый форум", slug="w-soon", start_date=today)
    EventParticipant.objects.create(page=soon, name=library.full_name, library=library, locale=soon.locale)
    past = EventPageFactory(
        parent=events_index,
        title="Прошедший форум",
        slug="w-past",
        start_date=today - datetime.timedelta(days=30),
    )
    EventParticipant.objects.create(page=past, name=library.full_name, library=library, locale=past.locale)
    EventPageFactory(parent=events_index, title="Чужой форум", slug="w-other", start_date=today)
    index = NewsIndexPageFactory(parent=events_index.get_parent())
    regional = NewsPageFactory(parent=index, title="Новость области")
    NewsPageRegionFactory(page=regional, region=region)
    about_library = NewsPageFactory(parent=index, title="Новость библиотеки")
    NewsPageLibrary.objects.create(page=about_library, library=library)
    NewsPageFactory(parent=index, title="Чужая новость")
    return {"soon": soon}


def titles(html, section):
    part = html.split(f'id="{section}-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', part)


def test_region_widget_shows_its_upcoming_events_and_news_and_may_be_framed(client, region, content):
    response = client.get(f"/ru/widget/?region={region.code}")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles(html, "events") == ["Скорый форум"]
    assert set(titles(html, "news")) == {"Новость области", "Новость библиотеки"}
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    policy = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    # The site's policy is replaced, not added to: any site may frame it, it loads nothing but itself.
    assert policy["frame-ancestors"] == ["*"] and policy["default-src"] == ["'none'"]
    assert "script-src" not in policy
    parser = Resources()
    parser.feed(html)
    assert parser.loads == []  # no scripts, no third-party anything
    # Links leave the frame for the full site, with absolute addresses.
    assert '<base target="_blank">' in html
    assert f'<a href="http://testserver{content["soon"].url}">' in html


def test_only_the_widget_may_be_framed(client, open_data):
    for url in ("/ru/", open_data.url, open_data.url + "widget/", "/api/v2/regions/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url
    widget = client.get("/ru/widget/?limit=0")  # an error page of the widget may be framed too
    assert widget.status_code == 400 and "X-Frame-Options" not in widget
    assert "frame-ancestors *" in widget["Content-Security-Policy"]


def test_library_widget_themed(client, library, content):
    response = client.get(
        "/ru/widget/?library=widget-library&show=news&accent=%23AA0000&background=000000&text=ffffff"
        "&font=serif&size=large&heading=hide&limit=1"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "--accent: #aa0000; --background: #000000; --text: #ffffff;" in html
    assert "font: 18px/1.4 Georgia" in html
    assert "<h1>" not in html and 'id="events-heading"' not in html
    # News of this library only, the newest one.
    assert titles(html, "news") == ["Новость библиотеки"]


@pytest.mark.parametrize(
    "query",
    [
        "accent=red",
        "accent=%22%3E%3Cscript%3E",
        "background=ffffff;}body{display:none",
        "text=12345",
        "font=comic",
        "size=huge",
        "limit=0",
        "limit=11",
        "limit=abc",
        "show=all",
        "region=31&library=bgunb",
        "region=no-such-region",
        "library=%3Cscript%3E",
    ],
)
def test_bad_parameters_get_a_400_with_a_message_and_no_injected_style(client, query):
    response = client.get(f"/ru/widget/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Адрес виджета содержит ошибки" in html
    assert "<script>" not in html and "display:none" not in html
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_unknown_library_is_a_404_with_a_message(client):
    response = client.get("/ru/widget/?library=no-such-library")
    assert response.status_code == 404
    assert "нет библиотеки" in response.content.decode()


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_garbage_never_breaks_the_widget(client, kind):
    for name in ("region", "library", "accent", "limit", "show", "font", "unknown"):
        response = client.get(f"/ru/widget/?{GARBAGE[kind](name)}")
        assert response.status_code in (200, 400, 404), (name, kind)


def test_whole_network_widget_in_three_languages(client, seeded):
    for code, heading in (("ru", "Вместе сильнее"), ("en", "Together Stronger"), ("be", "Разам мацней")):
        html = client.get(f"/{code}/widget/").content.decode()
        assert f"<h1>{heading}</h1>" in html


def test_builder_makes_the_iframe_code(client, seeded, region):
    page = OpenDataPage.objects.get(locale__language_code="ru")
    html = client.get(page.url + "widget/").content.decode()
    assert "<form" in html and "<iframe" not in html
    # The form starts from the widget's defaults.
    assert '<option value="medium" selected>' in html and 'value="#0b4f8a"' in html
    html = client.get(page.url + "widget/?region=31&accent=%23aa0000&show=events&limit=3").content.decode()
    code = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1)
    src = re.search(r'src="([^"]+)"', code.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'))
    url = src.group(1).replace("&amp;", "&")
    assert url.startswith("http://testserver/ru/widget/?region=31&")
    assert "accent=aa0000" in url and "show=events" in url and "limit=3" in url
    assert "size=" not in url and "font=" not in url  # defaults are left out of the address
    # The code works: the widget it names answers.
    assert client.get(url.replace("http://testserver", "")).status_code == 200
    assert '<iframe src="http://testserver/ru/widget/?region=31' in html
