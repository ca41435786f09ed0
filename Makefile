# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean browser-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot run

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m bot facts check
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.bench_answers
	$(BIN)/python -m bench.bench_reminders
	$(BIN)/python -m bench.bench_reminders --deadlines 100000
	$(BIN)/python -m bench.bench_load
	$(BIN)/python -m bench.bench_cold_start

browser-check: $(STAMP)  # by hand, not in CI: needs Debian's chromium (apt-get install chromium)
	$(BIN)/python -m tests.web.browser_check

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
