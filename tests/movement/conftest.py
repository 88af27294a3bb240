import pytest

from django.core.cache import cache

from movement.models import CampaignPage, MovementPage


@pytest.fixture(autouse=True)
def clear_cache():
    # Rate limits and generated files live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def movement():
    return MovementPage.objects.get(locale__language_code="ru", slug="dvizhenie")


@pytest.fixture
def campaign():
    """The seeded June 2024 flashmob. It is over, so its form is closed unless an editor keeps it
    open; the tests of the form keep it open as an editor would."""
    CampaignPage.objects.filter(slug="flashmob-2024").update(reports_after_end=True)
    return CampaignPage.objects.get(locale__language_code="ru", slug="flashmob-2024")
