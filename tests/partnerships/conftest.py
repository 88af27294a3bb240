import pytest

from core.seeding import load_content
from core.seeding.loader import demo_paths
from partnerships.models import AgreementIndexPage


@pytest.fixture
def section(db):
    return AgreementIndexPage.objects.get(locale__language_code="ru")


@pytest.fixture
def sample_libraries(seeded):
    """The demonstration libraries (content/demo/), which the seed loads only when asked to."""
    load_content(paths=demo_paths())
