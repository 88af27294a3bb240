import os

import pytest
import wagtail_factories

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.settings_probe import production_startup, read_settings, started


class StandardPageAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        self.client.force_login(self.user)
        self.home = HomePage.objects.get(locale__language_code="ru")

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_editor_creates_a_page_with_real_blocks(self):
        data = nested_form_data(
            {
                "title": "О портале",
                "slug": "o-portale",
                "introduction": "Кто мы и зачем этот портал.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Цели", "level": "h2"}),
                        ("paragraph", rich_text("<p>Объединять библиотеки.</p>")),
                        (
                            "quote",
                            {"quote": "Вместе сильнее.", "speaker": "Н.П. Рожкова", "role": "директор БГУНБ"},
                        ),
                    ]
                ),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="o-portale")
        self.assertEqual(page.introduction, "Кто мы и зачем этот портал.")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph", "quote"])
        self.assertEqual(page.body[0].value["text"], "Цели")
        self.assertEqual(page.body[2].value["speaker"], "Н.П. Рожкова")
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        response = self.client.get(page.url)
        self.assertContains(response, "Объединять библиотеки.")
        self.assertContains(response, "директор БГУНБ")

    def test_image_block_requires_alt_text_or_decorative_flag(self):
        from core.blocks import ImageBlock

        image = wagtail_factories.ImageFactory()
        block = ImageBlock()

        def value(alt_text, decorative):
            return block.to_python(
                {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}, "caption": ""}
            )

        with self.assertRaises(StructBlockValidationError) as caught:
            block.clean(value("", False))
        self.assertIn("alt_text", caught.exception.block_errors["image"].block_errors)
        # Either a description or the decorative flag is enough.
        cleaned = block.clean(value("Баннер флешмоба", False))
        self.assertEqual(cleaned["image"].contextual_alt_text, "Баннер флешмоба")
        self.assertTrue(block.clean(value("", True))["image"].decorative)


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    # Raised as the settings module is imported, before Django could start anything else.
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        read_settings("production", env)


def test_production_settings_start_with_secret_key(tmp_path_factory):
    # A whole process, shared with the deploy check (tests/core/test_security.py): django.setup()
    # under the production settings, then settings.DEBUG.
    result = production_startup(tmp_path_factory)
    assert started(result) == {"DEBUG": False}, result["stderr"]
