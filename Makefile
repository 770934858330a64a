# Two entry points: `make check` runs consistency on seeds/, `make test` runs the suite.
# Both create .venv on first use (and again when pyproject.toml or the lock changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: check test lint bench fuzz browser-deps

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev,bench,dask]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/consistency check seeds/

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q

# Debian's chromium for the HTML report's browser test (installed when running as root).
browser-deps:
	@if [ -x /usr/bin/chromium ] || [ "$$(id -u)" -eq 0 ]; then sh scripts/browser-deps; \
	else echo "note: /usr/bin/chromium missing and not root: the browser test will be skipped"; fi

lint: $(STAMP)
	$(BIN)/ruff check consistency tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Ingest and extraction fuzzed for a fixed budget (FUZZ_SECONDS, default 60).
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -m benchmarks.fuzz --seconds $(FUZZ_SECONDS)
