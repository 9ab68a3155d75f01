# The developer interface. CI (.ci/run) calls the same targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 4
PG_URL ?= postgres://postgres@127.0.0.1:5432/kinerja
EMPLOYEES ?= 600

.DEFAULT_GOAL := help
.PHONY: help install run serve seed test test-pg smoke lint fmt migrations-check deploy-check messages messages-check bench check clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.installed: node_modules/.installed scripts/vendor_assets.sh
	./scripts/vendor_assets.sh
	touch $@

install: $(VENV)/.installed static/vendor/.installed ## Set up Python and front-end packages, compile translations
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

run: install ## Set up, migrate, load the demo city if empty, serve on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_demo --if-empty --employees $(EMPLOYEES)
	$(MANAGE) collectstatic --noinput -v0
	$(MAKE) --no-print-directory serve

serve: ## Serve with gunicorn (production-grade WSGI server)
	$(VENV)/bin/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile - --log-level warning

seed: install ## Rebuild the demo city (EMPLOYEES=5000 for city scale)
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_demo --reset --employees $(EMPLOYEES)

test: install ## Run the whole test suite on SQLite
	$(VENV)/bin/pytest -n 2 -m "not browser"

test-pg: install ## Run the whole test suite on PostgreSQL (DATABASE_URL, default local trust auth)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(VENV)/bin/pytest -n 2 -m "not browser"

smoke: install ## Browser smoke test in headless Chromium (needs Debian's chromium)
	$(MANAGE) collectstatic --noinput -v0 --settings=config.settings.test
	$(VENV)/bin/pytest -m browser -p no:xdist

lint: install ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: install ## Format and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

deploy-check: install ## Django's deployment checklist under production settings
	DJANGO_SETTINGS_MODULE=config.settings.prod DJANGO_SECRET_KEY=deploy-check-$$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n') \
		$(MANAGE) check --deploy --fail-level WARNING

messages: install ## Refresh the Indonesian catalogue from the source
	$(MANAGE) makemessages -l id --ignore=.venv --ignore=node_modules --ignore=static --ignore=staticfiles --ignore=bench --ignore=screenshots --no-location --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

messages-check: install ## Fail when the catalogue is stale, incomplete or does not compile
	$(PY) scripts/check_messages.py

bench: install ## Benchmark the main pages at city scale; writes bench/results.json
	$(PY) bench/run.py

check: lint migrations-check deploy-check messages-check test test-pg smoke ## Every gate (what CI runs)

clean: ## Remove the local database, media and build output
	rm -rf db.sqlite3* var staticfiles bench/out
