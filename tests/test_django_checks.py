"""Django's own checks, part of every run (they were separate `manage.py` calls in `make test`)."""

import io

import pytest

from django.core.management import call_command


def test_system_checks_pass():
    call_command("check", fail_level="ERROR")


@pytest.mark.django_db  # makemigrations compares the migration history with the database
def test_models_and_migrations_agree():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail("models changed without a migration:\n" + out.getvalue())


def test_the_test_schema_is_made_from_the_current_migrations():
    """The suite restores tests/schema/migrated.sql instead of migrating when it is current."""
    from tests.databases import SCHEMA_DUMP, schema_fingerprint

    header = SCHEMA_DUMP.read_text(encoding="utf-8").partition("\n")[0]
    assert schema_fingerprint() in header, "migrations, locks or settings changed: run `make test-schema`"
