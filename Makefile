# Two commands are all you need (see README.md):
#   make serve   installs what it needs and serves the site on http://127.0.0.1:8000
#   make test    installs what it needs and runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test build validate install browser

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the pins or the package definition change.
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

serve: install
	$(BIN)/mkdocs serve --strict

build: install
	$(BIN)/python scripts/build.py

validate: install
	$(BIN)/python scripts/validate.py

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -q && sudo apt-get install -y -q chromium; \
	  else echo "Installeer het Debian-pakket chromium voor de browsertests."; fi; }

test: install browser
	$(BIN)/python -m pytest
