# Readiness: `make demo` runs the product, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/readiness
# The server's own database, to ask whether PostgreSQL is there (the test database is made by pytest).
PG_PING_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export READINESS_DATA_DIR ?= $(CURDIR)/data

.PHONY: demo test test-sqlite test-postgres lint chromium bench install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/readiness migrate --noinput
	$(BIN)/readiness demo load
	$(BIN)/readiness demo export --output-dir "$(READINESS_DATA_DIR)/exports"
	$(BIN)/readiness demo explain
	$(BIN)/readiness runserver --noreload 127.0.0.1:8000

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and we are not root: install Debian's chromium package" >&2; exit 1; fi; \
	fi
	@# The report's render checks: pdftoppm (poppler-utils) and LibreOffice without a display.
	@if ! command -v pdftoppm >/dev/null || ! command -v soffice >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's poppler-utils and libreoffice-writer-nogui for the render checks"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      poppler-utils libreoffice-writer-nogui >/dev/null; \
	  else echo "!! pdftoppm or soffice is missing and we are not root: the report render checks will be SKIPPED (install poppler-utils and libreoffice-writer-nogui)" >&2; fi; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install-test chromium
	env -u DATABASE_URL $(BIN)/pytest -q

test-postgres: install-test chromium
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_PING_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== PostgreSQL at 127.0.0.1:5432: running the suite again on it =="; \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -q; \
	else \
	  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	  echo "!! PostgreSQL is not reachable at $(PG_URL): the PostgreSQL run is SKIPPED" >&2; \
	  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2; \
	  if [ "$${CI:-}" = "true" ]; then echo "CI=true: PostgreSQL is required" >&2; exit 1; fi; \
	fi

test: lint test-sqlite test-postgres

bench: install-test
	$(BIN)/pip install --quiet -e ".[test,train]"
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data build *.egg-info
