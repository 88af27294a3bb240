"""Loopback helpers of the serving tests and ``make bench``: free ports, a plain HTTP GET, gunicorn
as a throw-away service, and a TCP relay to PostgreSQL that can play a database that is down or frozen.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from .lifecycle import Service

START_TIMEOUT = 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process=None, timeout=START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def stop_process(process, timeout=20, signum=signal.SIGTERM):
    """End a process this run started, by its Popen handle (its own pid only)."""
    if process.poll() is None:
        process.send_signal(signum)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


def children(pid):
    """The pids of a process's children (Linux; none where the kernel does not list them)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listed:
            return [int(child) for child in listed.read().split()]
    except OSError:
        return []


def get(url, headers=None, timeout=120):
    """(status, headers, body) of a GET, without raising on error statuses."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Gunicorn(Service):
    """gunicorn with sync workers on a loopback port; ``launch`` returns its base URL."""

    env_var = None

    def __init__(self, env, workers=2, app="cms.wsgi:application", wait=True, preload=False):
        super().__init__()
        self.env, self.workers, self.app, self.wait, self.preload = env, workers, app, wait, preload
        self.process = None
        self.port = None

    def launch(self):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", self.app, "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(self.workers), "--timeout", "30", "--graceful-timeout", "5"]
            # No control socket: by default every instance on the machine shares one path in $HOME.
            + ["--log-level", "warning", "--worker-tmp-dir", self.workdir, "--no-control-socket"]
            + (["--preload"] if self.preload else []),
            env={**os.environ, **self.env},
        )
        if self.wait:
            self.ready()
        return f"http://127.0.0.1:{self.port}"

    def ready(self):
        """Wait until it listens (``wait=False`` lets several instances start side by side).

        With ``preload`` the master imports the app before it listens; otherwise the workers import
        it after, and the first requests wait for them.
        """
        wait_for_port(self.port, self.process)

    def shutdown(self):
        if self.process is None or self.process.poll() is not None:
            return
        # Nothing is left to finish at the end of a test, and an orderly exit costs each process
        # seconds of interpreter teardown: killed, the master first so that it replaces no worker.
        workers = children(self.process.pid)
        stop_process(self.process, signum=signal.SIGKILL)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


class DatabaseRelay:
    """A loopback TCP port relaying to PostgreSQL's Unix socket that can play a database that is
    down (``refuse``: nothing listens and open connections are cut) or frozen (``hang``: new
    connections are accepted and never answered, open ones stop forwarding), and recover."""

    def __init__(self, socket_path):
        self.socket_path = socket_path
        self.mode = "relay"
        self.port = free_port()
        self._listener = None
        self._stopped = threading.Event()
        self._flowing = threading.Event()
        self._flowing.set()
        self._lock = threading.Lock()
        self._sockets = []

    def __enter__(self):
        self._listen()
        return self

    def __exit__(self, *exc):
        self._stopped.set()
        self._close_listener()
        self._cut()
        self._flowing.set()

    def _listen(self):
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", self.port))
        self._listener.listen(64)
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def _close_listener(self):
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone leaves it listening.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                self._listener.close()
            self._listener = None

    def _keep(self, *socks):
        with self._lock:
            self._sockets.extend(socks)

    def _cut(self):
        with self._lock:
            socks, self._sockets = self._sockets, []
        for sock in socks:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def set_mode(self, mode):
        """``relay``, ``refuse`` (down) or ``hang`` (frozen)."""
        self.mode = mode
        if mode == "refuse":
            self._close_listener()
            self._cut()
        elif self._listener is None:
            self._listen()
        if mode == "hang":
            self._flowing.clear()
        else:
            if mode == "relay":
                # Connections frozen meanwhile were given up by their clients: end them.
                self._cut()
            self._flowing.set()

    def _accept(self, listener):
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self._keep(client)
            if self.mode == "hang":
                continue
            if self.mode == "refuse":
                client.close()
                continue
            try:
                upstream = socket.socket(socket.AF_UNIX)
                upstream.connect(self.socket_path)
            except OSError:
                client.close()
                continue
            self._keep(upstream)
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    def _pipe(self, source, target):
        try:
            while chunk := source.recv(65536):
                # Frozen: hold what arrives; the data moves on only if the relay recovers first.
                while not self._flowing.wait(0.5):
                    if self._stopped.is_set():
                        return
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
