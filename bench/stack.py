"""`make serve-prod`: the production stack on this machine, until Ctrl-C.

PostgreSQL comes from the wrapping ``tests.services``; this starts Debian's redis-server, migrates,
seeds, collects static files and runs gunicorn (2 sync workers) under ``cms.settings.production``
with the page cache in Redis, at http://HOST:PORT/. Media stay on the filesystem in a temporary
folder unless AWS_STORAGE_BUCKET_NAME names a bucket.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile


def main(host="127.0.0.1", port="8000"):
    from tests.services.lifecycle import running
    from tests.services.redis import Redis

    workdir = tempfile.mkdtemp(prefix="vmeste-prod-")
    try:
        with running(Redis()) as redis_url:
            env = {
                "DJANGO_SETTINGS_MODULE": "cms.settings.production",
                "SECRET_KEY": os.environ.get("SECRET_KEY", "local-production-check-only"),
                "REDIS_URL": redis_url,
                "STATIC_ROOT": os.path.join(workdir, "static"),
                "MEDIA_ROOT": os.path.join(workdir, "media"),
                "ALLOWED_HOSTS": f"{host},localhost",
                "SECURE_COOKIES": "0",
                "SITE_URL": f"http://{host}:{port}",
            }
            env = {**os.environ, **env}
            manage = [sys.executable, "manage.py"]
            for command in (["migrate", "--no-input", "-v0"], ["load_seed_content"], ["ensure_admin"]):
                subprocess.run(manage + command, env=env, check=True)
            subprocess.run(manage + ["collectstatic", "--no-input", "-v0"], env=env, check=True)
            print(f"\n  Portal: http://{host}:{port}/ru/  (gunicorn, 2 workers, Redis); Ctrl-C stops\n")
            gunicorn = [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--bind", f"{host}:{port}"]
            with contextlib.suppress(KeyboardInterrupt):
                subprocess.run(gunicorn + ["--workers", "2", "--timeout", "30"], env=env, check=False)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
