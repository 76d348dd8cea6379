# Borderline: two commands matter. `make lab` to teach and learn, `make test` to check everything.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888

.PHONY: help setup web lab lab-ko test lint bench check sync student handouts edition-ko clean hub bench-hub lite pack
.DEFAULT_GOAL := help

help:
	@echo "make lab     set up (first time only) and open the curriculum in JupyterLab"
	@echo "make test    set up (first time only) and run every test"
	@echo "make bench   time each notebook and widget against the budgets"
	@echo "make hub     try the curriculum on a JupyterHub at http://127.0.0.1:8000 (see hub/README.md)"
	@echo "make bench-hub  memory and time per student on a hub, for HUB_USERS students (default 30; needs root)"
	@echo "make check   validate the datasets and say what to fix"
	@echo "make student write the student edition (no model answers or instructor notes) to build/student"
	@echo "make handouts write the offline instructor pack (HTML pages, source packets, role cards) to build/handouts"
	@echo "make sync    after editing lessons/*.md: rebuild sources, navigation, the syllabus table and notebooks/"
	@echo "make edition-ko  write the Korean self-learner and student editions and handouts to build/ko"
	@echo "make lab-ko  open the Korean self-learner edition in JupyterLab, with the interface in Korean"
	@echo "make lint    ruff check and format check over the package, tests and notebooks"
	@echo "make pack    one zip for a USB stick: handouts, worksheets, keys, slides, role cards and the Lite site"
	@echo "make lite    build the JupyterLite site (the student edition in the browser, nothing installed) in build/lite"

$(STAMP): requirements.txt pyproject.toml borderline/lab_overrides.json borderline/server_config.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Borderline needs Python 3.11 or newer; found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m borderline settings
	@echo "Running each lesson once, so its tables and charts are ready for the first real run ..."
	-$(BIN)/python -m borderline keep --shared
	touch $(STAMP)

setup: $(STAMP)

# Front-end files for the offline pages and the browser tests (reveal.js, axe-core), pinned in
# web/package-lock.json and taken from the npm registry. Only the tests and the handouts need them.
WEB := web/node_modules/.installed
$(WEB): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "make web needs Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB)

web: $(WEB)

# Loopback only, token kept; no extension manager or update checks, so nothing reaches the network.
LAB_FLAGS := --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --ServerApp.root_dir=$(CURDIR) \
	--LabApp.extension_manager=readonly --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	$(if $(filter 0,$(shell id -u)),--allow-root)

lab: setup
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00-start-here.ipynb

test: setup lint web
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: setup
	$(BIN)/ruff check borderline borderline_server tests notebooks lessons
	$(BIN)/ruff format --check borderline borderline_server tests notebooks

bench: setup
	$(BIN)/python tests/bench.py

check: setup
	$(BIN)/python -m borderline check

# A JupyterHub on 127.0.0.1 (hub/jupyterhub_config.py): log in with any name and the password it prints;
# nbgitpuller copies this repository's last commit into each student's home. HUB_SPAWNER=simple runs every
# student as you, with homes in build/hub/homes (no isolation: to try it); HUB_SPAWNER=local needs root
# and a unix user for each student.
HUB_PORT    ?= 8000
HUB_SPAWNER ?= simple
HUB_USERS   ?= 30
hub: setup web
	BORDERLINE_HUB_PORT=$(HUB_PORT) BORDERLINE_HUB_SPAWNER=$(HUB_SPAWNER) $(BIN)/jupyterhub -f hub/jupyterhub_config.py

bench-hub: setup web
	$(BIN)/python tests/bench_hub.py --users $(HUB_USERS)

student: setup
	$(BIN)/python -m borderline student

edition-ko: setup
	$(BIN)/python -m borderline edition ko

# The Korean edition in JupyterLab with JupyterLab's own menus in Korean (its own settings folder).
lab-ko: edition-ko
	mkdir -p build/ko/lab-settings/@jupyterlab/translation-extension
	echo '{"locale": "ko_KR"}' > build/ko/lab-settings/@jupyterlab/translation-extension/plugin.jupyterlab-settings
	JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/build/ko/lab-settings $(BIN)/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=$(CURDIR)/build/ko/self-learner notebooks/00-start-here.ipynb

# The student edition as a JupyterLite site: build tools in build/lite-venv (lite/requirements.txt), Pyodide from
# the npm registry and wheels from PyPI, each checked against its pinned digest, cached in build/lite-cache/.
lite: setup
	$(BIN)/python -m borderline lite

handouts: setup web
	$(BIN)/python -m borderline handouts

# One zip for a USB stick: the handouts (worksheets, keys, glance pages, cards, role cards, slides) and the
# JupyterLite site, with START-HERE.html; opens from a copied folder with no Python.
pack: handouts lite
	$(BIN)/python -m borderline pack

sync: setup
	$(BIN)/python -m borderline sync

clean:
	rm -rf $(VENV) build web/node_modules
