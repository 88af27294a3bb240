"""A throw-away PostgreSQL cluster on a Unix socket.

Why not pytest-postgresql: it runs ``pg_ctl`` as the current user and has no option to run it as
another one, and PostgreSQL refuses to run as root, which is how this project's machines and CI run
(tried with pytest-postgresql 10.0.0: "pg_ctl: cannot be run as root"; upstream issues #341, #455).
Making it work would take a ``pg_ctl`` wrapper around runuser plus opening pytest's private
temporary directory to the ``postgres`` user. Its start-up is no faster: measured back to back on
the same (busy) 2-core machine, 3.6-4.4 s for pytest-postgresql run as the ``postgres`` user against
3.0-4.1 s here, nearly all of it initdb. It starts from a pytest fixture, while Django reads
DATABASE_URL before any fixture runs, and ``make bench`` needs the cluster outside pytest.
So this module starts the server itself, as the ``postgres`` user when run as root.
"""

import glob
import os
import pwd
import shutil
import signal
import subprocess
import time
from urllib.parse import quote

from .lifecycle import STOP_TIMEOUT, Service, alive, wait_gone


def find_bindir():
    """Debian's versioned server binaries, newest first; else whatever is on PATH."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
        reverse=True,
    )
    if candidates:
        return os.path.dirname(candidates[0])
    found = shutil.which("pg_ctl")
    if found:
        return os.path.dirname(found)
    raise RuntimeError(
        "PostgreSQL server binaries not found; install Debian's 'postgresql' package "
        "(make test does this) or set DATABASE_URL."
    )


def _runner():
    """initdb refuses to run as root: run the server as the 'postgres' system user then."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError as error:
        raise RuntimeError(
            "Running as root needs the 'postgres' system user (Debian's postgresql)."
        ) from error
    return ["runuser", "-u", "postgres", "--"], user


# A data directory that initdb made with the options below (``PostgresTemplate``): a cluster starts
# from a copy of it instead of running initdb, most of a start. For tests that start many clusters.
TEMPLATE_VAR = "VMESTE_POSTGRES_TEMPLATE"


class Postgres(Service):
    env_var = "DATABASE_URL"

    def __init__(self, dbname="vmeste"):
        super().__init__()
        self.dbname = dbname
        self.bindir = find_bindir()
        self.prefix, self.user = _runner()
        self.datadir = self.sockdir = None
        self.server_pid = None

    def needed(self, environ=os.environ):
        # The settings fall back to SQLite; only a PostgreSQL URL names a server to use.
        return not environ.get(self.env_var, "").startswith(("postgres://", "postgresql://"))

    def _bin(self, name):
        return os.path.join(self.bindir, name)

    def _run(self, *args):
        return subprocess.run([*self.prefix, *args], check=True, stdout=subprocess.DEVNULL)

    def _give_workdir(self, *paths):
        """The workdir (and paths in it) to the server's user, when that is another user."""
        if self.user is not None:
            os.chmod(self.workdir, 0o755)
            for path in (self.workdir, *paths):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)

    def _initdb(self, datadir):
        # --no-sync: nothing here has to survive a crash of the machine.
        self._run(
            self._bin("initdb"),
            *("-D", datadir, "-U", "postgres", "-A", "trust", "-E", "UTF8"),
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def launch(self):
        self.datadir = os.path.join(self.workdir, "data")
        self.sockdir = os.path.join(self.workdir, "sock")
        os.mkdir(self.sockdir)
        self._give_workdir(self.sockdir)
        template = os.environ.get(TEMPLATE_VAR)
        if template:
            self._run("cp", "-a", template, self.datadir)  # as the server's user: it owns the copy
        else:
            self._initdb(self.datadir)
        options = (
            f"-c listen_addresses='' -k {self.sockdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            self._bin("pg_ctl"),
            *("-D", self.datadir, "-o", options, "-w", "-s"),
            *("-l", os.path.join(self.workdir, "server.log"), "start"),
        )
        self.server_pid = self._read_server_pid()
        for _ in range(50):
            ready = subprocess.run([self._bin("pg_isready"), "-h", self.sockdir, "-q"], check=False)
            if ready.returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run([self._bin("createdb"), "-h", self.sockdir, "-U", "postgres", self.dbname], check=True)
        return f"postgres://postgres@{quote(self.sockdir, safe='')}/{self.dbname}"

    def _read_server_pid(self):
        """The postmaster's pid, from the first line of its lock file in our data directory."""
        try:
            with open(os.path.join(self.datadir, "postmaster.pid")) as lock:
                return int(lock.readline())
        except (OSError, ValueError):
            return None

    def _is_our_server(self, pid):
        """pid is still the postmaster of this data directory (pids get reused)."""
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                return self.datadir.encode() in cmdline.read().split(b"\0")
        except OSError:
            return False

    def shutdown(self):
        if self.datadir and os.path.exists(os.path.join(self.datadir, "postmaster.pid")):
            subprocess.run(
                [
                    *self.prefix,
                    self._bin("pg_ctl"),
                    *("-D", self.datadir, "-m", "fast", "-w", "-t", str(STOP_TIMEOUT), "-s", "stop"),
                ],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        # pg_ctl failed or the server was started but never recorded: end it by its pid, only if
        # that pid is still the postmaster of our own data directory.
        pid = self.server_pid or self._read_server_pid()
        if pid and alive(pid) and self._is_our_server(pid):
            os.kill(pid, signal.SIGQUIT)
            wait_gone(pid)


class PostgresTemplate(Postgres):
    """A data directory made by initdb, never started; ``launch`` returns its path for TEMPLATE_VAR."""

    env_var = TEMPLATE_VAR

    def needed(self, environ=os.environ):
        return not environ.get(self.env_var)

    def launch(self):
        self._give_workdir()
        self.datadir = os.path.join(self.workdir, "data")
        self._initdb(self.datadir)
        return self.datadir

    def shutdown(self):
        pass  # nothing runs; the directory goes with the workdir
