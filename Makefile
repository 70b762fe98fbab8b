# Readiness: `make demo` runs the product, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/readiness
# The server's own database, to ask whether PostgreSQL is there (the test database is made by pytest).
PG_PING_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export READINESS_DATA_DIR ?= $(CURDIR)/data

# The production server's one command line, also in Containerfile and compose.yaml (a test compares).
GUNICORN := gunicorn --config python:readiness.gunicorn_config readiness.wsgi

.PHONY: demo serve worker test test-sqlite lint system-packages bench install install-test clean

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
	@scripts/debian-packages "scanned documents are kept as needing OCR" tesseract:tesseract-ocr
	$(BIN)/readiness migrate --noinput
	$(BIN)/readiness demo load
	$(BIN)/readiness demo export --output-dir "$(READINESS_DATA_DIR)/exports"
	$(BIN)/readiness demo explain
	# One worker beside the server runs the background work (uploads, data and case list
	# imports, realignment, prepared reports: docs/deploy.md, "Background work"); it stops
	# with the server. On this machine only, the development server may use the development
	# secret key.
	$(BIN)/readiness worker --no-reload & worker=$$!; trap 'kill $$worker' EXIT; \
	READINESS_ALLOW_DEV_SECRET=true $(BIN)/readiness runserver --noreload 127.0.0.1:8000

# The production server (docs/deploy.md): gunicorn, on the settings in the environment. It
# refuses to start without a real READINESS_SECRET_KEY.
serve: install
	$(BIN)/readiness migrate --noinput
	$(BIN)/$(GUNICORN)

# The background worker beside `make serve` (docs/deploy.md, "Background work"): one or more,
# on this machine or others sharing the database.
worker: install
	$(BIN)/readiness worker --no-reload

# Debian packages, installed when missing and we are root (scripts/debian-packages waits for
# apt's locks and retries): Chromium for the browser tests, poppler and LibreOffice for the
# render checks, faketime for the runs with the clock moved, Tesseract for reading scans.
system-packages:
	@scripts/debian-packages "PDFs cannot be printed (WeasyPrint needs Pango)" \
	  /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0:libpango-1.0-0 \
	  /usr/lib/x86_64-linux-gnu/libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
	  /usr/lib/x86_64-linux-gnu/libharfbuzz-subset.so.0:libharfbuzz-subset0
	@scripts/debian-packages "the browser tests fail" /usr/bin/chromium:chromium
	@scripts/debian-packages "the report render checks are SKIPPED" \
	  pdftoppm:poppler-utils soffice:libreoffice-writer-nogui
	@scripts/debian-packages "the runs with the clock moved are SKIPPED" faketime:faketime
	@scripts/debian-packages "the OCR tests are SKIPPED" tesseract:tesseract-ocr

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# One quick run on SQLite alone, for a developer at work.
test-sqlite: install-test system-packages
	env -u DATABASE_URL $(BIN)/pytest -q

# Every run goes to its end (SQLite, PostgreSQL, then SQLite with the clock moved to each of
# READINESS_FAKE_DAYS), then all their summaries; any failure fails `make test`.
test: lint install-test system-packages
	BIN=$(BIN) PG_URL=$(PG_URL) PG_PING_URL=$(PG_PING_URL) scripts/test-suites

bench: install-test
	$(BIN)/pip install --quiet -e ".[test,train]"
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) data build *.egg-info
