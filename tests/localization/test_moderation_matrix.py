"""Who may do what to each kind of content, and what readers see meanwhile.

Every translatable kind of content goes through the same moderation: Editors' changes are drafts and
they cannot delete what is published; Moderators publish and delete; Translators cannot touch the
Russian originals at all. Readers see the published version until a Moderator publishes a change.
Each case goes through the real admin views.
"""

from dataclasses import dataclass

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from documents.models import OfficialDocument
from events.models import SessionFormat, Venue
from home.models import FooterContent
from libraries.models import Country, Library, Region
from news.models import Topic
from tests.factories import LibraryFactory, OfficialDocumentFactory, RegionFactory, TopicFactory, UserFactory
from tests.helpers import snippet_url_name
from tests.libraries.test_admin import library_data

pytestmark = pytest.mark.django_db

EDITORS, MODERATORS, TRANSLATORS = "Editors", "Moderators", "Translators"

# What each group may do to published Russian content of every kind.
MAY = {
    EDITORS: {"edit": "draft", "publish": False, "delete_published": False, "create": "draft"},
    MODERATORS: {"edit": "draft", "publish": True, "delete_published": True, "create": "live"},
    TRANSLATORS: {"edit": "refused", "publish": False, "delete_published": False, "create": "refused"},
}


@dataclass
class Kind:
    model: type
    field: str  # the text readers see

    def make(self, value):
        return MAKERS[self.model](value)

    def data(self, obj, value):
        return DATA[self.model](obj, value)


def ru():
    return Locale.objects.get(language_code="ru")


MAKERS = {
    Library: lambda value: LibraryFactory(full_name=value),
    Region: lambda value: RegionFactory(name=value),
    Country: lambda value: Country.objects.create(code="XA", name=value, locale=ru()),
    Topic: lambda value: TopicFactory(name=value),
    OfficialDocument: lambda value: OfficialDocumentFactory(title=value),
    FooterContent: lambda value: FooterContent.objects.create(organisation=value, locale=ru()),
    Venue: lambda value: Venue.objects.create(name=value, city="Рязань", locale=ru()),
    SessionFormat: lambda value: SessionFormat.objects.create(code="matrix-format", name=value, locale=ru()),
}
DATA = {
    Library: lambda obj, value: library_data(full_name=value, slug=obj.slug if obj else ""),
    Region: lambda obj, value: {"code": obj.code if obj else "T999", "name": value},
    Country: lambda obj, value: {"code": obj.code if obj else "XB", "name": value},
    Topic: lambda obj, value: {"name": value, "slug": obj.slug if obj else "new-topic"},
    OfficialDocument: lambda obj, value: nested_form_data(
        {
            "kind": "letter",
            "number": obj.number if obj else "01-16/999",
            "date": "2024-06-03",
            "status": "in_force",
            "title": value,
            "slug": obj.slug if obj else "new-document",
            "sender": "Белгородская государственная универсальная научная библиотека",
            "sender_library": "",
            "sender_details": "",
            "signatory_name": "",
            "signatory_position": "",
            "addressees": "",
            "body": rich_text("<p>Текст письма.</p>"),
            "attachments": inline_formset([]),
        }
    ),
    FooterContent: lambda obj, value: {"organisation": value, "address": "", "note": rich_text("")},
    Venue: lambda obj, value: {"name": value, "address": "", "city": "Рязань", "library": ""},
    SessionFormat: lambda obj, value: {"name": value, "code": obj.code if obj else "new-format"},
}
KINDS = {
    "library": Kind(Library, "full_name"),
    "region": Kind(Region, "name"),
    "country": Kind(Country, "name"),
    "topic": Kind(Topic, "name"),
    "document": Kind(OfficialDocument, "title"),
    "footer": Kind(FooterContent, "organisation"),
    "venue": Kind(Venue, "name"),
    "session_format": Kind(SessionFormat, "name"),
}
CASES = [(group, kind) for group in MAY for kind in KINDS]
IDS = [f"{group}-{kind}" for group, kind in CASES]


def url(model, action, *args):
    return reverse(snippet_url_name(model, action), args=args)


def login(client, group):
    user = UserFactory(username=f"matrix-{group.lower()}", groups=[group])
    client.force_login(user)
    return user


def readers_see(obj, field):
    """What the public site shows: the live row (public lookups read live rows only)."""
    row = type(obj).objects.filter(pk=obj.pk, live=True).first()
    return getattr(row, field) if row else None


@pytest.mark.parametrize(("group", "kind_name"), CASES, ids=IDS)
def test_editing_and_publishing_published_content(client, group, kind_name):
    kind = KINDS[kind_name]
    obj = kind.make("Опубликованный текст")
    login(client, group)
    response = client.post(url(kind.model, "edit", obj.pk), kind.data(obj, "Правка без публикации"))
    expected = MAY[group]["edit"]
    if expected == "refused":
        assert response.status_code in (302, 403) and "/edit/" not in response.get("Location", "")
        assert not type(obj).objects.get(pk=obj.pk).has_unpublished_changes
    else:
        assert response.status_code == 302, response.context and response.context["form"].errors
        obj.refresh_from_db()
        assert getattr(obj.get_latest_revision_as_object(), kind.field) == "Правка без публикации"
    # Meanwhile readers see the published text.
    assert readers_see(obj, kind.field) == "Опубликованный текст"

    data = kind.data(obj, "Правка с публикацией") | {"action-publish": "action-publish"}
    client.post(url(kind.model, "edit", obj.pk), data)
    published = "Правка с публикацией" if MAY[group]["publish"] else "Опубликованный текст"
    assert readers_see(obj, kind.field) == published


@pytest.mark.parametrize(("group", "kind_name"), CASES, ids=IDS)
def test_deleting_published_content(client, group, kind_name):
    kind = KINDS[kind_name]
    obj = kind.make("Опубликованное для удаления")
    login(client, group)
    client.post(url(kind.model, "delete", obj.pk))
    still_public = readers_see(obj, kind.field) == "Опубликованное для удаления"
    assert still_public is not MAY[group]["delete_published"]


@pytest.mark.parametrize(("group", "kind_name"), CASES, ids=IDS)
def test_creating_russian_content(client, group, kind_name):
    kind = KINDS[kind_name]
    login(client, group)
    data = kind.data(None, "Новая запись из админки") | {"action-publish": "action-publish"}
    response = client.post(url(kind.model, "add") + "?locale=ru", data)
    created = kind.model.objects.filter(**{kind.field: "Новая запись из админки"}).first()
    expected = MAY[group]["create"]
    if expected == "refused":
        assert response.status_code in (302, 403) and created is None
        return
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert created is not None and created.live is (expected == "live")


def test_a_renamed_region_keeps_its_name_in_the_public_directory_until_approved(client, seeded):
    region = Region.objects.get(code="31", locale__language_code="ru")
    login(client, EDITORS)
    response = client.post(url(Region, "edit", region.pk), {"code": "31", "name": "Белгородчина"})
    assert response.status_code == 302
    directory = client.get("/ru/partnerships/libraries/").content.decode()
    assert "Белгородская область" in directory and "Белгородчина" not in directory


def test_the_english_directory_lists_only_published_region_names(client, seeded):
    english = Locale.objects.get(language_code="en")
    region = Region.objects.get(code="31", locale=english)
    login(client, TRANSLATORS)
    response = client.post(url(Region, "edit", region.pk), {"code": "31", "name": "Belgorodshchina"})
    assert response.status_code == 302
    directory = client.get("/en/partnerships/libraries/").content.decode()
    assert "Belgorod Oblast" in directory and "Belgorodshchina" not in directory


def test_only_moderators_hold_the_publish_permission_of_every_kind():
    for group, rights in MAY.items():
        user = UserFactory(username=f"perm-{group.lower()}", groups=[group])
        for kind in KINDS.values():
            label = f"{kind.model._meta.app_label}.publish_{kind.model._meta.model_name}"
            assert user.has_perm(label) is rights["publish"], (group, label)


def test_editors_cannot_delete_or_unpublish_a_published_page(client, home_ru):
    from home.models import StandardPage
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_ru, title="Опубликованная страница", slug="opublikovannaya")
    page.save_revision().publish()
    login(client, EDITORS)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.id]))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.id]))
    assert StandardPage.objects.get(pk=page.pk).live
    assert client.get(page.url).status_code == 200
