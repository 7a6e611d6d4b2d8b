# congtt – two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
UV_VERSION := 0.13.9
PYTEST := CONGTT_TESTING=1 $(BIN)/python -m pytest
# The suite runs in parallel processes (pytest-xdist); `make test PYTEST_WORKERS=0` runs it in one.
PYTEST_WORKERS ?= 2

.PHONY: run install migrate demo serve test e2e lint lock messages bench smoke clean quality \
	quality-axe quality-lighthouse quality-vnu quality-api quality-sqlmap quality-wapiti

run: install migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install -q "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync -q --python $(BIN)/python requirements.lock
	touch $@

# Catalogues (.po) are compiled to .mo here, by polib: no gettext tools needed, no .mo in git.
install: $(VENV)/.installed
	@$(BIN)/python -m congtt.ops.catalogues

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: install
	$(BIN)/python manage.py load_demo

# The background worker (search index, reference index, e-mail) runs beside the server and stops with it.
serve: install
	@$(BIN)/python manage.py db_worker --queue-name '*' --no-reload -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} PORT=$(PORT) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(PYTEST) -q -n $(PYTEST_WORKERS)

e2e: install
	$(PYTEST) -q -m e2e tests/e2e

# Quality gates (tests/quality): a fresh instance on a loopback port, then axe-core, Lighthouse, the Nu
# HTML Checker, schemathesis, sqlmap and wapiti. QUALITY_ARGS=--sample runs the heavy scans on a sample.
QUALITY := $(BIN)/python -m tests.quality.run_quality
quality: install
	$(QUALITY) $(QUALITY_ARGS)

quality-axe quality-lighthouse quality-vnu quality-api quality-sqlmap quality-wapiti: install
	$(QUALITY) --only $(@:quality-%=%) $(QUALITY_ARGS)

lint: install
	$(BIN)/ruff check congtt tests
	$(BIN)/ruff format --check congtt tests

lock: | $(BIN)/python
	$(BIN)/python -m pip install -q "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

messages: install
	$(BIN)/python manage.py makemessages -l vi -l en -l zh --no-obsolete --ignore=.venv --ignore=var --ignore=tests --ignore='congtt/templates/wagtail*'
	$(BIN)/python -m congtt.ops.catalogues
	$(BIN)/python manage.py translation_coverage

# Benchmark (issue 8): fresh PostgreSQL database, gunicorn + Redis, wrk, nginx; < 5 min.
# Installs wrk and nginx with apt-get when missing. Results: tests/bench/results/*.json
bench: install
	$(BIN)/python tests/bench/run_bench.py

# Smoke test of the production recipe on loopback (deploy/smoke.sh, docs/trien-khai.md §7).
smoke: install
	deploy/smoke.sh

clean:
	rm -rf $(VENV) var/static
