import pytest

from events.models import EventIndexPage
from tests.factories import EventIndexPageFactory


@pytest.fixture
def events_index(request, home_page):
    """The Russian events section: the seeded one for a test that reads the seed, else a new empty one."""
    if "seeded" in request.fixturenames:
        return EventIndexPage.objects.get(locale__language_code="ru")
    return EventIndexPageFactory(parent=home_page)
