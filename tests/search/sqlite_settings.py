"""Settings of the SQLite search probe (test_sqlite_stemming.py): the test settings with every table
created straight from the models, which takes seconds where running all migrations takes most of a
minute. The probe adds the full-text table the way Wagtail's search migration does."""

from cms.settings.test import *  # noqa: F403


class _NoMigrations(dict):
    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


MIGRATION_MODULES = _NoMigrations()
