import pytest

from partnerships.models import AgreementIndexPage


@pytest.fixture
def section(seeded):
    return AgreementIndexPage.objects.get(locale__language_code="ru")
