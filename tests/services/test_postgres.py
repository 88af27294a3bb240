"""The throw-away PostgreSQL cluster goes away with its process, however that process ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from django.conf import settings

from tests.services import lifecycle
from tests.services.postgres import TEMPLATE_VAR, PostgresTemplate

STARTUP_TIMEOUT = 120
EXIT_TIMEOUT = 90


def running(pid):
    """A process that exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def default_signals():
    """The signals as a foreground command gets them: a suite started in the background by a shell
    inherits SIGINT ignored, and the command form leaves an ignored signal ignored (as nohup wants)."""
    for signum in lifecycle.FATAL_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)


def wait_for(path, process):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not (path.exists() and path.read_text().endswith("\n")):
        assert process.poll() is None, f"exited early with {process.returncode}"
        assert time.monotonic() < deadline, "the cluster did not start in time"
        time.sleep(0.1)
    return path.read_text().strip()


def cluster_of(url):
    """The cluster's directory and server pid, from the socket directory in its URL."""
    workdir = Path(unquote(urlsplit(url).netloc.split("@", 1)[1])).parent
    server_pid = int((workdir / "data" / "postmaster.pid").read_text().splitlines()[0])
    return workdir, server_pid


@pytest.fixture(scope="module")
def initialised():
    """One initdb for the module: each test's cluster starts from a copy (what a cluster's process
    does at its end is the same either way; the run's own cluster still comes from initdb)."""
    with lifecycle.running(PostgresTemplate()) as datadir:
        yield datadir


@pytest.fixture
def launch(initialised):
    # Without the run's own DATABASE_URL, which would make the command form start no cluster.
    without_database = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    without_database[TEMPLATE_VAR] = initialised
    processes = []

    def start(args, log):
        with open(log, "w") as out:
            process = subprocess.Popen(
                [sys.executable, *args],
                cwd=settings.BASE_DIR,
                env=without_database,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=default_signals,
            )
        processes.append(process)
        return process

    yield start
    for process in processes:  # a failed test must not leave its cluster running either
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=EXIT_TIMEOUT)


def start_command(launch, tmp_path, command):
    process = launch(["-m", "tests.services", "--", "sh", "-c", command], tmp_path / "log")
    child_pid = int(wait_for(tmp_path / "child.pid", process))
    url = (tmp_path / "log").read_text().split("Test service: DATABASE_URL=", 1)[1].split()[0]
    return process, child_pid, *cluster_of(url)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_signal_stops_the_cluster_and_its_command(launch, tmp_path, signum):
    process, child_pid, workdir, server_pid = start_command(
        launch, tmp_path, f"echo $$ > {tmp_path}/child.pid; exec sleep 60"
    )
    assert running(server_pid) and running(child_pid) and workdir.is_dir()
    process.send_signal(signum)
    assert process.wait(timeout=EXIT_TIMEOUT) == -signum
    assert not running(server_pid)
    assert not running(child_pid)
    assert not workdir.exists()


def test_command_status_is_passed_on_and_nothing_is_left(launch, tmp_path):
    go = tmp_path / "go"
    process, _child, workdir, server_pid = start_command(
        launch, tmp_path, f"echo $$ > {tmp_path}/child.pid; while [ ! -e {go} ]; do sleep 0.05; done; exit 3"
    )
    go.touch()  # the command ends once the cluster was looked at, however slow the machine
    assert process.wait(timeout=EXIT_TIMEOUT) == 3
    assert not running(server_pid)
    assert not workdir.exists()


def library_script(tmp_path, body):
    """A program that starts the cluster as the pytest plugin does, then runs body inside it."""
    lines = [
        "import os, time",
        "from tests.services.lifecycle import running",
        "from tests.services.postgres import Postgres",
        "with running(Postgres()) as url:",
        f"    with open({str(tmp_path / 'url')!r}, 'w') as out:",
        "        out.write(url + '\\n')",
        *("    " + line for line in body.splitlines()),
    ]
    return "\n".join(lines) + "\n"


def test_sigterm_stops_a_cluster_used_as_a_library(launch, tmp_path):
    # The pytest plugin's way: no ``finally`` runs on SIGTERM unless the module handles it.
    process = launch(["-c", library_script(tmp_path, "time.sleep(60)")], tmp_path / "log")
    workdir, server_pid = cluster_of(wait_for(tmp_path / "url", process))
    assert running(server_pid)
    process.terminate()
    assert process.wait(timeout=EXIT_TIMEOUT) == -signal.SIGTERM
    assert not running(server_pid)
    assert not workdir.exists()


def test_an_exception_stops_the_cluster(launch, tmp_path):
    go = tmp_path / "go"
    body = f"while not os.path.exists({str(go)!r}):\n    time.sleep(0.1)\nraise RuntimeError('boom')"
    process = launch(["-c", library_script(tmp_path, body)], tmp_path / "log")
    workdir, server_pid = cluster_of(wait_for(tmp_path / "url", process))
    go.touch()
    assert process.wait(timeout=EXIT_TIMEOUT) == 1
    assert "RuntimeError: boom" in (tmp_path / "log").read_text()
    assert not running(server_pid)
    assert not workdir.exists()
