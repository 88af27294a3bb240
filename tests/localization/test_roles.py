"""Each group's boundaries, proved through the real admin views."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowPage
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from home.models import FooterContent
from localization import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def forbidden(response):
    """Wagtail answers a refused admin request with 403 or a redirect away (to the dashboard/login)."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "/edit/" not in response["Location"]


def publish_data(page):
    return nested_form_data(
        {
            "title": "Новый заголовок",
            "slug": page.slug,
            "introduction": page.introduction,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )


def test_data_migration_created_the_three_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators"} <= names
    for name in ("Editors", "Moderators", "Translators"):
        group = Group.objects.get(name=name)
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "submit_translation"} <= codenames
        assert not codenames & {"add_user", "change_user", "delete_user", "add_group", "change_group"}


def test_translators_have_the_english_and_belarusian_trees_only():
    translators = Group.objects.get(name="Translators")
    granted = GroupPagePermission.objects.filter(group=translators).select_related(
        "page__locale", "permission"
    )
    by_language = {}
    for grant in granted:
        by_language.setdefault(grant.page.locale.language_code, set()).add(grant.permission.codename)
    assert by_language == {"en": {"add_page", "change_page"}, "be": {"add_page", "change_page"}}
    homes = Page.objects.filter(depth=2, locale__language_code__in=["en", "be"])
    assert WorkflowPage.objects.filter(page__in=homes, workflow__name=roles.WORKFLOW_NAME).count() == 2


def test_every_translatable_snippet_type_is_open_to_translators():
    from wagtail.models import TranslatableMixin

    translators = Group.objects.get(name="Translators")
    codenames = set(translators.permissions.values_list("content_type__app_label", "codename"))
    models = set(get_snippet_models()) | set(roles.content_models())
    for model in models:
        if issubclass(model, TranslatableMixin):
            assert (model._meta.app_label, f"change_{model._meta.model_name}") in codenames, model
            assert (model._meta.app_label, f"delete_{model._meta.model_name}") not in codenames, model


def test_a_new_locale_home_is_granted_when_it_appears():
    # What the seed or "Translate this page" does on a fresh database: the
    # home page of a translation locale is created after the migration ran.
    en_home = Page.objects.get(depth=2, locale__language_code="en")
    GroupPagePermission.objects.filter(page=en_home).delete()
    WorkflowPage.objects.filter(page=en_home).delete()
    roles.setup_locale_tree(en_home)
    assert GroupPagePermission.objects.filter(page=en_home, group__name="Translators").count() == 2
    roles.sync_roles()  # idempotent
    assert GroupPagePermission.objects.filter(page=en_home, group__name="Translators").count() == 2


class TestTranslators:
    def test_cannot_edit_russian_pages_or_add_to_the_russian_tree(self, client, translator, ru_page, home_ru):
        client.force_login(translator)
        assert forbidden(client.get(reverse("wagtailadmin_pages:edit", args=[ru_page.id])))
        assert forbidden(client.get(reverse("wagtailadmin_pages:edit", args=[home_ru.id])))
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[ru_page.id]),
            {"title": "Испорчено", "slug": "ishodnaya", "action-publish": "1"},
        )
        assert forbidden(response)
        ru_page.refresh_from_db()
        assert ru_page.title == "Исходная страница"
        add_url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_ru.id])
        assert forbidden(client.get(add_url))

    def test_can_translate_and_cannot_publish(self, client, translator, en_translation):
        client.force_login(translator)
        edit_url = reverse("wagtailadmin_pages:edit", args=[en_translation.id])
        response = client.get(edit_url)
        assert response.status_code == 200
        assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
        translation = Translation.objects.get(
            target_locale=en_translation.locale, source__object_id=en_translation.translation_key
        )
        # Machine translation (the offline dummy backend) fills the segments.
        response = client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": edit_url}
        )
        assert response.status_code == 302
        total, done = translation.get_progress()
        assert total and done == total
        # Publishing from the translation editor is refused.
        response = client.post(edit_url, {"action": "publish"})
        assert forbidden(response)
        en_translation.refresh_from_db()
        assert not en_translation.live
        assert not en_translation.permissions_for_user(translator).can_publish()

    def test_cannot_manage_users_or_groups(self, client, translator):
        client.force_login(translator)
        for name in ("wagtailusers_users:index", "wagtailusers_groups:index", "wagtailusers_users:add"):
            assert forbidden(client.get(reverse(name))), name

    @pytest.mark.usefixtures("seeded")
    def test_cannot_edit_russian_snippets_but_can_open_translated_ones(self, client, translator):
        client.force_login(translator)
        ru = FooterContent.objects.get(locale__language_code="ru")
        en = FooterContent.objects.get(locale__language_code="en")
        edit = "wagtailsnippets_home_footercontent:edit"
        assert forbidden(client.get(reverse(edit, args=[ru.pk])))
        assert forbidden(client.post(reverse(edit, args=[ru.pk]), {"organisation": "x"}))
        assert client.get(reverse(edit, args=[en.pk])).status_code == 200
        # Saving a snippet without drafts is publishing: refused to translators.
        assert forbidden(client.post(reverse(edit, args=[en.pk]), {"action": "publish"}))
        add = reverse("wagtailsnippets_home_footercontent:add") + "?locale=ru"
        assert forbidden(client.get(add))
        delete = reverse("wagtailsnippets_home_footercontent:delete", args=[ru.pk])
        assert forbidden(client.post(delete))
        assert FooterContent.objects.filter(pk=ru.pk).exists()


class TestEditors:
    def test_edit_russian_pages_submit_but_not_publish(self, client, editor, ru_page):
        client.force_login(editor)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[ru_page.id])).status_code == 200
        assert ru_page.permissions_for_user(editor).can_edit()
        assert not ru_page.permissions_for_user(editor).can_publish()
        response = client.post(reverse("wagtailadmin_pages:edit", args=[ru_page.id]), publish_data(ru_page))
        assert response.status_code == 302
        ru_page.refresh_from_db()
        # Saved as a draft, not published.
        assert ru_page.title == "Исходная страница"
        assert ru_page.get_latest_revision_as_object().title == "Новый заголовок"
        assert ru_page.has_unpublished_changes

    @pytest.mark.usefixtures("seeded")
    def test_edit_russian_snippets(self, client, editor):
        client.force_login(editor)
        ru = FooterContent.objects.get(locale__language_code="ru")
        assert client.get(reverse("wagtailsnippets_home_footercontent:edit", args=[ru.pk])).status_code == 200

    def test_cannot_manage_users(self, client, editor):
        client.force_login(editor)
        assert forbidden(client.get(reverse("wagtailusers_users:index")))


class TestModerators:
    def test_publish_russian_and_translated_pages(self, client, moderator, ru_page, en_translation):
        client.force_login(moderator)
        assert ru_page.permissions_for_user(moderator).can_publish()
        assert en_translation.permissions_for_user(moderator).can_publish()
        response = client.post(reverse("wagtailadmin_pages:edit", args=[ru_page.id]), publish_data(ru_page))
        assert response.status_code == 302
        ru_page.refresh_from_db()
        assert ru_page.title == "Новый заголовок"
        assert not ru_page.has_unpublished_changes

    def test_cannot_manage_users(self, client, moderator):
        client.force_login(moderator)
        assert forbidden(client.get(reverse("wagtailusers_users:index")))
        assert forbidden(client.get(reverse("wagtailusers_groups:index")))


@pytest.mark.usefixtures("seeded")
def test_superuser_still_passes_every_guard(admin_client_ru):
    ru = FooterContent.objects.get(locale__language_code="ru")
    response = admin_client_ru.get(reverse("wagtailsnippets_home_footercontent:edit", args=[ru.pk]))
    assert response.status_code == 200


def test_user_factory_groups():
    user = UserFactory(username="both", groups=["Editors", "Translators"])
    assert set(user.groups.values_list("name", flat=True)) == {"Editors", "Translators"}
