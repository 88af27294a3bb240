import pytest

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from documents.models import OfficialDocument
from home.models import HomePage
from movement.models import CampaignPage, MovementPage


def list_block(items):
    data = {str(i): {"value": item, "deleted": "", "order": str(i), "id": ""} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


@pytest.mark.usefixtures("seeded")
class MovementAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)
        self.home = HomePage.objects.get(locale__language_code="ru")

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(MovementPage, {HomePage})
        self.assertAllowedSubpageTypes(MovementPage, {CampaignPage})
        self.assertAllowedParentPageTypes(CampaignPage, {MovementPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertCanCreateAt(HomePage, MovementPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)

    def test_editor_creates_movement_and_campaign_with_real_blocks(self):
        data = nested_form_data(
            {
                "title": "Движение «Тест»",
                "slug": "dvizhenie-test",
                "introduction": "Вводный текст.",
                "full_name": "Всероссийское библиотечное движение «Тест»",
                "hashtag": "#тест",
                "body": streamfield(
                    [
                        ("heading", {"text": "Цели движения", "level": "h2"}),
                        ("paragraph", rich_text("<p>Объединение библиотек.</p>")),
                        (
                            "goal",
                            {
                                "text": "Поддержка жителей",
                                "details": list_block(["культурная работа", "волонтерская работа"]),
                            },
                        ),
                    ]
                ),
                "supported_groups": streamfield(
                    [("group", {"name": "военнослужащие и их семьи", "note": ""})]
                ),
                "initiator_name": "БГУНБ",
                "founding_event": "Всероссийский библиотечный конгресс",
                "founding_city": "Казань",
                "original_url": "https://example.org/movement",
                "contact_address": "ул. Попова, 39а",
                "contact_phone": "(4722) 31-01-62",
                "contact_fax": "",
                "contact_email": "test@example.org",
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.home, MovementPage, data)
        movement = MovementPage.objects.get(slug="dvizhenie-test")
        self.assertEqual([b.block_type for b in movement.body], ["heading", "paragraph", "goal"])
        self.assertEqual(
            list(movement.body[2].value["details"]), ["культурная работа", "волонтерская работа"]
        )
        self.assertEqual(movement.supported_groups[0].value["name"], "военнослужащие и их семьи")
        self.assertEqual(movement.founding_city, "Казань")
        self.assertPageIsRenderable(movement)
        response = self.client.get(movement.url)
        self.assertContains(response, "волонтерская работа")
        self.assertContains(response, "военнослужащие и их семьи")

        letter = OfficialDocument.objects.get(slug="bgunb-2024-01-16-124", locale__language_code="ru")
        data = nested_form_data(
            {
                "title": "Флешмоб «Тест»",
                "slug": "flashmob-test",
                "introduction": "",
                "hashtag": "#Тест",
                "post_hashtag": "#тест",
                "start_date": "2024-06-06",
                "end_date": "2024-06-12",
                "occasion": "День России",
                "occasion_date": "2024-06-12",
                "body": streamfield([("paragraph", rich_text("<p>О флешмобе.</p>"))]),
                "steps": streamfield(
                    [
                        ("step", {"title": "Разместите баннер", "text": "На сайте библиотеки."}),
                        ("step", {"title": "Укажите хештег", "text": ""}),
                    ]
                ),
                "banners": streamfield([]),
                "official_letter": str(letter.pk),
                "accepts_reports": "on",
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(movement, CampaignPage, data)
        campaign = CampaignPage.objects.get(slug="flashmob-test")
        self.assertEqual([b.value["title"] for b in campaign.steps], ["Разместите баннер", "Укажите хештег"])
        self.assertEqual(campaign.official_letter, letter)
        self.assertEqual(str(campaign.start_date), "2024-06-06")
        response = self.client.get(campaign.url)
        self.assertContains(response, "Разместите баннер")
        self.assertContains(response, "01-16/124")
        self.assertContains(response, "Н.П. Рожкова")

    def test_end_before_start_is_a_form_error(self):
        movement = MovementPage.objects.get(locale__language_code="ru", slug="dvizhenie")
        data = nested_form_data(
            {
                "title": "Флешмоб наоборот",
                "slug": "flashmob-backwards",
                "hashtag": "#x",
                "start_date": "2024-06-12",
                "end_date": "2024-06-06",
                "body": streamfield([]),
                "steps": streamfield([]),
                "banners": streamfield([]),
                "action-publish": "publish",
            }
        )
        response = self.client.post(f"/admin/pages/add/movement/campaignpage/{movement.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("end_date", response.context["form"].errors)
        self.assertFalse(CampaignPage.objects.filter(slug="flashmob-backwards").exists())
