# The README's two commands: `make run` (the portal) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test install install-test prepare lint messages clean

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PIP) install -r requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Everything the portal needs before it starts; each step is idempotent.
prepare: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compilemessages_portal
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py load_demo  # runs setup_reference first: the reference data, then the demo content
	$(PY) manage.py create_coordinator
	$(PY) manage.py create_demo_editor

# Web server, Celery worker and beat together on the embedded default; Ctrl-C stops all three.
run: export DJANGO_DEBUG ?= 1
run: prepare
	@echo "Portal: http://127.0.0.1:$(PORT)/  (Ctrl-C stops the web server, worker and beat)"
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho --procfile Procfile.dev start --port $(PORT)

# Tests keep their own var/ folder (broker queue, SQLite test database) apart from `make run`'s.
test: export PORTAL_VAR_DIR ?= $(CURDIR)/var/test
# A live-server thread would otherwise hold a connection open and block dropping the test database.
test: export DATABASE_CONN_MAX_AGE ?= 0
test: install-test
	$(PY) manage.py compilemessages_portal
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Refresh the catalogues after changing translatable strings, then translate locale/*/django.po.
messages: install
	$(PY) manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=var --ignore=locale/vendor
	$(PY) manage.py compilemessages_portal

clean:
	rm -rf $(VENV) var
