"""Integration over ../shared/corpus (skipped when absent): metadata agrees with the manifest,
and every dev question's evidence lies in the section it names. Embeds nothing."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def quality(corpus, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("quality") / "parse_quality.json"
    subprocess.run([sys.executable, "bench/parse_quality.py", "--corpus", str(corpus), "--json", str(out)],
                   check=True, cwd=ROOT, capture_output=True, timeout=600)
    return json.loads(out.read_text())


def rate(checks: list[dict], field: str) -> float:
    return sum(c[field] for c in checks) / len(checks)


def test_every_corpus_file_reads_without_error(quality):
    assert [c["file"] for c in quality["metadata"] if c["error"]] == []


@pytest.mark.parametrize("form", ["8-K", "10-K", "10-Q"])
def test_form_and_company_agree_with_the_manifest(quality, form):
    checks = [c for c in quality["metadata"] if c["form"] == form]
    assert len(checks) >= 10
    assert rate(checks, "form_ok") == 1.0
    assert rate(checks, "company_ok") >= 0.95
    assert rate(checks, "sections_ok") >= 0.9


def test_dev_evidence_lies_in_the_named_section(quality):
    checks = quality["evidence"]
    assert all(c["found"] for c in checks), [c["question"] for c in checks if not c["found"]]
    with_id = [c for c in checks if c["section_ids"]]
    assert rate(with_id, "section_ok") >= 0.95
