"""A throw-away PostgreSQL cluster on a Unix socket, for tests.

Usage as a command: ``python -m tests.pgcluster -- COMMAND...`` starts a
cluster, runs COMMAND with DATABASE_URL pointing at it, stops the cluster and
exits with COMMAND's status. The pytest plugin tests/postgres.py uses ``cluster()``.

The cluster is stopped and its directory removed however the process ends: on
normal exit, on an exception, and on SIGTERM, SIGHUP or SIGINT, after which
the process dies of that signal as if it had not caught it.
"""

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

# Signals that end a test run from outside: a CI timeout, a closed terminal, Ctrl-C. Inside pytest
# SIGINT stays Python's KeyboardInterrupt, which pytest turns into a summary, ``pytest_unconfigure``
# and an orderly exit; the command form catches it too, to let its command finish first.
FATAL_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
LIBRARY_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
STOP_TIMEOUT = 30
COMMAND_GRACE = 20

_live = []  # clusters of this process that are not stopped yet, newest last


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


def _alive(pid):
    """Whether pid is a running process (a zombie waiting for its parent counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


class Cluster:
    def __init__(self, dbname="vmeste"):
        self.dbname = dbname
        self.bindir = find_bindir()
        self.prefix, self.user = _runner()
        self.workdir = self.datadir = self.sockdir = None
        self.server_pid = None

    def _bin(self, name):
        return os.path.join(self.bindir, name)

    def _run(self, *args):
        return subprocess.run([*self.prefix, *args], check=True, stdout=subprocess.DEVNULL)

    def start(self):
        # Registered before anything exists on disk, so that any ending from here on cleans up.
        _live.append(self)
        _install_handlers(LIBRARY_SIGNALS)
        self.workdir = tempfile.mkdtemp(prefix="vmeste-pg-")
        self.datadir = os.path.join(self.workdir, "data")
        self.sockdir = os.path.join(self.workdir, "sock")
        os.mkdir(self.sockdir)
        if self.user is not None:
            os.chmod(self.workdir, 0o755)
            for path in (self.workdir, self.sockdir):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
        self._run(
            self._bin("initdb"),
            "-D",
            self.datadir,
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-c listen_addresses='' -k {self.sockdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            self._bin("pg_ctl"),
            "-D",
            self.datadir,
            "-o",
            options,
            "-w",
            "-s",
            "-l",
            os.path.join(self.workdir, "server.log"),
            "start",
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

    def stop(self):
        if self not in _live:
            return
        try:
            if self.datadir and os.path.exists(os.path.join(self.datadir, "postmaster.pid")):
                subprocess.run(
                    [
                        *self.prefix,
                        self._bin("pg_ctl"),
                        "-D",
                        self.datadir,
                        "-m",
                        "fast",
                        "-w",
                        "-t",
                        str(STOP_TIMEOUT),
                        "-s",
                        "stop",
                    ],
                    check=False,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            # pg_ctl failed or the server was started but never recorded: end it by its pid, only if
            # that pid is still the postmaster of our own data directory.
            pid = self.server_pid or self._read_server_pid()
            if pid and _alive(pid) and self._is_our_server(pid):
                os.kill(pid, signal.SIGQUIT)
                deadline = time.monotonic() + STOP_TIMEOUT
                while _alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.1)
        finally:
            if self.workdir:
                shutil.rmtree(self.workdir, ignore_errors=True)
            _live.remove(self)


def stop_all():
    while _live:
        _live[-1].stop()


_children = []  # commands started by main(), to be ended before their database goes away
_handled = set()


def _group_has_it(signum):
    """Ctrl-C and a terminal hang-up reach the whole foreground group: the command has it already."""
    if signum == signal.SIGTERM:
        return False
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, ValueError, AttributeError):
        return False


def _end_children(signum):
    # The interrupted main code holds Popen's wait lock: only poll here, whoever reaps later.
    forward = not _group_has_it(signum)
    pids = [child.pid for child in _children if child.returncode is None]
    for pid in pids:
        if forward:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)
    deadline = time.monotonic() + COMMAND_GRACE
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in pids:
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _on_fatal_signal(signum, frame):
    # A second signal must not interrupt the cleanup half-way.
    for other in FATAL_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    try:
        _end_children(signum)
        stop_all()
    finally:
        # Die of the same signal, so the caller sees the conventional status (128 + signal).
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        # SIGINT and friends are delivered on return; this is only reached if the signal was blocked.
        sys.exit(128 + signum)


def _install_handlers(signals):
    """Catch the signals whose handling nobody else changed (a nohup'd SIGHUP stays ignored)."""
    if not _handled:
        atexit.register(stop_all)
    for signum in set(signals) - _handled:
        _handled.add(signum)
        with contextlib.suppress(ValueError):  # not the main thread: atexit and ``finally`` remain
            if signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler):
                signal.signal(signum, _on_fatal_signal)


@contextlib.contextmanager
def cluster(dbname="vmeste"):
    running = Cluster(dbname)
    try:
        yield running.start()
    finally:
        running.stop()


def main(argv):
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print(__doc__)
        return 2
    _install_handlers(FATAL_SIGNALS)
    with cluster() as url:
        print(f"PostgreSQL test cluster: {url}", flush=True)
        env = dict(os.environ, DATABASE_URL=url)
        child = subprocess.Popen(argv, env=env)
        _children.append(child)
        return child.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
