import pytest

from events.models import EventIndexPage
from opendata.models import OpenDataPage
from tests.factories import EventIndexPageFactory, OpenDataPageFactory


@pytest.fixture
def events_index(request, home_page):
    """The Russian events section: the seeded one for a test that reads the seed, else a new empty one."""
    if "seeded" in request.fixturenames:
        return EventIndexPage.objects.get(locale__language_code="ru")
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def open_data(request, home_page):
    """The Russian open data page: the seeded one for a test that reads the seed, else a new one."""
    if "seeded" in request.fixturenames:
        return OpenDataPage.objects.get(locale__language_code="ru")
    return OpenDataPageFactory(parent=home_page)
