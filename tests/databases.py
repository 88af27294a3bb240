"""The test databases: migrations run once per run, the seed is loaded only for the tests that ask for it.

Template databases are built once per run:

- ``migrated``: every migration applied;
- ``minimal``: ``migrated`` plus ``tests.factories.build_minimal_site()`` (locales ru/en/be, the
  Russian home page as the default site's root and its en/be translations);
- ``seeded``: ``migrated`` plus ``load_seed_content``, only when a collected test asks for it.

A builder process (``python -m tests.databases TEMPLATE...``, started by tests/conftest.py once the
tests are collected) builds them while pytest runs the tests that need no database. Each template
has a PostgreSQL advisory lock: the builder holds the locks of all it will build and releases each
when its template is complete, so a test process waits for exactly the template it needs, or builds
it itself when nobody does. Templates get their final name only when complete.

Each pytest process clones its own copies (CREATE DATABASE ... TEMPLATE copies files, far faster
than migrating) and each test runs in a rolled-back transaction on the copy it asked for: tests that
request the ``seeded`` fixture use the seeded copy, all others the minimal one. The connection is
pointed at the right copy before a test's fixtures are set up. A copy that a transactional test
emptied is cloned again.
"""

import contextlib
import glob
import hashlib
import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

RUN_VARIABLE = "VMESTE_TEST_RUN"  # shared by the processes of one run, so they share the templates
LOCK_CLASS = 7_662_305  # any number: the first key of this harness's advisory locks
TEMPLATES = ("migrated", "minimal", "seeded")
VARIANTS = ("minimal", "seeded")


def run_id():
    """This run's id: set once in pytest's first process, inherited by the processes it starts."""
    return os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex[:8])


BASE_DIR = Path(__file__).resolve().parent.parent
# The ``migrated`` template as SQL, like Rails' structure.sql: restoring it takes about a second
# where running the 250-odd migrations (Wagtail's included) takes 20 s of CPU, on the critical path
# of every run. Its first line names the migrations, locks and settings it was made from; when they
# change, the migrations run instead until `make test-schema` writes it again.
SCHEMA_DUMP = BASE_DIR / "tests" / "schema" / "migrated.sql"
SCHEMA_INPUTS = ("*/migrations/*.py", "requirements.txt", "cms/settings/base.py", "cms/settings/test.py")


def schema_fingerprint():
    """A digest of everything the migrated database depends on."""
    digest = hashlib.sha256()
    for pattern in SCHEMA_INPUTS:
        for path in sorted(glob.glob(pattern, root_dir=BASE_DIR)):
            digest.update(path.encode() + b"\0" + (BASE_DIR / path).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _schema_header(server_version):
    return f"-- vmeste test schema {schema_fingerprint()} postgresql {server_version // 10000}\n"


def _client_command(name, connection):
    """A PostgreSQL client program with the arguments that reach ``connection``'s server."""
    from core.backup import client_args_and_env, client_tool

    args, env = client_args_and_env(connection.settings_dict)
    return [client_tool(name), *(["-X"] if name == "psql" else []), *args], env


def _restore_schema():
    """Fill the current database from SCHEMA_DUMP; False when it does not fit (then migrate)."""
    from django.db import connection

    from core.backup import BackupError

    try:
        with SCHEMA_DUMP.open(encoding="utf-8") as dump:
            header = dump.readline()
        connection.ensure_connection()
        if header != _schema_header(connection.pg_version):
            return False
        command, env = _client_command("psql", connection)
    except (OSError, BackupError):
        return False
    name = connection.settings_dict["NAME"]
    connection.close()
    command += ["-q", "-v", "ON_ERROR_STOP=1", "-d", name, "-f", str(SCHEMA_DUMP)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return True


def write_schema():
    """`make test-schema`: migrate a fresh database and write it to SCHEMA_DUMP."""
    from django.db import connection

    name = f"test_{connection.settings_dict['NAME']}_{run_id()}_schema"
    databases = TestDatabases(connection)
    with databases.admin() as admin:
        databases._drop(admin, name)
        databases._create(admin, name)
        databases._point(name)
        try:
            with databases.unblocked():
                call_migrate()
            header = _schema_header(connection.pg_version)
            connection.close()
            command, env = _client_command("pg_dump", connection)
            dump = subprocess.run(
                [*command, "--no-owner", "--no-privileges", name],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        finally:
            connection.close()
            databases._drop(admin, name)
    # pg_dump's \restrict key is random on every run; the file is ours, so it is left out.
    lines = [
        line for line in dump.splitlines(keepends=True) if not line.startswith(("\\restrict", "\\unrestrict"))
    ]
    SCHEMA_DUMP.parent.mkdir(exist_ok=True)
    SCHEMA_DUMP.write_text(header + "".join(lines), encoding="utf-8")
    return SCHEMA_DUMP


def call_migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)


def _migrate():
    if not _restore_schema():
        call_migrate()


def _minimal_site():
    from tests.factories import build_minimal_site

    build_minimal_site()


def _seed():
    from django.core.management import call_command

    call_command("load_seed_content", verbosity=0, stdout=io.StringIO())


# Each template: the template it is cloned from, and what fills it.
RECIPES = {
    "migrated": (None, _migrate),
    "minimal": ("migrated", _minimal_site),
    "seeded": ("migrated", _seed),
}


class TestDatabases:
    __test__ = False  # not a test class, whatever its name

    def __init__(self, connection, worker="main", unblocked=contextlib.nullcontext):
        self.connection = connection
        self.unblocked = unblocked  # lifts pytest-django's block on database access
        self.prefix = f"test_{connection.settings_dict['NAME']}_{run_id()}"
        self.templates = {name: f"{self.prefix}_{name}" for name in TEMPLATES}
        self.copies = {variant: f"{self.prefix}_{worker}_{variant}" for variant in VARIANTS}
        self.ready = set()  # variants whose copy exists
        self.started = False
        self.wanted = "minimal"
        self.current = None  # the variant the connection points at

    # -- server-level statements, on a connection of their own ----------------------------------
    def admin(self, dbname="postgres"):
        settings = self.connection.settings_dict
        params = {"dbname": dbname, "autocommit": True}
        for key in ("HOST", "PORT", "USER", "PASSWORD"):
            if settings.get(key):
                params[key.lower()] = str(settings[key])
        return psycopg.connect(**params)

    @staticmethod
    def _lock(admin, name, wait=True):
        function = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
        row = admin.execute(f"SELECT {function}(%s, %s)", [LOCK_CLASS, TEMPLATES.index(name)]).fetchone()
        return row[0] is not False

    @staticmethod
    def _unlock(admin, name):
        admin.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, TEMPLATES.index(name)])

    @staticmethod
    def _exists(admin, name):
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None

    @staticmethod
    def _create(admin, name, template=None):
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template is not None:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            if admin.info.server_version >= 150000:
                # Copying the files (and a checkpoint, cheap without fsync) takes a tenth of the
                # time of PostgreSQL 15's default, which writes every block of the copy to the WAL.
                query += sql.SQL(" STRATEGY FILE_COPY")
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

    # -- templates -------------------------------------------------------------------------------
    def _build(self, admin, template):
        """Build a template unless it exists; the caller holds its lock."""
        name = self.templates[template]
        if self._exists(admin, name):
            return
        source, fill = RECIPES[template]
        building = f"{name}_building"
        self._drop(admin, building)  # left by an interrupted build
        self._create(admin, building, source and self.templates[source])
        self._point(building)
        try:
            with self.unblocked():
                fill()
        finally:
            self.connection.close()
        rename = sql.SQL("ALTER DATABASE {} RENAME TO {}")
        admin.execute(rename.format(sql.Identifier(building), sql.Identifier(name)))

    def _ensure(self, admin, template):
        """The template exists: built by a builder (waited for) or here. One lock at a time."""
        source = RECIPES[template][0]
        if source is not None:
            self._ensure(admin, source)
        self._lock(admin, template)
        try:
            self._build(admin, template)
        finally:
            self._unlock(admin, template)

    def build(self, templates):
        """The builder's work: hold the locks of every template to build, release each when done."""
        templates = [name for name in TEMPLATES if name in templates]
        with self.admin() as admin:
            held = [name for name in templates if self._lock(admin, name, wait=False)]
            try:
                for name in held:
                    source = RECIPES[name][0]
                    if source is not None:  # skipped if a test process held its lock: wait for it
                        self._ensure(admin, source)
                    self._build(admin, name)
                    self._unlock(admin, name)
            finally:
                admin.execute("SELECT pg_advisory_unlock_all()")

    # -- this process's copies -------------------------------------------------------------------
    def _clone(self, variant):
        with self.admin() as admin:
            self._ensure(admin, variant)
            self._drop(admin, self.copies[variant])
            self._create(admin, self.copies[variant], self.templates[variant])
        self.ready.add(variant)

    def setup(self):
        """The minimal copy now; the seeded one when a test first asks for it."""
        self._clone("minimal")
        self.started = True
        self.current = None
        self.want(self.wanted)

    def want(self, variant):
        """The next test runs on this variant (applied at once once the databases are set up)."""
        self.wanted = variant
        if not self.started or self.current == variant:
            return
        if self.connection.in_atomic_block:
            raise RuntimeError(
                f"A test asks for the {variant} database inside a transaction of earlier tests: "
                "keep the tests of one TestCase class on one database."
            )
        if variant not in self.ready:
            self._clone(variant)
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

    def clone_to(self, variant, name):
        """A database ``name`` of the run cloned from a template, for servers a test starts itself.

        Name it with ``self.prefix`` so that ``drop_all`` removes it whatever happens to the test.
        """
        with self.admin() as admin:
            self._ensure(admin, variant)
            self._drop(admin, name)
            self._create(admin, name, self.templates[variant])

    def drop_database(self, name):
        with self.admin() as admin:
            self._drop(admin, name)

    def drop_copies(self):
        self.connection.close()
        with self.admin() as admin:
            for variant in self.ready:
                self._drop(admin, self.copies[variant])
        self.ready.clear()
        self.started = False

    def drop_all(self):
        """At the very end of a run: every database of the run (a killed process leaves its own)."""
        with self.admin() as admin:
            names = admin.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [self.prefix + "_"]
            ).fetchall()
            for (name,) in names:
                self._drop(admin, name)


def main(templates):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if templates == ["--write-schema"]:
        print(f"Wrote {write_schema().relative_to(BASE_DIR)}")
        return
    TestDatabases(connection).build(templates)


if __name__ == "__main__":
    main(sys.argv[1:])
