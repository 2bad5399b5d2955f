# Two commands: `make run` (set up and serve with demo data) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Local development defaults; production sets these in its environment instead.
export DJANGO_DEBUG ?= 1

.PHONY: run test lint install

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving the workbench at http://127.0.0.1:8000/ (admin at http://127.0.0.1:8000/admin/)"
	@echo "The task worker runs beside it: imports, exports, emails (printed here)."
	$(BIN)/python manage.py db_worker --queue-name '*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# One pytest worker per core (pytest-xdist); each has its own test database.
test: install lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n auto
