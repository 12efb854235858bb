# Khabar: `make run` and `make test` are the two set-up commands (see README).
# Python >= 3.12 is required by hazm 0.12; the pyenv interpreter named in
# .python-version is used when the first `python3.12` on PATH is missing.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell for p in python3.12 "$$HOME/.pyenv/versions/$$(cat .python-version)/bin/python3" python3; do \
	  command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	  && { command -v "$$p"; break; }; done)

.PHONY: install run test lint bench clean fuzz dist

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python >= 3.12 not found (pyenv install 3.12.1)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

run: install
	$(VENV)/bin/khabar run corpus/samples -o out/records.jsonl

test: install
	$(VENV)/bin/ruff check pipeline tests benchmarks
	$(VENV)/bin/pytest

# Two wheels in dist/: khabar (the package, lexicons included) and fa_khabar_news (the trained
# pipeline, made by `spacy package`; its meta.json scores are measured here, reading ../shared).
DIST ?= dist
dist: install
	rm -rf $(DIST) && mkdir -p $(DIST)
	$(PY) -m pip wheel -q --no-deps --no-build-isolation -w $(DIST) .
	$(PY) -m pipeline.train.package_model --output $(DIST)
	@ls -la $(DIST)

lint: install
	$(VENV)/bin/ruff check pipeline tests benchmarks
	$(VENV)/bin/pytest -q -p no:cacheprovider tests/test_layers.py

bench: install
	$(PY) benchmarks/normalize.py

fuzz: install
	$(VENV)/bin/pytest tests/test_normalize_properties.py --hypothesis-profile=fuzz -p no:cacheprovider

clean:
	rm -rf $(VENV) out .pytest_cache
