import pytest
import wagtail_factories

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from libraries.models import Country, Library, Region
from news.models import NewsIndexPage, NewsPage
from tests.factories import OfficialDocumentFactory, TopicFactory


@pytest.mark.usefixtures("seeded")
class NewsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)
        self.index = NewsIndexPage.objects.get(locale__language_code="ru")

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_editor_creates_an_article_with_real_blocks_and_links(self):
        topic = TopicFactory(name="Цифровизация", slug="digitisation")
        region = Region.objects.get(code="28", locale__language_code="ru")
        russia, belarus = (
            Country.objects.get(code=code, locale__language_code="ru") for code in ("RU", "BY")
        )
        library = Library.objects.get(slug="nlb", locale__language_code="ru")
        image = wagtail_factories.ImageFactory(title="Подписание")
        letter = OfficialDocumentFactory(title="О сотрудничестве библиотек", number="12/3")
        data = nested_form_data(
            {
                "title": "Библиотеки подписали соглашение",
                "slug": "biblioteki-podpisali",
                "introduction": "Стороны подписали соглашение о сотрудничестве",
                "publication_date": "2024-10-25 17:54",
                "main_image": image.pk,
                "main_image_alt": "Директора подписывают соглашение",
                "main_image_caption": "Подписание",
                "main_image_credit": "Фото: архив, благовещенск.рф",
                "body": streamfield(
                    [
                        ("heading", {"text": "Планы", "level": "h2"}),
                        ("paragraph", rich_text("<p>Учреждения договорились о проектах.</p>")),
                        (
                            "quote",
                            {
                                "quote": "Подписанное сегодня соглашение — это уже план совместной работы",
                                "speaker": "Вадим Гигин",
                                "role": "генеральный директор Национальной библиотеки Белоруссии",
                            },
                        ),
                        ("official_document", {"document": letter.pk, "title": ""}),
                    ]
                ),
                "source_name": "пресс-служба правительства Приамурья",
                "source_url": "https://example.org/news/1",
                "topic_links": inline_formset([{"topic": topic.pk}]),
                "country_links": inline_formset([{"country": russia.pk}, {"country": belarus.pk}]),
                "region_links": inline_formset([{"region": region.pk}]),
                "library_links": inline_formset([{"library": library.pk}]),
                "related_news_links": inline_formset([]),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.index, NewsPage, data)
        page = NewsPage.objects.get(slug="biblioteki-podpisali")
        self.assertTrue(page.live)
        self.assertEqual(
            [block.block_type for block in page.body], ["heading", "paragraph", "quote", "official_document"]
        )
        self.assertEqual(page.body[2].value["speaker"], "Вадим Гигин")
        self.assertEqual(page.body[3].value["document"], letter)
        self.assertEqual(page.main_image_credit, "Фото: архив, благовещенск.рф")
        self.assertEqual(timezone.localtime(page.publication_date).hour, 17)  # Moscow time as entered
        self.assertEqual([link.topic for link in page.topic_links.all()], [topic])
        self.assertEqual([link.country.code for link in page.country_links.all()], ["RU", "BY"])
        self.assertEqual([link.region for link in page.region_links.all()], [region])
        self.assertEqual([link.library for link in page.library_links.all()], [library])

        response = self.client.get(page.url)
        self.assertContains(response, "<h1>Библиотеки подписали соглашение</h1>", html=True)
        self.assertContains(response, "генеральный директор Национальной библиотеки Белоруссии")
        self.assertContains(response, 'href="https://example.org/news/1"')
        self.assertContains(response, "О сотрудничестве библиотек")
        self.assertContains(response, "Амурская область")
        self.assertContains(response, "Беларусь")

    def test_editor_pages_open(self):
        article = NewsPage.objects.get(locale__language_code="ru", slug="amur-belarus-libraries-agreement")
        for url in (
            f"/admin/pages/{article.pk}/edit/",
            f"/admin/pages/add/news/newspage/{self.index.pk}/",
            "/admin/snippets/news/topic/",
        ):
            self.assertEqual(self.client.get(url).status_code, 200, url)
