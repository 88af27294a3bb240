import pytest

from events.models import EventIndexPage


@pytest.fixture
def events_index():
    return EventIndexPage.objects.get(locale__language_code="ru")
