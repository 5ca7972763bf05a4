"""The first web chat: a real `filings-qa serve` process asked through gradio_client."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE, free_port, wait_for_http


@pytest.fixture
def served_sample(tmp_path):
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "ui"]
    subprocess.run([*cli, "ingest", str(SAMPLE), "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                   capture_output=True)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([*cli, "serve", "--data", str(data), "--port", str(port)], cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT, env=os.environ | {"HF_HUB_OFFLINE": "1"})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url, server, tmp_path / "serve.log")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_chat_answers_with_passages_and_their_filing_and_section(served_sample):
    from gradio_client import Client

    reply = Client(served_sample, verbose=False).predict("Who did ImmunoGen appoint as CFO?", api_name="/ask_chat")
    assert "Gregg D. Beloff" in reply
    assert "ImmunoGen, Inc. · 8\\-K · 2001\\-03\\-07 · EX\\-99.1" in reply  # filing, form, date, section cited
    assert "\\[1\\]" in reply.split("**[")[0] and "**[1] " in reply  # the answer cites [1], and [1] is listed
