import pytest

from partnerships.models import AgreementIndexPage


@pytest.fixture
def section(db):
    return AgreementIndexPage.objects.get(locale__language_code="ru")
