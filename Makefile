# Two commands do all the set-up: `make run` and `make test` (see README.md).
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 7860
CHROMA_PORT ?= 8000
CHROMA_URL := http://$(HOST):$(CHROMA_PORT)
REPLICAS := data/replicas

# Model hubs are unreachable here: fail fast instead of retrying.
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install run replicas test bench clean

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: install
	$(BIN)/filings-qa ingest samples
	$(BIN)/filings-qa serve --host $(HOST) --port $(PORT)

# A Chroma server and two chat servers sharing it (ports 7861 and 7862), as README.md's "Serving a team from
# several machines" sets them up on several machines; Ctrl-C stops all three.
replicas: install
	mkdir -p $(REPLICAS)
	$(BIN)/chroma run --path $(REPLICAS)/chroma-server --host $(HOST) --port $(CHROMA_PORT) \
		>$(REPLICAS)/chroma-server.log 2>&1 & pids=$$!; \
	trap 'kill $$pids 2>/dev/null' EXIT INT TERM; \
	until $(BIN)/python -c "import urllib.request; urllib.request.urlopen('$(CHROMA_URL)/api/v2/heartbeat')" \
		2>/dev/null; do sleep 1; done; \
	$(BIN)/filings-qa ingest samples --data $(REPLICAS)/one --chroma-url $(CHROMA_URL) || exit 1; \
	for replica in one:7861 two:7862; do \
		$(BIN)/filings-qa serve --data $(REPLICAS)/$${replica%:*} --chroma-url $(CHROMA_URL) --host $(HOST) \
			--port $${replica#*:} & pids="$$pids $$!"; \
	done; \
	wait

test: install
	$(BIN)/python -m pytest

# Parse quality, then ingest speed (about 35 minutes on 2 cores: it runs the fp32 pipelines too),
# query speed (1 minute; the 200k-chunk index is built once, 10 to 45 minutes, in ~/.cache/filings-qa/bench), the report,
# then two replicas on a Chroma server against one embedded server at 200k chunks (bench/replicas.py, 35 minutes,
# most of it copying the large index into the server).
bench: install
	$(BIN)/python bench/parse_quality.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/query_speed.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/replicas.py

clean:
	rm -rf $(VENV) data .pytest_cache
