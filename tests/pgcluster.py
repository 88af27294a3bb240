"""A throw-away PostgreSQL cluster on a Unix socket, for tests.

Usage as a command: ``python -m tests.pgcluster -- COMMAND...`` starts a
cluster, runs COMMAND with DATABASE_URL pointing at it, stops the cluster and
exits with COMMAND's status. The pytest plugin tests/postgres.py uses ``cluster()``.
"""

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote


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


@contextlib.contextmanager
def cluster(dbname="vmeste"):
    bindir = find_bindir()
    prefix, user = _runner()
    workdir = tempfile.mkdtemp(prefix="vmeste-pg-")
    datadir = os.path.join(workdir, "data")
    sockdir = os.path.join(workdir, "sock")
    os.mkdir(sockdir)
    if user is not None:
        os.chmod(workdir, 0o755)
        for path in (workdir, sockdir):
            os.chown(path, user.pw_uid, user.pw_gid)

    def run(*args, **kwargs):
        return subprocess.run([*prefix, *args], check=True, stdout=subprocess.DEVNULL, **kwargs)

    run(
        os.path.join(bindir, "initdb"),
        "-D",
        datadir,
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    options = (
        f"-c listen_addresses='' -k {sockdir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    run(
        os.path.join(bindir, "pg_ctl"),
        "-D",
        datadir,
        "-o",
        options,
        "-w",
        "-s",
        "-l",
        os.path.join(workdir, "server.log"),
        "start",
    )
    try:
        for _ in range(50):
            ready = subprocess.run([os.path.join(bindir, "pg_isready"), "-h", sockdir, "-q"], check=False)
            if ready.returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run(
            [os.path.join(bindir, "createdb"), "-h", sockdir, "-U", "postgres", dbname],
            check=True,
        )
        yield f"postgres://postgres@{quote(sockdir, safe='')}/{dbname}"
    finally:
        subprocess.run(
            [*prefix, os.path.join(bindir, "pg_ctl"), "-D", datadir, "-m", "fast", "-w", "-s", "stop"],
            check=False,
        )
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv):
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print(__doc__)
        return 2
    with cluster() as url:
        print(f"PostgreSQL test cluster: {url}", flush=True)
        env = dict(os.environ, DATABASE_URL=url)
        return subprocess.run(argv, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
