import pytest

from django.urls import reverse

from home.models import HomePage
from tests.factories import StandardPageFactory, UserFactory


@pytest.fixture
def home_ru(seeded):
    return HomePage.objects.get(locale__language_code="ru")


@pytest.fixture
def home_en(seeded):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def translator(client):
    return UserFactory(username="translator", groups=["Translators"])


@pytest.fixture
def editor():
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def moderator():
    return UserFactory(username="moderator", groups=["Moderators"])


@pytest.fixture
def ru_page(home_ru):
    page = StandardPageFactory(parent=home_ru, title="Исходная страница", slug="ishodnaya")
    page.save_revision().publish()
    return page


@pytest.fixture
def en_translation(ru_page, moderator, client):
    client.force_login(moderator)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[ru_page.id]),
        {"locales": [ru_page.locale.__class__.objects.get(language_code="en").id]},
    )
    assert response.status_code == 302
    client.logout()
    return ru_page.get_translation(ru_page.locale.__class__.objects.get(language_code="en"))
