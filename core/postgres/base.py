"""Django's PostgreSQL backend with a client-side deadline on every wait for the server.

``statement_timeout`` lets a working server cancel a slow statement and ``connect_timeout`` bounds
connecting, but neither helps when the server, or the network to it, stops answering on a
connection that is already open (a persistent one, ``DB_CONN_MAX_AGE``): the worker would wait
forever, in a query or in Django's health check. Here every wait for an answer ends after
``RESPONSE_TIMEOUT`` seconds (the ``DATABASES`` entry); the connection is then closed and Django
raises ``OperationalError``, which readers see as the cached page or a 503, and the next request
connects again.
"""

import psycopg
from psycopg import errors

from django.db.backends.postgresql import base

# Django's health check of a persistent connection is a bare SELECT 1: it never needs long.
HEALTH_CHECK_TIMEOUT = 1.0


class DeadlineConnection(psycopg.Connection):
    response_timeout = None

    def wait(self, gen, interval=0.1, timeout=None):
        if timeout is not None or not self.response_timeout:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.response_timeout)
        except errors._WaitTimeout:
            # The connection is in an unknown state: drop it rather than wait for the server.
            self.pgconn.finish()
            raise psycopg.OperationalError(
                f"the database did not answer within {self.response_timeout:g} s"
            ) from None


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        timeout = self.settings_dict.get("RESPONSE_TIMEOUT")
        if timeout and type(connection) is psycopg.Connection:
            connection.__class__ = DeadlineConnection
            connection.response_timeout = float(timeout)
        return connection

    def is_usable(self):
        connection = self.connection
        if not isinstance(connection, DeadlineConnection):
            return super().is_usable()
        saved = connection.response_timeout
        connection.response_timeout = min(saved, HEALTH_CHECK_TIMEOUT)
        try:
            return super().is_usable()
        finally:
            connection.response_timeout = saved
