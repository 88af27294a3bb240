"""The one pagination component: numbered, elided, accessible, and keeping the listing's filters."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from documents.models import DocumentIndexPage, OfficialDocument
from partnerships.models import directory
from tests.factories import OfficialDocumentFactory

pytestmark = pytest.mark.usefixtures("seeded")

OLD = datetime.date(2001, 5, 1)  # a year of its own: the seed has no documents then


def pagination(response):
    assert response.status_code == 200
    navs = BeautifulSoup(response.content, "html.parser").select("nav.pagination")
    assert len(navs) == 1
    return navs[0]


def params(link):
    return {key: values[0] for key, values in parse_qs(urlsplit(link["href"]).query).items()}


def test_document_registry_pages_keep_the_filter(client, monkeypatch):
    monkeypatch.setattr(DocumentIndexPage, "per_page", 1)
    for n in range(15):
        OfficialDocumentFactory(title=f"Приказ {n}", kind=OfficialDocument.Kind.ORDER, date=OLD)
    OfficialDocumentFactory(title="Письмо вне фильтра", kind=OfficialDocument.Kind.LETTER, date=OLD)
    registry = DocumentIndexPage.objects.get(locale__language_code="ru")

    nav = pagination(client.get(registry.url, {"kind": "order", "year": "2001", "page": "8"}))

    assert nav["aria-label"] == "Страницы"
    current = nav.select('[aria-current="page"]')
    assert [element.get_text() for element in current] == ["8"]
    assert current[0].name == "span"
    # 15 pages seen from page 8: the ends, two on each side, and a gap on both sides.
    items = [li.get_text(strip=True) for li in nav.select("li")]
    assert items == ["Предыдущая", "1", "…", "6", "7", "8", "9", "10", "…", "15", "Следующая"]
    links = nav.select("a[href]")
    assert all(params(link)["kind"] == "order" and params(link)["year"] == "2001" for link in links)
    assert params(nav.select_one('a[rel="prev"]'))["page"] == "7"
    assert params(nav.select_one('a[rel="next"]'))["page"] == "9"
    assert [params(link)["page"] for link in links if not link.get("rel")] == ["1", "6", "7", "9", "10", "15"]


def test_first_and_last_pages_have_one_direction(client, monkeypatch):
    monkeypatch.setattr(DocumentIndexPage, "per_page", 2)
    for n in range(3):
        OfficialDocumentFactory(title=f"Приказ {n}", kind=OfficialDocument.Kind.ORDER, date=OLD)
    url = DocumentIndexPage.objects.get(locale__language_code="ru").url
    first = pagination(client.get(url, {"year": "2001"}))
    assert first.select_one('a[rel="prev"]') is None
    assert first.select_one('[aria-current="page"]').get_text() == "1"
    last = pagination(client.get(url, {"year": "2001", "page": "2"}))
    assert last.select_one('a[rel="next"]') is None
    assert [li.get_text(strip=True) for li in last.select("li")] == ["Предыдущая", "1", "2"]
    # One page of results: no pagination at all.
    monkeypatch.setattr(DocumentIndexPage, "per_page", 1000)
    single = client.get(url, {"year": "2001"})
    assert not BeautifulSoup(single.content, "html.parser").select("nav.pagination")


def test_library_directory_keeps_the_other_parameters(client, monkeypatch):
    monkeypatch.setattr(directory, "PAGE_SIZE", 2)
    query = {"kind": "regional", "region": "", "page": "2"}
    nav = pagination(client.get("/en/partnerships/libraries/", query))
    assert nav["aria-label"] == "Pages"
    assert nav.select_one('[aria-current="page"]').get_text() == "2"
    for link in nav.select("a[href]"):
        query = parse_qs(urlsplit(link["href"]).query, keep_blank_values=True)
        assert query["kind"] == ["regional"] and query["region"] == [""]
        assert len(query["page"]) == 1
