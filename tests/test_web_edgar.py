"""The Documents tab's "Add from EDGAR", end to end: a real `filings-qa serve` pointed at the EDGAR stand-in
(tests/edgar_site.py), driven in headless Chromium."""
from __future__ import annotations

import pytest

from edgar_site import ACME_8K, IMMUNOGEN_8K, EdgarStandIn
from conftest import serving
from test_web import screenshot
from ui.edgar_tab import EdgarTab


def test_add_from_edgar_fetches_indexes_and_reports_each_filing(tmp_path, page):
    with EdgarStandIn() as edgar, pytest.MonkeyPatch.context() as patch:
        for name, value in edgar.environment().items():
            patch.setenv(name, value)
        with serving(tmp_path / "data", tmp_path / "serve.log") as server:
            url = server.url
            page.goto(url)
            page.get_by_role("tab", name="Documents").click()
            page.get_by_text("Add from EDGAR").click()
            page.fill("#fqa-edgar-companies textarea, #fqa-edgar-companies input", "IMGN acme")
            page.fill("#fqa-edgar-forms textarea, #fqa-edgar-forms input", "8-K")
            page.fill("#fqa-edgar-since textarea, #fqa-edgar-since input", "2001-01-01")
            page.click("#fqa-edgar-fetch")
            page.wait_for_selector("#fqa-edgar-report li >> nth=3", timeout=180_000)
            lines = page.inner_text("#fqa-edgar-report").splitlines()
            screenshot(page, "edgar_added.png")
            overview = page.inner_text("#fqa-overview")
    # one line per filing, newest first by company: what was downloaded, then what indexing made of it
    assert lines[0].startswith("failed IMMUNOGEN INC 8-K 2024-01-02 0000855654-24-000002: EDGAR has nothing at")
    assert lines[1].startswith(f"downloaded IMMUNOGEN INC 8-K 2001-03-07 {IMMUNOGEN_8K}; ingested: ")
    assert lines[2].startswith(f"downloaded ACME WIDGETS INC 8-K 2024-06-12 {ACME_8K}; ingested: ")
    assert IMMUNOGEN_8K in overview and ACME_8K in overview
    assert {request.user_agent for request in edgar.requests} == {edgar.settings()["edgar_user_agent"]}


def test_add_from_edgar_is_refused_to_a_reader_before_anything_is_asked():
    # no assistant at all: a refused request must not reach it
    tab = EdgarTab(None, lambda request, role: f"Only {role}s may do this", lambda: (), lambda request: "")
    assert tab.fetch("ACME", "", "", "", 0, None) == ("Only editors may do this",)
