"""The test databases: migrations run once per run, the seed is loaded only for the tests that ask for it.

Template databases are built once per run, under a PostgreSQL advisory lock so that parallel pytest
processes (pytest-xdist workers) share them:

- ``migrated``: every migration applied;
- ``minimal``: ``migrated`` plus ``tests.factories.build_minimal_site()`` (locales ru/en/be, the
  Russian home page as the default site's root and its en/be translations);
- ``seeded``: ``migrated`` plus ``load_seed_content``, built only when a collected test asks for it.

Each pytest process clones its own copies of the templates (CREATE DATABASE ... TEMPLATE copies
files, which is far faster than migrating) and each test runs in a rolled-back transaction on the
copy it asked for: tests that request the ``seeded`` fixture use the seeded copy, all others the
minimal one. The connection is pointed at the right copy before a test's fixtures are set up. A copy
that a transactional test emptied is cloned again from its template.
"""

import io
import os
import uuid

import psycopg
from psycopg import sql

RUN_VARIABLE = "VMESTE_TEST_RUN"  # shared by the processes of one run, so they share the templates
LOCK_KEY = 7_662_305_161  # any number; the same in every process of every run
VARIANTS = ("minimal", "seeded")


def run_id():
    """This run's id: set once in the first process, inherited by the xdist workers it starts."""
    return os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex[:8])


def _migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)


def _minimal_site():
    from tests.factories import build_minimal_site

    build_minimal_site()


def _seed():
    from django.core.management import call_command

    call_command("load_seed_content", verbosity=0, stdout=io.StringIO())


class TestDatabases:
    __test__ = False  # not a test class, whatever its name

    def __init__(self, connection, worker="main"):
        self.connection = connection
        prefix = f"test_{connection.settings_dict['NAME']}_{run_id()}"
        self.prefix = prefix
        self.templates = {name: f"{prefix}_{name}" for name in ("migrated", *VARIANTS)}
        self.copies = {variant: f"{prefix}_{worker}_{variant}" for variant in VARIANTS}
        self.ready = set()  # variants whose copy exists
        self.wanted = "minimal"
        self.current = None  # the variant the connection points at

    # -- server-level statements, on a connection of their own ----------------------------------
    def admin(self):
        settings = self.connection.settings_dict
        params = {"dbname": "postgres", "autocommit": True}
        for key in ("HOST", "PORT", "USER", "PASSWORD"):
            if settings.get(key):
                params[key.lower()] = str(settings[key])
        return psycopg.connect(**params)

    @staticmethod
    def _exists(admin, name):
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None

    @staticmethod
    def _create(admin, name, template=None):
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        admin.execute(query)

    @staticmethod
    def _drop(admin, name):
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    # -- Django's connection -------------------------------------------------------------------
    def _point(self, name):
        """Point Django's connection at another database; caches keyed by row ids go too."""
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache

        self.connection.close()
        self.connection.settings_dict["NAME"] = name
        settings.DATABASES[self.connection.alias]["NAME"] = name
        ContentType.objects.clear_cache()
        cache.clear()  # Wagtail keeps site root paths there

    def _build(self, admin, name, template, fill):
        """Create a template database unless it exists; under a temporary name until it is complete."""
        if self._exists(admin, name):
            return
        building = f"{name}_building"
        self._drop(admin, building)  # left by an interrupted run
        self._create(admin, building, template)
        self._point(building)
        try:
            fill()
        finally:
            self.connection.close()
        rename = sql.SQL("ALTER DATABASE {} RENAME TO {}")
        admin.execute(rename.format(sql.Identifier(building), sql.Identifier(name)))

    def setup(self, seeded):
        """Build what is missing of the templates and clone this process's copies."""
        variants = VARIANTS if seeded else ("minimal",)
        with self.admin() as admin:
            admin.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
            try:
                self._build(admin, self.templates["migrated"], None, _migrate)
                self._build(admin, self.templates["minimal"], self.templates["migrated"], _minimal_site)
                if seeded:
                    self._build(admin, self.templates["seeded"], self.templates["migrated"], _seed)
                for variant in variants:
                    self._drop(admin, self.copies[variant])
                    self._create(admin, self.copies[variant], self.templates[variant])
            finally:
                admin.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        self.ready.update(variants)
        self.current = None
        self.want(self.wanted)

    # -- per test --------------------------------------------------------------------------------
    def want(self, variant):
        """The next test runs on this variant (applied at once when the copies exist)."""
        self.wanted = variant
        if not self.ready or self.current == variant:
            return
        if variant not in self.ready:
            raise RuntimeError(
                f"No {variant} database: request the fixture as an argument or with usefixtures, "
                "so that it is known when the run starts."
            )
        if self.connection.in_atomic_block:
            raise RuntimeError(
                f"A test asks for the {variant} database inside a transaction of earlier tests: "
                "keep the tests of one TestCase class on one database."
            )
        self._point(self.copies[variant])
        self.current = variant

    def refresh(self):
        """Clone the current copy again (a transactional test flushed it)."""
        variant = self.current
        if variant is None:
            return
        self.connection.close()
        with self.admin() as admin:
            self._drop(admin, self.copies[variant])
            self._create(admin, self.copies[variant], self.templates[variant])
        self._point(self.copies[variant])

    def drop_copies(self):
        self.connection.close()
        with self.admin() as admin:
            for variant in self.ready:
                self._drop(admin, self.copies[variant])
        self.ready.clear()

    def drop_templates(self):
        """At the very end of a run: every database of the run (a killed worker leaves its copies)."""
        with self.admin() as admin:
            names = admin.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [self.prefix + "_"]
            ).fetchall()
            for (name,) in names:
                self._drop(admin, name)
