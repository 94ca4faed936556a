# The verbs a newcomer needs. `make run` and `make test` set everything up themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
FLASK := $(BIN)/flask --app portal
STATIC_SOURCES := $(shell find static/src -type f)
PO_FILES := $(wildcard translations/*/LC_MESSAGES/messages.po)

.PHONY: help setup run test test-unit test-integration test-browser lint translations bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: $(VENV)/.runtime static/dist/.built translations/.compiled instance ## Install and build what the portal needs

run: export PORTAL_ENV ?= development
run: setup ## Set up, migrate and serve the portal at http://$(HOST):$(PORT)
	$(FLASK) db upgrade
	$(FLASK) run --host $(HOST) --port $(PORT)

test: export PORTAL_ENV = test
test: setup $(VENV)/.test ## Set up and run every test tier
	$(BIN)/ruff check .
	$(BIN)/pytest tests/unit tests/integration
	CHROMIUM="$$(scripts/find-chromium)" $(BIN)/pytest tests/browser -n 2

test-unit: export PORTAL_ENV = test
test-unit: setup $(VENV)/.test ## Only the unit tests
	$(BIN)/pytest tests/unit

lint: $(VENV)/.test ## Check style and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

translations: $(VENV)/.runtime ## Extract interface strings, update the .po files, compile them
	$(BIN)/pybabel extract --no-location --omit-header --sort-output -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -i translations/messages.pot -d translations
	$(BIN)/pybabel compile --statistics -d translations
	@touch translations/.compiled

bench: export PORTAL_ENV = test
bench: setup ## Print the performance figures (page weight)
	$(BIN)/python benchmarks/page_weight.py

clean: ## Remove everything the set-up built
	rm -rf $(VENV) node_modules static/dist instance translations/.compiled
	find translations -name '*.mo' -delete

# --- how each piece is built: only when its inputs change ---------------------------

$(VENV)/.runtime: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

static/dist/.built: node_modules/.installed $(STATIC_SOURCES)
	rm -rf static/dist && mkdir -p static/dist/images
	npx sass --pkg-importer=node --style=compressed --no-source-map static/src/scss/portal.scss static/dist/portal.css
	npx rtlcss --silent static/dist/portal.css static/dist/portal-rtl.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/src/js/portal.mjs static/dist/
	cp static/src/images/* static/dist/images/
	@touch $@

translations/.compiled: $(VENV)/.runtime $(PO_FILES)
	$(BIN)/pybabel compile --statistics -d translations
	@touch $@

instance:
	mkdir -p instance
