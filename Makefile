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

.PHONY: help setup run preview audit test test-postgres test-clock test-unit test-integration test-browser lint translations bench bench-weight bench-throughput bench-slow-network bench-scale bench-messages clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: $(VENV)/.runtime static/dist/.built translations/.compiled instance ## Install and build what the portal needs

run: export PORTAL_ENV ?= development
run: setup .flaskenv ## Set up, migrate and serve the portal at http://$(HOST):$(PORT)
	$(FLASK) db upgrade
	@# The messages worker beside the server: what forms send shows at /development/messages.
	$(FLASK) messages work & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(FLASK) run --host $(HOST) --port $(PORT)

preview: export PORTAL_ENV = preview
preview: setup .flaskenv ## Serve the content designers' preview (drafts shown, reloads on save) at http://$(HOST):$(PORT)/preview/
	$(FLASK) db upgrade
	$(FLASK) run --host $(HOST) --port $(PORT) --debug

test: export PORTAL_ENV = test
test: setup .flaskenv $(VENV)/.test ## Set up and run every test tier
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(FLASK) content check
	$(BIN)/pytest tests/unit tests/integration -n 2
	scripts/clock-tier
	$(MAKE) --no-print-directory test-postgres
	CHROMIUM="$$(scripts/find-chromium)" $(BIN)/pytest tests/browser -n 2
	CHROMIUM="$$(scripts/find-chromium)" $(FLASK) a11y audit --fail-on-issues

test-postgres: export PORTAL_ENV = test
test-postgres: setup .flaskenv $(VENV)/.test ## The integration tier on PostgreSQL, and the multi-server, load and fault tests
	scripts/test-services start > instance/test-services.env
	# The page sweeps (marked `rendering`) ran on SQLite above: no database changes them.
	env $$(cat instance/test-services.env) $(BIN)/pytest tests/integration -n 2 -m "not rendering"
	env $$(cat instance/test-services.env) $(BIN)/pytest tests/system

audit: export PORTAL_ENV ?= development
audit: setup .flaskenv $(VENV)/.audit ## Check every page with axe (WCAG 2.2 AA) and update the accessibility statement's results
	$(FLASK) db upgrade
	CHROMIUM="$$(scripts/find-chromium)" $(FLASK) a11y audit

test-clock: export PORTAL_ENV = test
test-clock: setup .flaskenv $(VENV)/.test ## The tests about dates and periods, with the real clock at awkward moments
	scripts/clock-tier

test-unit: export PORTAL_ENV = test
test-unit: setup .flaskenv $(VENV)/.test ## Only the unit tests
	$(BIN)/pytest tests/unit

lint: $(VENV)/.test ## Check style, formatting and types
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

translations: $(VENV)/.runtime ## Extract interface strings, update the .po files, compile them
	$(BIN)/pybabel extract --no-location --omit-header --sort-output -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -i translations/messages.pot -d translations
	$(BIN)/pybabel compile --statistics -d translations
	@touch translations/.compiled

bench: bench-weight bench-throughput bench-slow-network bench-scale bench-messages ## Run every benchmark and print its figures

bench-weight: export PORTAL_ENV = test
bench-weight: setup $(VENV)/.bench ## Bytes each page costs to send, with and without lite mode
	$(BIN)/python -m benchmarks.page_weight

bench-throughput: export PORTAL_ENV = test
bench-throughput: setup $(VENV)/.bench ## Requests per second and latency under gunicorn, against a static baseline
	$(BIN)/python -m benchmarks.throughput

bench-slow-network: export PORTAL_ENV = test
bench-slow-network: setup $(VENV)/.bench ## Load time and LCP on an emulated slow connection
	CHROMIUM="$$(scripts/find-chromium)" $(BIN)/python -m benchmarks.slow_network

bench-scale: export PORTAL_ENV = test
bench-scale: setup $(VENV)/.bench ## Start-up time and memory with 10,000 pages in 2 languages
	$(BIN)/python -m benchmarks.content_scale

bench-messages: export PORTAL_ENV = test
bench-messages: setup $(VENV)/.bench ## Messages sent per second by 1 and 2 workers, and what messages add to sending a form
	$(BIN)/python -m benchmarks.messages

clean: ## Remove everything the set-up built
	rm -rf $(VENV) node_modules static/dist static/build instance translations/.compiled .flaskenv
	find translations -name '*.mo' -delete

# --- how each piece is built: only when its inputs change ---------------------------

$(VENV)/.runtime: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]"
	@touch $@

$(VENV)/.audit: $(VENV)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[audit]"
	@touch $@

$(VENV)/.bench: $(VENV)/.test
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test,bench]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Sass, then a mirrored copy for right-to-left pages, then esbuild: bundles the JavaScript,
# names every file by its content hash (so it can be cached for a year) and writes the
# manifest the app reads; finally gzip and brotli copies for WhiteNoise to serve.
static/dist/.built: node_modules/.installed $(VENV)/.runtime $(STATIC_SOURCES)
	rm -rf static/dist static/build && mkdir -p static/dist static/build
	npx sass --pkg-importer=node --style=compressed --no-source-map static/src/scss/portal.scss:static/build/portal.css static/src/scss/forms.scss:static/build/forms.css static/src/scss/needs.scss:static/build/needs.css static/src/scss/preview.scss:static/build/preview.css static/src/scss/staff.scss:static/build/staff.css
	npx rtlcss --silent static/build/portal.css static/build/portal-rtl.css
	npx rtlcss --silent static/build/forms.css static/build/forms-rtl.css
	npx esbuild static/src/js/portal.mjs static/build/portal.css static/build/portal-rtl.css static/build/forms.css static/build/forms-rtl.css static/build/needs.css static/build/preview.css static/build/staff.css static/src/images/favicon.svg \
	  --bundle --minify --format=esm --target=es2020 --loader:.svg=copy --external:/static/assets/* \
	  --entry-names=[name]-[hash] --outdir=static/dist --metafile=static/build/manifest.json --log-level=warning
	$(BIN)/python -m whitenoise.compress --quiet static/dist
	@touch $@

translations/.compiled: $(VENV)/.runtime $(PO_FILES)
	$(BIN)/pybabel compile --statistics -d translations
	@touch $@

instance:
	mkdir -p instance

# This checkout is for development: the commands people type (`.venv/bin/flask --app portal
# content check`, `... staff create`) then use the development settings instead of
# production's, which refuse to start without SECRET_KEY and DATABASE_URL. Only the flask
# command reads .flaskenv (python-dotenv), never gunicorn; a variable already set wins.
# Written by the verbs that develop here (run, preview, test), not by `setup`, which a
# server may use too. Written once: it is yours to change.
.flaskenv:
	@printf '%s\n' \
	  '# Written by make for this development checkout; never put one on a server.' \
	  '# The flask command reads it (gunicorn does not); variables you set win.' \
	  'FLASK_APP=portal' \
	  'PORTAL_ENV=development' > $@
