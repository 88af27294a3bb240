import pytest

from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The whole suite runs on a PostgreSQL database holding the seed content."""
    with django_db_blocker.unblock():
        call_command("load_seed_content", verbosity=0)


@pytest.fixture
def admin_client_ru(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def seeded(db):
    """Marks a test that reads the seed content (the five source documents, in three languages).

    Tests that build their own data with ``tests.factories`` do not ask for it.
    """
