# Borderline: two commands matter. `make lab` to teach and learn, `make test` to check everything.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888

.PHONY: help setup lab test bench check clean
.DEFAULT_GOAL := help

help:
	@echo "make lab     set up (first time only) and open the curriculum in JupyterLab"
	@echo "make test    set up (first time only) and run every test"
	@echo "make bench   time each notebook and widget against the budgets"
	@echo "make check   validate the datasets and say what to fix"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Borderline needs Python 3.11 or newer; found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
		notebooks/00-start-here.ipynb

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: setup
	$(BIN)/python tests/bench.py

check: setup
	$(BIN)/python -m borderline check

clean:
	rm -rf $(VENV) build
