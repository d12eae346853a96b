# The two set-up commands of the README:
#   make demo   bootstrap, then run the main job on maps/
#   make test   bootstrap, then lint, type-check and run the whole test suite
# Both create .venv/ with the package and its development tools, and install Graphviz's
# `dot` through the system package manager when it is missing; `make test` also installs
# Chromium (where apt is available) for the test that opens the HTML report in a browser.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.argmap-installed

.PHONY: demo test lint typecheck pytest fuzz argdown-cli dot chromium venv docs clean

demo: venv dot
	$(BIN)/argmap check maps/
	$(BIN)/argmap summary maps/
	$(BIN)/argmap conflicts maps/ --direct
	$(BIN)/argmap consensus maps/                    # majority, as in the report
	$(BIN)/argmap check --consistency maps/
	$(BIN)/argmap strength maps/                     # gradual: how strongly each stands
	$(BIN)/argmap questions maps/hudson-cronin-2019.yaml  # critical questions left open
	$(BIN)/argmap report maps/ -o report/
	@echo "The report is in report/index.html (open it in a browser)."

test: venv dot chromium lint typecheck pytest

lint: venv
	$(BIN)/ruff check argmap tests examples benchmarks tools
	$(BIN)/ruff format --check argmap tests examples benchmarks tools
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy

pytest: venv dot
	$(BIN)/pytest

# A fuzz campaign on every reader (tests/test_fuzz.py): FUZZ_SECONDS in all (default 30
# minutes), shared among the readers; prints per reader the inputs tried, how many loaded,
# how many were located errors, and the tracebacks (0: a traceback fails the run).
# `make test` runs the same test with ARGMAP_FUZZ_EXAMPLES (default 25) inputs per reader.
FUZZ_SECONDS ?= 1800
fuzz: venv
	ARGMAP_FUZZ_SECONDS=$(FUZZ_SECONDS) ARGMAP_FUZZ_EXAMPLES=$${ARGMAP_FUZZ_EXAMPLES:-20} \
		$(BIN)/pytest -s -q tests/test_fuzz.py

# The property tests that write generated texts, tags and data as Argdown and have the
# Argdown CLI read them back (tests/test_argdown.py), with ARGDOWN_EXAMPLES examples each
# (default 400; `make test` runs 12). About half a second per example.
ARGDOWN_EXAMPLES ?= 400
argdown-cli: venv
	ARGMAP_ARGDOWN_EXAMPLES=$(ARGDOWN_EXAMPLES) $(BIN)/pytest -q tests/test_argdown.py \
		-k "read_back_the_same or reads_written"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "argmap needs Python >= 3.11 (found: $$($(PYTHON) --version)); set PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q argmap   # PYTHONDONTWRITEBYTECODE=1 would recompile at each start
	@touch $(STAMP)

dot:
	@sh tools/ensure-dot.sh

chromium:
	@sh tools/ensure-chromium.sh

docs: venv
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) build dist site report .pytest_cache .mypy_cache .ruff_cache .hypothesis
