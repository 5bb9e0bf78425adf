# Two commands are all you need (see README.md):
#   make serve   installs what it needs and serves the site on http://127.0.0.1:8000
#   make test    installs what it needs and runs the whole test suite (types, tests, browser)
# More for editors and maintainers:
#   make validate    checks content/ and prints every problem at once
#   make test-snel   the fast part of the tests (no site builds, no browser), under a minute
#   make build       builds the site for publishing (needs KENNISBANK_SITE_URL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material's end-of-life notice is printed on every build; it is known and documented.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-snel types build validate schemas install browser

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pins or the package definition change. setuptools and wheel
# are pinned in requirements.txt, so installing the project itself downloads nothing.
# (setuptools warns about every editable install at length; it is expected, so hushed.)
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

serve: install
	$(BIN)/mkdocs serve --strict

build: install
	$(BIN)/python scripts/build.py

validate: install
	$(BIN)/python scripts/validate.py

types: install
	$(BIN)/python -m mypy

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -q && sudo apt-get install -y -q chromium; \
	  else echo "Installeer het Debian-pakket chromium voor de browsertests."; fi; }

test: install browser types
	$(BIN)/python -m pytest

test-snel: install
	$(BIN)/python -m pytest -m "not traag"

schemas: install
	$(BIN)/python scripts/schemas.py
