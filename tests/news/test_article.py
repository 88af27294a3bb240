import json
import re
from html import escape, unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from django.utils import translation

from wagtail.models import Locale

from libraries.models import Library
from news.models import NewsIndexPage, NewsPage, Topic

pytestmark = pytest.mark.usefixtures("seeded")

SLUG = "amur-belarus-libraries-agreement"


def article(code):
    return NewsPage.objects.get(locale__language_code=code, slug=SLUG)


def test_seeded_article_keeps_every_fact_in_fields():
    page = article("ru")
    assert page.title == "Библиотеки Приамурья и Белоруссии займутся сохранением книжных памятников"
    assert page.introduction == "Стороны подписали соглашение о сотрудничестве"
    assert page.publication_date.isoformat() == "2024-10-25T14:54:00+00:00"
    # The source's photo is not shipped: no placeholder image, and no credit for a photo not shown.
    assert page.main_image is None
    assert page.main_image_credit == page.main_image_alt == ""
    assert page.source_name == "пресс-служба правительства Приамурья"
    quotes = [block.value for block in page.body if block.block_type == "quote"]
    assert [(quote["speaker"], quote["role"]) for quote in quotes] == [
        ("Вадим Гигин", "генеральный директор Национальной библиотеки Белоруссии"),
        ("Надежда Доргунова", "министр культуры и национальной политики Амурской области"),
    ]
    assert quotes[0]["quote"].endswith("это уже определенный план совместной работы")
    paragraphs = " ".join(block.value.source for block in page.body if block.block_type == "paragraph")
    # Reported speech in the source stays a paragraph.
    assert "Татьяна Лобовкина отметила, что взаимодействие с белорусскими партнерами" in paragraphs
    assert "в ноябре этого года организовать визит руководителей учреждений культуры" in paragraphs
    assert {link.topic.slug for link in page.topic_links.all()} == {
        "international-cooperation",
        "book-heritage",
    }
    assert [link.country.code for link in page.country_links.all()] == ["RU", "BY"]
    assert [link.region.code for link in page.region_links.all()] == ["28"]
    assert [link.library.slug for link in page.library_links.all()] == ["amur-ounb", "nlb"]
    assert page.related_agreement.specific_class.__name__ == "AgreementPage"
    assert page.related_agreement.slug == "amur-nlb-2024"


def test_article_is_translated_into_english_and_belarusian():
    source = article("ru")
    for code, lead in (
        ("en", "The parties signed a cooperation agreement"),
        ("be", "Бакі падпісалі пагадненне аб супрацоўніцтве"),
    ):
        page = article(code)
        assert page.translation_key == source.translation_key
        assert page.live
        assert page.introduction == lead
        assert page.main_image_credit == ""
        assert page.publication_date == source.publication_date
        assert page.main_image_id is None
        speakers = [block.value["speaker"] for block in page.body if block.block_type == "quote"]
        assert (
            speakers
            == {"en": ["Vadim Gigin", "Nadezhda Dorgunova"], "be": ["Вадзім Гігін", "Надзея Доргунова"]}[code]
        )
        # Links are synchronised and shown in the reader's language.
        with translation.override(code):
            assert {topic.locale.language_code for topic in page.get_topics()} == {code}
            assert {library.locale.language_code for library in page.get_libraries()} == {code}
    assert Topic.objects.filter(slug="book-heritage").count() == 3


def test_article_page_has_open_graph_json_ld_and_share_links(client):
    page = article("en")
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    og = dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)">', head))
    assert og["og:type"] == "article"
    assert og["og:title"] == "Libraries of the Amur Region and Belarus to preserve book heritage together"
    assert og["og:description"] == "The parties signed a cooperation agreement"
    assert og["og:url"] == page.full_url
    # No photo of its own: the site's default sharing image, and none claimed in the JSON-LD.
    assert og["og:image"] == "http://testserver/static/img/og-default.png"
    assert 'content="2024-10-25T17:54:00+03:00"' in head  # article:published_time
    assert '<meta property="article:tag" content="Book heritage">' in head
    assert len(re.findall(r'<meta property="og:title"', head)) == 1
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.title
    assert data["datePublished"] == "2024-10-25T17:54:00+03:00"
    assert "image" not in data
    assert data["sourceOrganization"]["name"] == "press service of the Amur Region government"
    assert data["inLanguage"] == "en"

    body = html.split("</head>")[1]
    assert "<script" not in body.split('class="share-links"')[1].split("</nav>")[0]
    shares = {
        urlsplit(unescape(href)).netloc: parse_qs(urlsplit(unescape(href)).query)
        for href in re.findall(r'<a href="(https://(?:vk\.com|t\.me|connect\.ok\.ru)/[^"]+)"', body)
    }
    assert set(shares) == {"vk.com", "t.me", "connect.ok.ru"}
    assert all(query["url"] == [page.full_url] for query in shares.values())


def test_article_shows_source_quotes_and_links_and_no_photo_credit(client):
    page = article("ru")
    html = client.get(page.url).content.decode()
    assert "благовещенск.рф" not in html and "figure__credit" not in html
    assert "пресс-служба правительства Приамурья" in html
    assert '<span class="quote__speaker">Надежда Доргунова</span>' in html
    assert "25 октября 2024" in html
    assert "Амурская область" in html
    nlb = Library.objects.get(slug="nlb", locale__language_code="ru")
    assert re.search(rf'<a href="[^"]*/nlb/">{re.escape(nlb.full_name)}</a>', html)  # its profile
    index = NewsIndexPage.objects.get(locale__language_code="ru")
    assert f'href="{index.url}?topic=book-heritage"' in html
    agreement = page.related_agreement
    assert f'<a href="{agreement.url}">{escape(agreement.title)}</a>' in html
    english_agreement = agreement.get_translation(Locale.objects.get(language_code="en"))
    english = client.get(article("en").url).content.decode()
    assert f'<a href="{english_agreement.url}">{escape(english_agreement.title)}</a>' in english
