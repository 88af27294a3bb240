# The two commands a new user needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The oldest Python 3.11 the locks must install on (Debian's is 3.11.2).
LOCK_FLAGS = --python-version 3.11 --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
TEMPLATES = $(shell find templates */templates -name '*.html' 2>/dev/null)
# The suite starts dozens of Python processes (xdist workers, the template builder, gunicorn, job
# workers); with bytecode caching off each one compiles every module again, 2 s of CPU apiece.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run install setup messages test test-schema fuzz lint lock bench serve-prod clean

## make run: install, migrate, compile translations, load seed content, create an admin, serve (with the worker).
run: setup
	@echo ""
	@echo "  Portal:  http://$(HOST):$(PORT)/ru/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/  (see the administrator line above)"
	@echo ""
	@# The background worker (CSV imports, PO uploads, e-mails) runs beside the server and stops with it.
	$(PY) manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT)

install:
	scripts/bootstrap.sh

setup: install messages
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_seed_content
	$(PY) manage.py update_index -v0
	$(PY) manage.py ensure_admin

messages:
	$(PY) manage.py compilemessages --ignore=.venv -v0

## make test: lint, then the whole suite in TEST_PROCESSES processes (pytest-xdist, a test module
## per process at a time, in the order tests/conftest.py sets); pytest compiles the message catalogs
## and starts a throw-away PostgreSQL cluster itself (tests/plugin.py), so a plain `.venv/bin/pytest`
## does too.
TEST_PROCESSES ?= 2
test: lint
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

## make test-schema: after a migration or a lock change, write tests/schema/migrated.sql again
## (the migrated test database as SQL: restored in a second where the migrations take 20 s).
test-schema:
	scripts/bootstrap.sh dev
	$(PY) -m tests.services -- $(PY) -m tests.databases --write-schema

## make fuzz: the fuzz test with every hostile value in every parameter alone (longer than the suite's).
fuzz:
	scripts/bootstrap.sh dev
	VMESTE_FUZZ=full $(PY) -m pytest tests/core/test_fuzz.py

lint:
	scripts/bootstrap.sh dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATES)

## make lock: requirements.txt and requirements-dev.txt from the .in files (UPGRADE=1 to move pins up).
lock:
	scripts/bootstrap.sh dev
	$(VENV)/bin/uv pip compile -q requirements.in -o requirements.txt $(LOCK_FLAGS)
	$(VENV)/bin/uv pip compile -q requirements-dev.in -o requirements-dev.txt $(LOCK_FLAGS)
	scripts/bootstrap.sh dev

## make bench: queries per page, then req/s and p99 of gunicorn + Redis against a bare Django app.
bench:
	scripts/bootstrap.sh dev
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) -m tests.services -- $(PY) -m bench

## make serve-prod: the production stack locally: PostgreSQL, Redis, gunicorn (2 workers), whitenoise.
serve-prod:
	scripts/bootstrap.sh dev
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) -m tests.services -- $(PY) -m bench.stack $(HOST) $(PORT)

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
