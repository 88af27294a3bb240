"""Services the serving tests and `make bench` start for themselves on loopback: Debian's
redis-server, moto's S3 server, gunicorn, and a TCP relay to PostgreSQL that can refuse or hang.

Each is a context manager that stops only the process it started, by its pid, and waits for it.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

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


def stop(process, timeout=20):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


@contextlib.contextmanager
def redis_server():
    """A throw-away redis-server on a loopback port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server not found; install Debian's 'redis-server' (make test does this).")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="vmeste-redis-")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", workdir, "--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def s3_server(bucket="vmeste-media"):
    """moto's S3 API in server mode on a loopback port, with ``bucket`` created; yields the endpoint."""
    import boto3

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, process)
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )
        client.create_bucket(Bucket=bucket)
        yield endpoint
    finally:
        stop(process)


S3_ENV = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_S3_REGION_NAME": "us-east-1"}


@contextlib.contextmanager
def gunicorn(env, port=None, workers=2, app="cms.wsgi:application", cwd=None):
    """gunicorn with sync workers on a loopback port; yields its base URL."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        + ["--timeout", "30", "--graceful-timeout", "5", "--log-level", "warning"],
        env={**os.environ, **env},
        cwd=cwd,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def get(url, headers=None, timeout=120):
    """(status, headers, body) of a GET, without raising on error statuses."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


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
