"""Throw-away servers for the tests, started on this machine and gone when the run ends.

Usage as a command: ``python -m tests.services -- COMMAND...`` starts every service below that the
environment does not name already, runs COMMAND with their variables (DATABASE_URL, ...), stops
them and exits with COMMAND's status. The pytest plugin ``tests.plugin`` does the same
around a pytest run, before Django reads its settings.

To add a service (Redis, an S3 server, ...): subclass ``lifecycle.Service`` in a module here, with
``env_var`` and the ``launch``/``shutdown`` methods (see ``postgres.Postgres``), and add it to
``services()``. Start it on a Unix socket or a loopback port inside ``self.workdir``.

Services only some tests need stay out of ``services()`` and are started by a session fixture with
``lifecycle.running``: ``redis.Redis`` and ``s3.S3`` (moto) for tests/serving and ``make bench``;
``loopback`` has gunicorn as a service and a relay to PostgreSQL that can play a database fault.
"""


def services():
    """A fresh instance of each service, in start order."""
    from .postgres import Postgres

    return [Postgres()]
