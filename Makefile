# The two commands a new user needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEMPLATES = $(shell find templates */templates -name '*.html' 2>/dev/null)

.PHONY: run install setup messages test test-inner lint bench clean

## make run: install, migrate, compile translations, load seed content, create an admin, serve.
run: setup
	@echo ""
	@echo "  Portal:  http://$(HOST):$(PORT)/ru/"
	@echo "  Admin:   http://$(HOST):$(PORT)/admin/  (see the administrator line above)"
	@echo ""
	DEBUG=$${DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

install:
	scripts/bootstrap.sh

setup: install messages
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_seed_content
	$(PY) manage.py update_index -v0
	$(PY) manage.py ensure_admin

messages:
	$(PY) manage.py compilemessages --ignore=.venv -v0

## make test: lint and the whole suite against a throw-away PostgreSQL cluster.
test:
	scripts/bootstrap.sh dev
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) -m tests.pgcluster -- $(MAKE) --no-print-directory test-inner

test-inner: lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATES)

## make bench: render timings, query counts and memory on a throw-away PostgreSQL database.
bench:
	scripts/bootstrap.sh dev
	$(PY) -m tests.pgcluster -- $(PY) -m bench

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
