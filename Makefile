# One entry point for set-up, data, serving and tests. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SHARED ?= $(abspath ../shared)

PORT ?= 8050
HOST ?= 127.0.0.1

.PHONY: run serve test data check system venv npm unodc boundaries bench clean catalogs messages

AXE := $(VENV)/npm/node_modules/axe-core/axe.min.js
PLOTLY_BASIC := $(VENV)/npm/node_modules/plotly.js-basic-dist-min/plotly-basic.min.js
BOOTSTRAP_RTL := $(VENV)/npm/node_modules/bootstrap/dist/css/bootstrap.rtl.min.css
REGENERATOR := $(VENV)/npm/node_modules/regenerator-runtime/runtime.js

run: venv npm catalogs data boundaries ## set up, build the data and serve on http://127.0.0.1:8050
	$(PY) app.py

serve: venv system npm catalogs data boundaries ## production: nginx in front of gunicorn page and export pools, on $(HOST):$(PORT) (deploy/)
	HOST=$(HOST) PORT=$(PORT) $(PY) deploy/serve.py

bench: venv system npm catalogs data boundaries ## benchmarks against a floor measured in the same run (bench/results.json)
	$(PY) -m bench

test: venv system npm catalogs ## install everything and run every test (style and lint first: they fail fast)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(PY) -m pytest

data: venv ## rebuild data/processed from data/raw (atomic; a failed build keeps the last good tables)
	$(PY) -m loaders build

check: venv ## validate data/raw without writing anything
	$(PY) -m loaders check

# Map outlines: the local mirror in ../shared if present, else the pinned download; offline the map uses tiles.
boundaries: venv
	@$(PY) -m loaders.importers.boundaries --source $(SHARED)/data/boundaries/geoBoundaries-IRQ-ADM1.geojson 2>/dev/null \
		|| $(PY) -m loaders.importers.boundaries \
		|| echo "boundaries unavailable: the Map page draws its tile grid"

unodc: venv ## re-import the UNODC seizures export into data/raw (reads ../shared by default)
	$(PY) -m loaders unodc $(SHARED)/data/unodc/drug_seizures_2018_2022.json

# Interface translations (figures/locale): the .po catalogs are in the repo, the compiled .mo files are built here.
LOCALE := figures/locale
catalogs: venv ## compile the interface's message catalogs (ar, ckb)
	$(VENV)/bin/pybabel compile --statistics -d $(LOCALE) -D messages 2>&1 | grep -v '^compiling' || true
	@test -f $(LOCALE)/ar/LC_MESSAGES/messages.mo && test -f $(LOCALE)/ckb/LC_MESSAGES/messages.mo

messages: venv ## after editing interface text: extract every message from the code and merge it into ar and ckb
	$(VENV)/bin/pybabel extract -F $(LOCALE)/babel.cfg -k N_ --no-location --sort-output --omit-header \
		-o $(LOCALE)/messages.pot .
	$(VENV)/bin/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -D messages --no-fuzzy-matching --ignore-obsolete

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# From the npm registry into the virtualenv, never the repo: axe-core (accessibility rules the browser tests run)
# plotly.js's basic bundle at the version plotly.py bundles (what the pages load; layouts/_vendor.py), and
# Bootstrap's right-to-left stylesheet at the version Bootstrap-Flask ships for left to right (Arabic, Kurdish),
# and regenerator-runtime, all that pages still need of Dash's old-browser polyfill (layouts/_vendor.py).
npm: $(AXE) $(PLOTLY_BASIC).br $(BOOTSTRAP_RTL) $(REGENERATOR)

$(AXE) $(PLOTLY_BASIC) $(BOOTSTRAP_RTL) $(REGENERATOR) &: | venv
	command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends nodejs npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm axe-core@4.10.3 \
		plotly.js-basic-dist-min@$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as v; print(v())') \
		regenerator-runtime@$$($(PY) -c 'from layouts._vendor import REGENERATOR_VERSION as v; print(v)') \
		bootstrap@$$(sed -n 's/.*Bootstrap  *v\([0-9.]*\).*/\1/p' \
			$$($(PY) -c 'import flask_bootstrap, os; print(os.path.dirname(flask_bootstrap.__file__))')/static/bootstrap5/css/bootstrap.min.css | head -1)

$(PLOTLY_BASIC).br: $(PLOTLY_BASIC)
	$(PY) -m layouts._vendor compress

# Debian's Chromium and ChromeDriver (browser tests, image export), fonts with Arabic glyphs, and nginx (make serve).
system:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -q 'Noto Sans Arabic' \
		&& { command -v nginx >/dev/null || test -x /usr/sbin/nginx; }; then \
		echo "system packages present"; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends \
			chromium chromium-driver fonts-noto-core fonts-dejavu-core fontconfig nginx; \
	fi

clean:
	rm -rf data/processed data/builds .pytest_cache
