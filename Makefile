# make run [PORT=8001]: a working demo on http://127.0.0.1:8000 from a fresh clone.  make test: the whole suite.
PYTHON ?= python3.11
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint format clean bench bench-import

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Test-only tools from package-lock.json: the Nu Html Checker (run by the machine's Java) and axe-core.
# --ignore-scripts: vnu-jar's install script would download a Java runtime. Without npm the checks skip (fail in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: HTML and accessibility checks will be skipped"; fi

run: $(VENV)/.installed
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py seed_demo --if-empty
	DEBUG=true $(BIN)/python manage.py ensure_admin --demo-roles
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Page speed (bench/speed.py, writes bench/RESULTS.md): 10,000 then 100,000 articles in one run;
# make bench BENCH_ARGS=--quick on the demo data in under 3 minutes
bench: $(VENV)/.installed
	$(if $(BENCH_ARGS),$(BIN)/python bench/speed.py $(BENCH_ARGS),$(BIN)/python bench/speed.py --articles 10000 --database newsroom_speed_10k && $(BIN)/python bench/speed.py --articles 100000)

# 10,000 legacy articles into PostgreSQL (database nr_bench_import, recreated): time and articles/s
bench-import: $(VENV)/.installed
	$(BIN)/python bench/import_bench.py --articles 10000 --jobs $(or $(JOBS),3)

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles
