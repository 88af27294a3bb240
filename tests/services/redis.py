"""A throw-away Debian redis-server on a loopback port, for the page cache tests and ``make bench``.

Not in ``services()``: only the tests that need Redis start it (a session fixture in
tests/serving/conftest.py), so the rest of the suite runs without it.
"""

import shutil
import subprocess

from .lifecycle import Service
from .loopback import free_port, stop_process, wait_for_port


class Redis(Service):
    env_var = "REDIS_URL"

    def __init__(self):
        super().__init__()
        self.process = None

    def launch(self):
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server not found; install Debian's 'redis-server' (make test does).")
        port = free_port()
        # volatile-lru: keys without expiry (the content generation) are never evicted.
        self.process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", self.workdir, "--maxmemory", "256mb", "--maxmemory-policy", "volatile-lru"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port, self.process)
        return f"redis://127.0.0.1:{port}/0"

    def shutdown(self):
        if self.process is not None:
            stop_process(self.process)
