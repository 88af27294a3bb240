import datetime
import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from documents.forms import DocumentFilterSet
from documents.models import DocumentIndexPage, OfficialDocument, OfficialDocumentAttachment
from home.models import HomePage
from tests.factories import OfficialDocumentFactory
from tests.helpers import assert_filter_ignored, garbage_cases, main

pytestmark = pytest.mark.usefixtures("seeded")


def registry(code="ru"):
    return DocumentIndexPage.objects.get(locale__language_code=code)


@pytest.fixture
def letters():
    older = OfficialDocumentFactory(
        title="О ежегодном совещании",
        number="606-01.1-39@-НП",
        date=datetime.date(2023, 10, 10),
        sender="Министерство культуры Российской Федерации",
        status=OfficialDocument.Status.NOT_IN_FORCE,
        slug="test-minculture",
    )
    newer = OfficialDocumentFactory(
        title="О проведении флешмоба",
        number="01-16/124",
        date=datetime.date(2024, 6, 3),
        addressees="Директорам государственных библиотек\nсубъектов РФ",
        slug="test-bgunb",
    )
    order = OfficialDocumentFactory(
        kind=OfficialDocument.Kind.ORDER, title="Приказ о рабочей группе", date=datetime.date(2024, 2, 1)
    )
    return older, newer, order


def test_registry_lists_documents_of_its_language_only(client, letters):
    english = OfficialDocumentFactory(
        locale=Locale.objects.get(language_code="en"), title="An English-only letter", slug="english-only"
    )
    html = client.get(registry("ru").url).content.decode()
    for document in letters:
        assert document.title in html
    assert english.title not in html
    assert "10 октября 2023" in html  # dates follow the language
    html = client.get(registry("en").url).content.decode()
    assert english.title in html and letters[0].title not in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("?kind=order", ["Приказ о рабочей группе"], ["О проведении флешмоба"]),
        ("?year=2023", ["О ежегодном совещании"], ["О проведении флешмоба", "Приказ о рабочей группе"]),
        (
            "?sender=Министерство+культуры+Российской+Федерации",
            ["О ежегодном совещании"],
            ["О проведении флешмоба"],
        ),
        ("?status=not_in_force", ["О ежегодном совещании"], ["О проведении флешмоба"]),
        ("?kind=letter&year=2024&status=in_force", ["О проведении флешмоба"], ["О ежегодном совещании"]),
    ],
)
def test_registry_filters(client, letters, query, shown, hidden):
    html = client.get(registry().url + query).content.decode()
    for title in shown:
        assert title in html
    for title in hidden:
        assert title not in html


@pytest.mark.parametrize(
    "query",
    [
        "?kind=<b>",
        "?year=abc",
        "?year=99999999999999999999",
        "?sender=%00",
        "?status=1",
        "?page=x",
        "?page=-1",
    ],
)
def test_registry_garbage_filters_give_a_clean_page(client, letters, query):
    response = client.get(registry().url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Официальные документы</h1>" in html
    assert "Некоторые значения фильтров не распознаны" in html or query.startswith("?page")
    # Invalid filters are ignored: every document is still listed.
    assert all(document.title in html for document in letters)


def test_document_detail(client, letters):
    _, letter, _ = letters
    image = wagtail_factories.ImageFactory(title="Баннер")
    file = wagtail_factories.DocumentFactory(title="Баннер (PDF)")
    OfficialDocumentAttachment.objects.create(
        official_document=letter,
        title="Баннер для флешмоба #Вместе_сильнее",
        pages="на 1 стр. в 1 экз.",
        document=file,
        image=image,
    )
    url = letter.get_url()
    assert url == registry().url + "test-bgunb/"
    html = client.get(url).content.decode()
    assert "<h1>О проведении флешмоба</h1>" in html
    assert "3 июня 2024" in html
    assert "№ 01-16/124" in html
    assert "Белгородская государственная универсальная научная библиотека" in html
    assert "директор библиотеки, Н.П. Рожкова" in html
    assert "<li>Директорам государственных библиотек</li>" in html
    assert "Уважаемые коллеги!" in html
    assert "Действует" in html
    assert "Баннер для флешмоба #Вместе_сильнее" in html
    assert f'href="{file.url}"' in html
    # One canonical link, the document's own address.
    assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [registry().full_url + "test-bgunb/"]
    assert client.get(registry().url + "no-such-document/").status_code == 404
    # A document of another language is not served by this registry.
    OfficialDocumentFactory(locale=Locale.objects.get(language_code="en"), slug="english-letter")
    assert client.get(registry().url + "english-letter/").status_code == 404


def test_seeded_registry_pages_exist_in_three_languages():
    titles = {page.locale.language_code: page.title for page in DocumentIndexPage.objects.live()}
    assert titles == {"ru": "Официальные документы", "en": "Official documents", "be": "Афіцыйныя дакументы"}


class RegistryAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))

    def test_parent_rules(self):
        self.assertAllowedParentPageTypes(DocumentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DocumentIndexPage, set())

    def test_editor_adds_a_letter_and_it_appears_in_the_registry_once_published(self):
        url = "/admin/snippets/documents/officialdocument/add/?locale=ru"
        data = {
            "kind": "letter",
            "number": "7/1",
            "date": "2024-06-03",
            "status": "in_force",
            "title": "О библиотечном флешмобе",
            "slug": "bgunb-2024-7-1",
            "sender": "БГУНБ",
            "sender_details": "",
            "signatory_name": "Н.П. Рожкова",
            "signatory_position": "директор",
            "addressees": "Директорам библиотек",
            "body": '{"blocks": [], "entityMap": {}}',
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
        }
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        document = OfficialDocument.objects.get(slug="bgunb-2024-7-1")
        self.assertEqual(document.locale.language_code, "ru")
        # Saved, not published: a draft is not in the registry.
        self.assertFalse(document.live)
        registry_url = DocumentIndexPage.objects.get(locale__language_code="ru").url
        self.assertEqual(self.client.get(registry_url + "bgunb-2024-7-1/").status_code, 404)

        edit_url = f"/admin/snippets/documents/officialdocument/edit/{document.pk}/"
        response = self.client.post(edit_url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        document.refresh_from_db()
        self.assertTrue(document.live)
        self.assertContains(self.client.get(document.get_url()), "О библиотечном флешмобе")


@pytest.mark.parametrize("code", ["ru", "en"])
def test_seeded_letters_are_in_the_registry_with_their_details(client, code):
    html = client.get(registry(code).url).content.decode()
    for slug, number in (("bgunb-2024-01-16-124", "01-16/124"), ("minculture-2023-606", "606-01.1-39@-НП")):
        letter = OfficialDocument.objects.get(slug=slug, locale__language_code=code)
        assert f'href="{registry(code).url}{slug}/"' in html
        detail = client.get(letter.get_url()).content.decode()
        assert f"№ {number}" in detail
        assert letter.signatory_name in detail


def test_seeded_letter_attachment_is_translated():
    letters = {
        letter.locale.language_code: letter
        for letter in OfficialDocument.objects.filter(slug="bgunb-2024-01-16-124").select_related("locale")
    }
    titles = {code: [a.title for a in letter.attachments.all()] for code, letter in letters.items()}
    assert titles == {
        "ru": ["Баннер для флешмоба #Вместе_сильнее"],
        "en": ["Banner for the flashmob #Вместе_сильнее"],
        "be": ["Банер для флэшмобу #Вместе_сильнее"],
    }
    # The file itself is shared by every language.
    assert len({letter.attachments.get().image_id for letter in letters.values()}) == 1


@pytest.mark.parametrize("query, name", garbage_cases("kind", "year", "sender", "status"))
def test_registry_garbage_in_every_filter_is_reported_and_ignored(client, letters, query, name):
    response = client.get(registry().url + "?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert_filter_ignored(html, DocumentFilterSet, name)
    assert all(document.title in html for document in letters)
    assert "<script>" not in main(html)


def test_registry_valid_filter_still_filters_beside_garbage(client, letters):
    html = client.get(registry().url + "?kind=order&year=abc&status=%00").content.decode()
    assert "Приказ о рабочей группе" in html
    assert "О проведении флешмоба" not in html and "О ежегодном совещании" not in html
    assert_filter_ignored(html, DocumentFilterSet, "year")
    assert_filter_ignored(html, DocumentFilterSet, "status")


def test_document_page_has_its_own_head_tags(client):
    document = OfficialDocumentFactory(
        title='О конкурсе «Книга & "город"»',
        number="12/3",
        date=datetime.date(2024, 3, 5),
        kind=OfficialDocument.Kind.ORDER,
        slug="test-contest",
    )
    soup = BeautifulSoup(client.get(document.get_url()).content, "html.parser")

    def meta(attribute, name):
        found = soup.find_all("meta", attrs={attribute: name})
        assert len(found) == 1, name
        return found[0]["content"]

    url = registry().full_url + "test-contest/"
    reference = 'О конкурсе «Книга & "город"» (приказ от 5 марта 2024 № 12/3)'
    assert soup.title.get_text() == 'О конкурсе «Книга & "город"» — Вместе сильнее'
    assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [url]
    assert meta("name", "description") == reference
    assert meta("property", "og:title") == document.title
    assert meta("property", "og:description") == reference
    assert meta("property", "og:url") == url
    assert meta("property", "og:type") == "article"
    assert meta("property", "vk:image").startswith("http://testserver/")
    # The registry itself keeps its own tags.
    index = BeautifulSoup(client.get(registry().url).content, "html.parser")
    assert index.find("meta", property="og:title")["content"] == registry().title
    assert index.find("link", rel="canonical")["href"] == registry().full_url
