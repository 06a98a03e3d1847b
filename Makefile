# Two commands a newcomer needs: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean-out

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cleaner clean samples/tesla-2011-q2-call.txt --lexicon samples/tesla-2011-q2-call.terms.txt --output-dir out
	@echo "wrote: $$(ls out/tesla-2011-q2-call.* | tr '\n' ' ')"

test: $(STAMP)
	$(BIN)/ruff check cleaner tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check cleaner tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

clean-out:
	rm -rf out
