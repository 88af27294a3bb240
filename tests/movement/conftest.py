import pytest

from django.core.cache import cache

from movement.models import CampaignPage, MovementPage
from tests.factories import CampaignPageFactory, MovementPageFactory


@pytest.fixture(autouse=True)
def clear_cache():
    # Rate limits and generated files live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def movement(request, home_page):
    """The movement page: the seeded one for a test that reads the seed, else a new one."""
    if "seeded" in request.fixturenames:
        return MovementPage.objects.get(locale__language_code="ru", slug="dvizhenie")
    return MovementPageFactory(parent=home_page, slug="dvizhenie")


@pytest.fixture
def campaign(request, movement):
    """The 2024 flash mob: the seeded one for a test that reads the seed, else a new one like it.
    It is over, so its form is closed unless an editor keeps it open; the tests of the form keep it
    open as an editor would."""
    if "seeded" in request.fixturenames:
        page = CampaignPage.objects.get(locale__language_code="ru", slug="flashmob-2024")
        CampaignPage.objects.filter(translation_key=page.translation_key).update(reports_after_end=True)
        page.reports_after_end = True
        return page
    return CampaignPageFactory(parent=movement, slug="flashmob-2024", reports_after_end=True)
