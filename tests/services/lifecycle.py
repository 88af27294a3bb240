"""What every throw-away service shares: start, export its address, stop however the process ends.

A service (see ``Service``) starts a server of its own in a temporary directory, on a Unix socket or
a loopback port, and returns the environment variables that point the portal at it. It is stopped
and its directory removed on normal exit, on an exception, and on SIGTERM, SIGHUP or SIGINT, after
which the process dies of that signal as if it had not caught it.
"""

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# Signals that end a test run from outside: a CI timeout, a closed terminal, Ctrl-C. Inside pytest
# SIGINT stays Python's KeyboardInterrupt, which pytest turns into a summary, ``pytest_unconfigure``
# and an orderly exit; the command form catches it too, to let its command finish first.
FATAL_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
LIBRARY_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
STOP_TIMEOUT = 30
COMMAND_GRACE = 20

_live = []  # services of this process that are not stopped yet, newest last


def alive(pid):
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


def wait_gone(pid, timeout=STOP_TIMEOUT):
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


class Service:
    """One throw-away server. Subclasses set ``env_var`` and implement ``launch`` and ``shutdown``.

    ``launch`` starts the server inside ``self.workdir`` and returns its URL; ``shutdown`` stops it
    (it may run after a half-finished launch, so it checks what exists). The directory is removed
    after ``shutdown`` whatever happens.
    """

    env_var = None  # the environment variable the portal reads the service's URL from

    def __init__(self):
        self.workdir = None

    def needed(self, environ=os.environ):
        """Not when the environment already names a service of this kind (a developer's own server)."""
        return not environ.get(self.env_var)

    def start(self):
        # Registered before anything exists on disk, so that any ending from here on cleans up.
        _live.append(self)
        install_handlers(LIBRARY_SIGNALS)
        self.workdir = tempfile.mkdtemp(prefix=f"vmeste-{type(self).__name__.lower()}-")
        return self.launch()

    def stop(self):
        if self not in _live:
            return
        try:
            self.shutdown()
        finally:
            if self.workdir:
                shutil.rmtree(self.workdir, ignore_errors=True)
            _live.remove(self)

    def launch(self):
        raise NotImplementedError

    def shutdown(self):
        raise NotImplementedError


def stop_all():
    while _live:
        _live[-1].stop()


_children = []  # commands started by main(), to be ended before their services go away
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
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in pids:
        if alive(pid):
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


def install_handlers(signals):
    """Catch the signals whose handling nobody else changed (a nohup'd SIGHUP stays ignored)."""
    if not _handled:
        atexit.register(stop_all)
    for signum in set(signals) - _handled:
        _handled.add(signum)
        with contextlib.suppress(ValueError):  # not the main thread: atexit and ``finally`` remain
            if signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler):
                signal.signal(signum, _on_fatal_signal)


@contextlib.contextmanager
def running(service):
    """Start one service; yield its URL; stop it on leaving."""
    try:
        yield service.start()
    finally:
        service.stop()


@contextlib.contextmanager
def environment(services, environ=os.environ):
    """Start each service the environment does not name yet; yield the variables to add."""
    added = {}
    with contextlib.ExitStack() as stack:
        for service in services:
            if service.needed(environ):
                added[service.env_var] = stack.enter_context(running(service))
        yield added


def main(argv, services, usage=""):
    """``python -m tests.services -- COMMAND...``: COMMAND runs with every service started."""
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print(usage)
        return 2
    install_handlers(FATAL_SIGNALS)
    with environment(services) as added:
        for name, value in added.items():
            print(f"Test service: {name}={value}", flush=True)
        child = subprocess.Popen(argv, env=dict(os.environ, **added))
        _children.append(child)
        return child.wait()
