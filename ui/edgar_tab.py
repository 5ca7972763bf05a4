"""The Documents tab's "Add from EDGAR": companies, forms and filing dates, fetched (`Assistant.fetch_from_edgar`)
then added to the index, with a progress bar and one line per filing. The same request as `filings-qa fetch
--ingest`."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from qa.assistant import Assistant, EdgarError, FetchRequest
from ui import render


class EdgarTab:
    def __init__(self, assistant: Assistant, refusal: Callable[[gr.Request | None, str], str],
                 index_views: Callable[[], tuple[Any, ...]], user_of: Callable[[gr.Request | None], str]):
        self.assistant = assistant
        self.refusal = refusal  # why a user may not do what needs a role ("" when they may)
        self.index_views = index_views  # what to refresh once filings were added
        self.user_of = user_of

    def layout(self) -> None:
        """The block's fields, where the caller's layout stands."""
        with gr.Accordion("Add from EDGAR", open=False, elem_id="fqa-edgar"):
            with gr.Row():
                self.companies = gr.Textbox(label="Tickers or CIKs", placeholder="AAPL MSFT 320193", max_lines=1,
                                            scale=2, elem_id="fqa-edgar-companies")
                self.forms = gr.Textbox(label="Forms, comma-separated (any when empty)", placeholder="10-K, 8-K",
                                        max_lines=1, elem_id="fqa-edgar-forms")
            with gr.Row():
                self.since = gr.Textbox(label="Filed on or after", placeholder="YYYY-MM-DD", max_lines=1,
                                        elem_id="fqa-edgar-since")
                self.until = gr.Textbox(label="Filed on or before", placeholder="YYYY-MM-DD", max_lines=1,
                                        elem_id="fqa-edgar-until")
                self.limit = gr.Number(label="At most N filings a company, newest first (0: all)", value=0,
                                       precision=0, minimum=0, elem_id="fqa-edgar-limit")
            self.fetch_button = gr.Button("Fetch from EDGAR and add to the index", variant="primary",
                                          elem_id="fqa-edgar-fetch")
            self.report = gr.Markdown(elem_id="fqa-edgar-report")

    def wire(self, index_outputs: list) -> None:
        """Fetching is an index change: one at a time with uploads and removals."""
        self.fetch_button.click(self.fetch, [self.companies, self.forms, self.since, self.until, self.limit],
                                [self.report, *index_outputs], api_visibility="private", concurrency_limit=1,
                                concurrency_id="index_changes")

    def fetch(self, companies: str, forms: str, since: str, until: str, limit: float | None, request: gr.Request,
              progress=gr.Progress()) -> tuple[Any, ...]:
        if refused := self.refusal(request, "editor"):
            return (render.as_text(refused), *self.index_views())
        asked = FetchRequest(tuple(companies.replace(",", " ").split()),
                             tuple(f.strip() for f in forms.split(",") if f.strip()), since.strip(), until.strip(),
                             int(limit) if limit else None)
        try:
            fetched = self.assistant.fetch_from_edgar(asked, lambda step: progress(
                (step.done, max(step.total, 1)), desc=f"Fetching {step.current}", unit="filings"))
        except EdgarError as error:
            return (render.as_text(f"EDGAR: {error}"), *self.index_views())
        indexed = {}
        if fetched.manifests:
            report = self.assistant.ingest(fetched.manifests, lambda step: progress(
                (step.files_done, max(step.files_total, 1)), desc="Indexing the fetched filings", unit="filings"),
                self.user_of(request))
            indexed = {outcome.source: outcome for outcome in report.outcomes}
        lines = [f"- {render.as_text(company)}: no {render.as_text(asked.describe())} on EDGAR"
                 for company in fetched.empty]
        for outcome in fetched.outcomes:
            line = f"- **{outcome.status}** {render.as_text(outcome.filing.label())}"
            if outcome.status == "failed":
                line += f": {render.as_text(outcome.error)}"
            elif (added := indexed.get(outcome.manifest)) is not None:
                detail = added.error or (f"{added.sections} sections, {added.chunks} chunks"
                                         if added.status == "ingested" else "")
                line += f"; **{added.status}**" + (f": {render.as_text(detail)}" if detail else "")
            lines.append(line)
        return ("\n".join(lines), *self.index_views())
