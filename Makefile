# Two commands for a fresh clone:
#   make audit   set up .venv and audit seeds/ -> report.html, audit.json
#   make test    set up .venv and run the tests
# torch==2.13.0 goes in first: it is a CPU build; an unpinned torch pulls GBs of CUDA packages.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup audit test clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

audit: $(STAMP)
	$(VENV)/bin/auditor audit seeds/ --json audit.json --html report.html

test: $(STAMP)
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) audit.json report.html
