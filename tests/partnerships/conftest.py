import pytest

from partnerships.models import AgreementIndexPage
from tests.factories import AgreementIndexPageFactory


@pytest.fixture
def section(request, home_page):
    """The Russian agreements section: the seeded one for a test that reads the seed, else a new one."""
    if "seeded" in request.fixturenames:
        return AgreementIndexPage.objects.get(locale__language_code="ru")
    return AgreementIndexPageFactory(parent=home_page)
