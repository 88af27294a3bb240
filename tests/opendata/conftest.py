import pytest

from events.models import EventIndexPage


@pytest.fixture
def events_index(seeded):
    """The seeded events section, a parent for the events a test makes."""
    return EventIndexPage.objects.get(locale__language_code="ru")
