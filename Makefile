# Kwalibo: `make run` starts the platform, `make test` runs the tests. `make help` lists all targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KWALIBO := $(BIN)/kwalibo
PORT ?= 8000
HOST ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast test-e2e lint format typecheck migrations-check schema messages lock bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements-dev.lock pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the pinned dependencies

.env:
	@$(PYTHON) -c "import secrets; print('# Local development settings (not committed). See .env.example.'); print('SECRET_KEY=' + secrets.token_urlsafe(50)); print('SECURE_COOKIES=false')" > .env
	@echo "Wrote .env with a random SECRET_KEY for local use."

run: install .env ## Migrate the embedded SQLite database, load demo data and serve on http://127.0.0.1:8000 (PORT=8123 make run)
	$(KWALIBO) migrate --noinput -v0
	$(KWALIBO) collectstatic --noinput -v0
	$(KWALIBO) demo-data
	$(KWALIBO) serve --host $(HOST) --port $(PORT)

test: install ## Run the whole test suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
	@# Browser tests flush the database (live server); they run apart, after the rest, so no
	@# other test ever sees a flushed catalogue (xdist does not keep pytest-django's ordering).
	$(BIN)/pytest -n 2 --dist loadfile -m "not e2e"
	$(BIN)/pytest -m e2e

test-fast: install ## Run the tests without the browser tests
	$(BIN)/pytest -n 2 --dist loadfile -m "not e2e"

test-e2e: install ## Run only the browser tests (headless Chromium)
	$(BIN)/pytest -m e2e

lint: install ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install ## Type-check with mypy (strict for domain, services and selectors)
	$(BIN)/mypy src/kwalibo

migrations-check: install ## Fail if models and migrations differ
	SECRET_KEY=check $(KWALIBO) makemigrations --check --dry-run

schema: install ## Regenerate the committed OpenAPI schema
	SECRET_KEY=schema $(KWALIBO) spectacular --lang en --file src/kwalibo/api/openapi.yaml --validate

messages: install ## Extract the UI messages into the nl/en catalogues (needs GNU gettext) and compile them
	SECRET_KEY=messages $(KWALIBO) makemessages -l nl -l en --keyword=N_ --no-obsolete --add-location=file \
		--ignore='.venv/*' --ignore='var/*' --ignore='node_modules/*' --ignore='bench/*' --ignore='tests'
	SECRET_KEY=messages $(KWALIBO) compile-catalogues

lock: ## Re-pin the dependencies (needs network)
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile pyproject.toml --python-version 3.11 -q -o requirements.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --python-version 3.11 -q -o requirements-dev.lock

bench: install ## Run the benchmarks (needs PostgreSQL; see bench/README.md)
	$(BIN)/python bench/register_check.py
	$(BIN)/python bench/soilflows.py

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
