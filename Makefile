# Two commands do all the set-up: `make run` and `make test` (see README.md).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 7860

# Model hubs are unreachable here: fail fast instead of retrying.
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install run test bench clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: install
	$(BIN)/filings-qa ingest samples
	$(BIN)/filings-qa serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

# Parse quality, then ingest speed (about 35 minutes on 2 cores: it runs the fp32 pipelines too),
# query speed (1 minute; the 200k-chunk index is built once, 10 minutes, in ~/.cache/filings-qa/bench), the report.
bench: install
	$(BIN)/python bench/parse_quality.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/query_speed.py
	$(BIN)/python bench/report.py

clean:
	rm -rf $(VENV) data .pytest_cache
