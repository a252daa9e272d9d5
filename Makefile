# Samverkan. `make run` and `make test` are all a new machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install assets chromium lint format migrate demo worker messages clean bench

## Set up everything, load the demo data and serve the app with its worker on http://127.0.0.1:8000
run: install migrate demo
	@echo "Samverkan: http://$(HOST):$(PORT)/ (stop with Ctrl-C)"
	@trap 'kill 0' EXIT INT TERM; \
	  { $(MANAGE) requeue_unsent_mail && $(MANAGE) db_worker; } & \
	  $(MANAGE) runserver --noreload $(HOST):$(PORT)

## Set up everything and run the whole test suite, browser tests included
test: install chromium
	$(BIN)/pytest

install: $(VENV)/.installed assets

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

assets: node_modules/.package-lock.json
	mkdir -p samverkan/static/vendor/designsystemet samverkan/static/vendor/htmx
	cp node_modules/@digdir/designsystemet-css/dist/src/index.css samverkan/static/vendor/designsystemet/index.css
	cp node_modules/@digdir/designsystemet-css/dist/theme/designsystemet.css samverkan/static/vendor/designsystemet/theme.css
	cp node_modules/htmx.org/dist/htmx.min.js samverkan/static/vendor/htmx/htmx.min.js

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo

worker: install
	$(MANAGE) requeue_unsent_mail
	$(MANAGE) db_worker

## Time the main pages on national-scale data with gunicorn (docs/benchmarks.md); DATABASE_URL picks the engine
bench: install
	$(PY) -m bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_hex(40))') \
	  ALLOWED_HOSTS=samverkan.example $(MANAGE) check --deploy --fail-level WARNING

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Update Swedish translations after changing strings, then compile them
messages: install
	$(MANAGE) makemessages -l sv --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var
	$(MANAGE) compilemessages -l sv --ignore=.venv

clean:
	rm -rf $(VENV) node_modules var samverkan/static/vendor
