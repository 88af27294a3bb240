import pytest

from home.models import HomePage
from tests.factories import UserFactory


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
