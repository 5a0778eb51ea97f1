# Two commands on a fresh machine: `make demo` and `make test`. Each builds .venv by itself from the
# pinned lock (requirements.lock), including the spaCy model package, then does its job.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench lock clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/storyline analyze examples/tina-peters --db out/storyline.db \
		--json out/dossier.json --html out/dossier.html --md out/dossier.md

test: $(STAMP)
	$(VENV)/bin/pytest

# Speed: bare parse vs full analysis vs reduce vs baseline (see docs/benchmarks.md).
bench: $(STAMP)
	$(VENV)/bin/storyline bench examples/tina-peters --repeat 3

# Re-pin after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(PY) -m pip install --quiet -e '.[model,eval,dev]'
	$(PY) -m pip freeze --exclude-editable | grep -v '^storyline' > requirements.lock

clean:
	rm -rf $(VENV) out storyline.db
