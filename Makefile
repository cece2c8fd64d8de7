# Two commands do all the set-up on a fresh machine with python3 (3.11+) and make:
#   make report   the main job on the bundled corpus (data/seeds) -> results/seeds/
#   make test     the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= data/seeds
OUT    ?= results/$(notdir $(CORPUS))

.PHONY: report extract test figures benchmark clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when the project's metadata changed.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

report: $(VENV)/.installed
	$(BIN)/python -m analysis report $(CORPUS) --out $(OUT)
	@echo "Results are in $(OUT)/ (tables *.parquet, skipped.csv, figures/, report.html)"

extract: $(VENV)/.installed
	$(BIN)/python -m analysis extract $(CORPUS) --out $(OUT)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# The curated gallery in figures/: regenerated only on purpose (review the diff of the PNGs).
figures: $(VENV)/.installed-dev
	$(BIN)/python -m analysis extract $(CORPUS) --out $(OUT) --quiet
	$(BIN)/python scripts/make_gallery.py --corpus $(CORPUS) --results $(OUT) --out figures

benchmark: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run_benchmark.py ../shared/data/saudinewsnet

clean:
	rm -rf results .pytest_cache .hypothesis
