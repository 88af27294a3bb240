"""The library, region and country admin through its real views: no 500 on duplicates, the
listing's language, choosers and search that find what editors type."""

import pytest

from django.urls import reverse

from wagtail.models import Locale

from libraries.models import Country, Library, Region
from tests.factories import LibraryFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def library_data(**values):
    data = {
        "full_name": "Тестовая центральная библиотека",
        "short_name": "",
        "slug": "",
        "kind": "municipal",
        "country": str(Country.objects.get(code="RU", locale__language_code="ru").pk),
        "region": "",
        "foreign_region": "",
        "municipality": "",
        "settlement_type": "",
        "settlement": "",
        "address": "",
        "phone": "",
        "fax": "",
        "email": "",
        "website": "",
        "social_links": "",
        "is_sample": "",
    }
    data.update(values)
    return data


@pytest.fixture
def moderator(client):
    user = UserFactory(username="lib-moderator", groups=["Moderators"])
    client.force_login(user)
    return user


@pytest.fixture
def taken():
    return LibraryFactory(full_name="Первая библиотека", slug="pervaya")


def test_a_duplicate_slug_is_a_field_error_when_adding(client, moderator, taken):
    response = client.post(
        url(Library, "add") + "?locale=ru", library_data(slug="pervaya", **{"action-publish": "1"})
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "slug" in form.errors and "на этом языке" in form.errors["slug"][0]
    assert Library.objects.filter(slug="pervaya").count() == 1


def test_a_duplicate_slug_is_a_field_error_when_editing_autosaving_and_publishing(client, moderator, taken):
    other = LibraryFactory(full_name="Вторая библиотека", slug="vtoraya")
    edit = url(Library, "edit", other.pk)
    # Autosave posts the form and expects JSON: an error answer, not a 500.
    response = client.post(
        edit, library_data(full_name="Вторая", slug="pervaya"), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["success"] is False
    # Then «Опубликовать» with the same slug: a field error, nothing saved.
    response = client.post(edit, library_data(full_name="Вторая", slug="pervaya", **{"action-publish": "1"}))
    assert response.status_code == 200 and "slug" in response.context["form"].errors
    other.refresh_from_db()
    assert other.slug == "vtoraya" and other.full_name == "Вторая библиотека"


def test_the_same_slug_in_another_language_is_allowed_and_codes_are_checked_too(client, moderator, taken):
    english = Locale.objects.get(language_code="en")
    assert Library(full_name="First", slug="pervaya", locale=english).full_clean() is None
    response = client.post(url(Region, "add") + "?locale=ru", {"code": "31", "name": "Ещё одна Белгородская"})
    assert response.status_code == 200 and "code" in response.context["form"].errors


def test_an_empty_slug_is_made_latin_from_the_name(client, moderator):
    response = client.post(
        url(Library, "add") + "?locale=ru",
        library_data(full_name="Библиотека посёлка Ёлкино", short_name="", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    library = Library.objects.get(full_name="Библиотека посёлка Ёлкино")
    assert library.slug == "biblioteka-poselka-elkino"
    # A second library of the same name gets a free slug.
    client.post(url(Library, "add") + "?locale=ru", library_data(full_name="Библиотека посёлка Ёлкино"))
    assert set(
        Library.objects.filter(full_name="Библиотека посёлка Ёлкино").values_list("slug", flat=True)
    ) == {
        "biblioteka-poselka-elkino",
        "biblioteka-poselka-elkino-2",
    }


def test_the_listing_honours_the_locale_in_the_address(client, moderator):
    russian = LibraryFactory(full_name="Русская запись библиотеки")
    english = LibraryFactory(
        full_name="English record of a library", locale=Locale.objects.get(language_code="en")
    )
    listed = client.get(url(Library, "list") + "?locale=ru").context["object_list"]
    assert {library.locale.language_code for library in listed} == {"ru"}
    listed = client.get(url(Library, "list") + "?locale=en&q=English record").context["object_list"]
    assert list(listed) == [english]
    listed = client.get(url(Library, "list") + "?locale=en&q=Русская запись").context["object_list"]
    assert list(listed) == []
    listed = client.get(url(Library, "list") + "?locale=ru&q=Русская запись").context["object_list"]
    assert list(listed) == [russian]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ТЦБС", "Тамбовская централизованная библиотечная система"),  # the abbreviation alone
        ("тцб", "Тамбовская централизованная библиотечная система"),  # its beginning, any case
        ("поселка Елкино", "Библиотека посёлка Ёлкино"),  # е for ё
        ("Елкино", "Библиотека посёлка Ёлкино"),
        ("посёлка Ёлкино", "Библиотека посёлка Ёлкино"),
    ],
)
def test_admin_search_finds_short_names_and_reads_yo_as_ye(client, moderator, query, expected):
    LibraryFactory(full_name="Тамбовская централизованная библиотечная система", short_name="ТЦБС")
    LibraryFactory(full_name="Библиотека посёлка Ёлкино")
    LibraryFactory(full_name="Совсем другая библиотека")
    response = client.get(url(Library, "list_results") + "?locale=ru&q=" + query)
    names = [library.full_name for library in response.context["object_list"]]
    assert names == [expected]


def test_the_library_chooser_finds_short_names(client, moderator):
    LibraryFactory(full_name="Тамбовская централизованная библиотечная система", short_name="ТЦБС")
    namespace = Library.snippet_viewset.get_chooser_admin_url_namespace()
    response = client.get(reverse(f"{namespace}:choose_results") + "?q=ТЦБС&locale=ru")
    assert "Тамбовская централизованная библиотечная система" in response.content.decode() or "ТЦБС" in (
        response.content.decode()
    )


def test_the_region_chooser_searches(client, moderator):
    namespace = Region.snippet_viewset.get_chooser_admin_url_namespace()
    chooser = client.get(reverse(f"{namespace}:choose") + "?locale=ru")
    assert chooser.status_code == 200
    assert 'name="q"' in chooser.json()["html"]
    response = client.get(reverse(f"{namespace}:choose_results") + "?q=Белгор&locale=ru")
    html = response.content.decode()
    assert "Белгородская область" in html and "Курская область" not in html


def test_editors_cannot_delete_a_published_library_and_moderators_can(client):
    library = LibraryFactory(full_name="Опубликованная библиотека")
    client.force_login(UserFactory(username="lib-editor", groups=["Editors"]))
    response = client.post(url(Library, "delete", library.pk), follow=True)
    assert response.status_code == 200
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "«Опубликованная библиотека»" in errors[0]
    assert Library.objects.filter(pk=library.pk, live=True).exists()
    client.force_login(UserFactory(username="lib-moderator-2", groups=["Moderators"]))
    assert client.post(url(Library, "delete", library.pk)).status_code == 302
    assert not Library.objects.filter(pk=library.pk).exists()


def test_an_editor_may_delete_a_draft_that_never_went_public(client):
    editor = UserFactory(username="lib-editor-2", groups=["Editors"])
    client.force_login(editor)
    client.post(url(Library, "add") + "?locale=ru", library_data(full_name="Черновик библиотеки"))
    draft = Library.objects.get(full_name="Черновик библиотеки")
    assert not draft.live
    assert client.post(url(Library, "delete", draft.pk)).status_code == 302
    assert not Library.objects.filter(pk=draft.pk).exists()
