# The two commands a new user needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The oldest Python 3.11 the locks must install on (Debian's is 3.11.2).
LOCK_FLAGS = --python-version 3.11 --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
TEMPLATES = $(shell find templates */templates -name '*.html' 2>/dev/null)

.PHONY: run install setup messages test lint lock bench clean

## make run: install, migrate, compile translations, load seed content, create an admin, serve (with the worker).
run: setup
	@echo ""
	@echo "  Portal:  http://$(HOST):$(PORT)/ru/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/  (see the administrator line above)"
	@echo ""
	@# The background worker (CSV imports, PO uploads, e-mails) runs beside the server and stops with it.
	$(PY) manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

install:
	scripts/bootstrap.sh

setup: install messages
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_seed_content
	$(PY) manage.py ensure_admin

messages:
	$(PY) manage.py compilemessages --ignore=.venv -v0

## make test: lint, then the whole suite; pytest compiles the message catalogs and starts a
## throw-away PostgreSQL cluster itself (tests/plugin.py), so a plain `.venv/bin/pytest` does too.
test: lint
	$(PY) -m pytest

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

## make bench: render timings, query counts and memory on a throw-away PostgreSQL database.
bench:
	scripts/bootstrap.sh dev
	$(PY) -m tests.services -- $(PY) -m bench

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
