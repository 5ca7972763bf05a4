"""The team's web chat (Gradio): streamed answers with their evidence, filters, uploads and exports.

One `Assistant` (model and index, loaded once) serves every browser session; each session keeps its own
conversation in `gr.State`. This module only presents what `qa` returns; `render` turns it into Markdown
and HTML in which filing text and questions are always shown as text.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import gradio.utils

from qa.assistant import DEFAULT_K, Assistant, FilterError
from qa.models import Answer, Filters, Turn
from ui import render
from ui.auth import ROLES, Users
from ui.examples import example_questions
from ui.uploads import ALLOWED_SUFFIXES, store_uploads

SEARCHING = "Searching the filings…"
NO_SOURCE = "Choose a citation [n] above to read its quote inside its passage."
ANONYMOUS = "(no sign-in)"
CSS = """
.fqa-source h3, .fqa-section-text h3 { margin: 0 0 .25em; font-size: 1em; }
.fqa-section { margin: 0 0 .5em; color: var(--body-text-color-subdued); font-size: .9em; }
.fqa-passage { white-space: pre-wrap; font-family: var(--font-mono); font-size: .85em; margin: 0;
               max-height: 28em; overflow-y: auto; }
.fqa-passage mark { background: #ffe066; color: #000; padding: 0 .1em; }
"""


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 7860
    concurrency: int = 8  # requests worked on at once; with one shared model, more only wait on the CPU
    queue_size: int = 64  # requests waiting beyond that; later ones are told the server is busy
    max_upload_mb: int = 50
    users: Users | None = None  # sign-in required when set


def history_from_json(replies: list[dict]) -> list[Turn]:
    """Earlier `/ask` replies (oldest first) as the turns a follow-up question refers to."""
    return [Turn(question=r.get("question", ""), answer=r.get("answer", ""),
                 filters=Filters(**{k: v for k, v in (r.get("filters") or {}).items() if k in Filters.__annotations__}),
                 filing_ids=tuple(dict.fromkeys(c["filing_id"] for c in r.get("citations", []))),
                 companies=tuple(dict.fromkeys(c["company"] for c in r.get("citations", []) if c.get("company"))))
            for r in replies]


def _message(role: str, markdown: str) -> dict:
    return {"role": role, "content": markdown}


def _user(request: gr.Request | None) -> str:
    return (request.username if request is not None else None) or ""


def _outcome_detail(outcome) -> str:
    """What the Documents tab says of an ingested file: why it failed, or what it gave, with any warnings."""
    if outcome.error:
        return outcome.error
    gave = [f"{outcome.sections} sections, {outcome.chunks} chunks"] if outcome.status == "ingested" else []
    return "; ".join(gave + [f"warning: {warning}" for warning in outcome.warnings])


class ChatApp:
    """The Blocks app and its event handlers, around one shared Assistant."""

    def __init__(self, assistant: Assistant, options: ServeOptions):
        self.assistant = assistant
        self.options = options
        self.uploads = assistant.settings.data / "uploads"
        self.exports = Path(gradio.utils.get_upload_folder()) / "filings-qa-exports"  # Gradio's own file cache

    # --- asking ---------------------------------------------------------------------------------
    def ask_json(self, question: str, company: str = "", form: str = "", since: str = "", until: str = "",
                 section: str = "", history: list[dict] | None = None, k: int = DEFAULT_K) -> dict:
        """Answer a question: the object `filings-qa ask --json` prints. `history`: earlier replies, oldest first."""
        try:
            answer = self.assistant.ask(question, Filters(company, form, since, until, section),
                                        history_from_json(history or []), max(1, min(int(k), 50)))
        except FilterError as error:
            raise gr.Error(str(error)) from None
        return answer.to_json()

    def chat(self, question: str, messages: list, answers: list, company: str | None, form: str | None,
             since: str | None, until: str | None, section: str | None):
        """Stream one answer into the conversation, then show its sources."""
        if not question.strip():
            yield (messages, answers, *self.panel(answers, len(answers) - 1), "")
            return
        messages = [*messages, _message("user", render.as_text(question)), _message("assistant", SEARCHING)]
        unchanged = [gr.skip()] * 6
        yield (messages, *unchanged, "")
        filters = Filters(company or "", form or "", (since or "").strip(), (until or "").strip(), section or "")
        history = [a.as_turn() for a in answers if a is not None]
        written = ""
        try:
            for item in self.assistant.ask_stream(question, filters, history):
                if isinstance(item, Answer):
                    answer = item
                else:
                    written += item
                    messages[-1] = _message("assistant", render.as_text(written))
                    yield (messages, *unchanged, gr.skip())
        except FilterError as error:
            messages[-1] = _message("assistant", render.as_text(f"Cannot search with these filters: {error}"))
            answers = [*answers, None]  # one entry per answer shown, so a click on a message finds its answer
            yield (messages, answers, *self.panel(answers, len(answers) - 1), gr.skip())
            return
        messages[-1] = _message("assistant", render.chat_message(answer))
        answers = [*answers, answer]
        yield (messages, answers, *self.panel(answers, len(answers) - 1), gr.skip())

    def panel(self, answers: list, index: int) -> tuple[Any, ...]:
        """The sources panel for answer `index`: (shown, source picker, source, section, Markdown)."""
        answer = answers[index] if 0 <= index < len(answers) else None
        if answer is None:
            return (index, gr.Radio(choices=[], value=None), render.empty_panel(NO_SOURCE), "", "")
        choices = [(render.choice_label(item), str(i)) for i, item in enumerate(render.sources_of(answer))]
        return (index, gr.Radio(choices=choices, value=None), render.empty_panel(NO_SOURCE), "",
                render.answer_markdown(answer))

    def select_message(self, answers: list, event: gr.SelectData) -> tuple[Any, ...]:
        """A click on a message shows the sources of that exchange's answer."""
        position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        return self.panel(answers, int(position) // 2)

    def _chosen(self, answers: list, shown: int, choice: str | None):
        answer = answers[shown] if 0 <= shown < len(answers) else None
        sources = render.sources_of(answer) if answer is not None else []
        if choice is None or not choice.isdigit() or int(choice) >= len(sources):
            return answer, None
        return answer, sources[int(choice)]

    def show_source(self, answers: list, shown: int, choice: str | None) -> tuple[str, str]:
        answer, item = self._chosen(answers, shown, choice)
        return (render.source_card(answer, item) if item else render.empty_panel(NO_SOURCE)), ""

    def show_section(self, answers: list, shown: int, choice: str | None) -> str:
        _, item = self._chosen(answers, shown, choice)
        if item is None:
            return render.empty_panel(NO_SOURCE)
        where = render.place(item)
        section = self.assistant.section_at(where.filing.filing_id, where.char_start)
        if section is None:
            return render.empty_panel("This filing is no longer in the index.")
        text = self.assistant.filing_text(where.filing.filing_id)[section.char_start:section.char_end]
        return render.section_card(section, text, item)

    def export(self, answers: list) -> gr.File:
        kept = [a for a in answers if a is not None]
        if not kept:
            gr.Warning("Ask a question first: there is nothing to export yet.")
            return gr.File(visible=False)
        # a folder the server names for each export, in Gradio's own file cache (inside the data folder when
        # served by `filings-qa serve`): nothing the browser sends, not even its session hash, is part of the path
        self.exports.mkdir(parents=True, exist_ok=True)
        path = Path(tempfile.mkdtemp(prefix="export-", dir=self.exports)) / "conversation.md"
        path.write_text(render.conversation_markdown(kept), encoding="utf-8")
        return gr.File(value=str(path), visible=True)

    # --- the index ------------------------------------------------------------------------------
    def index_views(self) -> tuple[Any, ...]:
        """Filter choices, examples, the filings overview, the removal picker and the activity log."""
        filings = self.assistant.filings()
        dates = sorted(r.filing.filing_date for r in filings if r.filing.filing_date)
        span = f"{dates[0]} to {dates[-1]}" if dates else "no dated filings"
        values = self.assistant.indexed_values
        examples = example_questions(filings, self.assistant.sections)
        overview = [[r.filing.company, r.filing.form, r.filing.filing_date, r.filing.accession or "-", r.sections,
                     r.chunks, r.status, r.added_by or "-", r.filing.filing_id] for r in filings]
        removable = [(f"{r.filing.label()} — {r.filing.filing_id}", r.filing.filing_id) for r in filings]
        activity = [[a.at, a.user or ANONYMOUS, a.action, a.detail, a.filing_id] for a in self.assistant.activity()]
        return (gr.Dropdown(choices=values("company")), gr.Dropdown(choices=values("form")),
                gr.Dropdown(choices=values("section")),
                gr.Textbox(placeholder=f"YYYY-MM-DD (indexed: {span})"),
                gr.Textbox(placeholder=f"YYYY-MM-DD (indexed: {span})"),
                gr.Dataset(samples=[[q] for q in examples]),
                overview, gr.Dropdown(choices=removable, value=None), activity)

    def refusal(self, request: gr.Request | None, role: str) -> str:
        """Why the signed-in user may not do what needs `role` ("" when they may, or when there is no sign-in):
        checked by the server, whatever the page shows."""
        users = self.options.users
        if users is None or users.may(_user(request), role):
            return ""
        return f"Only {' and '.join(f'{r}s' for r in ROLES[ROLES.index(role):])} may do this; ask an admin."

    def upload(self, files: list[str] | None, request: gr.Request, progress=gr.Progress()) -> tuple[Any, ...]:
        if refused := self.refusal(request, "editor"):
            return (render.as_text(refused), *self.index_views())
        if not files:
            return (render.as_text("Choose one or more filing files first."), *self.index_views())
        limit = self.options.max_upload_mb * 2**20
        stored, rejected = store_uploads([Path(f) for f in files], self.uploads, limit)

        def show(step) -> None:
            progress((step.files_done, max(step.files_total, 1)), desc=f"Indexing {Path(step.current).name}",
                     unit="files")

        outcomes = [("rejected", r.name, r.reason) for r in rejected]
        if stored:
            report = self.assistant.add_filings(stored, _user(request), show)
            outcomes += [(o.status, Path(o.source).name, _outcome_detail(o)) for o in report.outcomes]
        summary = "\n".join(f"- **{status}** {render.as_text(name)}"
                            + (f": {render.as_text(detail)}" if detail else "") for status, name, detail in outcomes)
        return (summary, *self.index_views())

    def remove(self, filing_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        if refused := self.refusal(request, "admin"):
            return (render.as_text(refused), *self.index_views())
        if not filing_id:
            message = "Choose a filing to remove."
        elif self.assistant.remove_filing(filing_id, _user(request)):
            message = f"Removed {filing_id}."
        else:
            message = f"{filing_id} was not in the index (someone may have removed it already)."
        return (render.as_text(message), *self.index_views())

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> gr.Blocks:
        with gr.Blocks(title="Filings QA", delete_cache=(3600, 86400)) as app:
            answers = gr.State([])  # this session's answers, one per exchange (None where it failed)
            shown = gr.State(-1)  # the answer whose sources the panel shows
            gr.Markdown("# Filings QA\nAsk about the indexed SEC filings. Every answer cites its passages: "
                        "choose a citation [n] to read the quote where it stands.")
            with gr.Tab("Chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        # Tall, and not scrolled to the end: an answer is read from its first line down.
                        chatbot = gr.Chatbot(height=520, autoscroll=False, label="Conversation", buttons=[],
                                             latex_delimiters=[], elem_id="fqa-chat")
                        with gr.Row():
                            question = gr.Textbox(placeholder="Ask about the filings…", show_label=False,
                                                  scale=5, elem_id="fqa-question", max_lines=4)
                            send = gr.Button("Ask", variant="primary", scale=1, elem_id="fqa-ask")
                        examples = gr.Dataset(components=[question], samples=[], label="Examples from the index",
                                              elem_id="fqa-examples")
                        with gr.Accordion("Filters", open=False):
                            with gr.Row():
                                company = gr.Dropdown(label="Company", choices=[], value=None,
                                                      allow_custom_value=True)
                                form = gr.Dropdown(label="Form", choices=[], value=None, allow_custom_value=True)
                                section = gr.Dropdown(label="Section (EX-99 covers EX-99.1, EX-99.2 …)",
                                                      choices=[], value=None, allow_custom_value=True)
                            with gr.Row():
                                since = gr.Textbox(label="Filed on or after", max_lines=1)
                                until = gr.Textbox(label="Filed on or before", max_lines=1)
                                clear_filters = gr.Button("Clear filters", size="sm")
                    with gr.Column(scale=2):
                        sources = gr.Radio(label="Sources of the selected answer", choices=[],
                                           elem_id="fqa-sources")
                        source = gr.HTML(render.empty_panel(NO_SOURCE), elem_id="fqa-source",
                                         js_on_load=None)
                        read_section = gr.Button("Read the whole section", size="sm", elem_id="fqa-read-section")
                        section_view = gr.HTML("", elem_id="fqa-section-view", max_height=480, js_on_load=None)
                        as_markdown = gr.Textbox(label="Selected answer as Markdown", lines=6, max_lines=12,
                                                 interactive=False, buttons=["copy"], elem_id="fqa-markdown")
                        with gr.Row():
                            export = gr.Button("Export conversation", size="sm", elem_id="fqa-export")
                            new_chat = gr.Button("New conversation", size="sm")
                        exported = gr.File(label="Conversation as Markdown", visible=False, interactive=False,
                                           elem_id="fqa-exported")
            with gr.Tab("Documents"):
                with gr.Row():
                    with gr.Column():
                        files = gr.File(label=f"Add filings ({', '.join(ALLOWED_SUFFIXES)}; at most "
                                              f"{self.options.max_upload_mb} MB each)",
                                        file_count="multiple", file_types=list(ALLOWED_SUFFIXES), type="filepath",
                                        elem_id="fqa-upload")
                        add = gr.Button("Add to the index", variant="primary", elem_id="fqa-add")
                        upload_report = gr.Markdown(elem_id="fqa-upload-report")
                    with gr.Column():
                        to_remove = gr.Dropdown(label="Filing to remove", choices=[], value=None, elem_id="fqa-remove")
                        remove = gr.Button("Remove from the index", variant="stop", elem_id="fqa-remove-button")
                        remove_report = gr.Markdown()
                overview = gr.Dataframe(headers=["company", "form", "filed", "accession", "sections", "chunks",
                                                 "status", "added by", "filing id"],
                                        label="Indexed filings", interactive=False, elem_id="fqa-overview")
                activity = gr.Dataframe(headers=["when (UTC)", "who", "what", "filing", "filing id"],
                                        label="Recent changes", interactive=False, elem_id="fqa-activity")

            index_outputs = [company, form, section, since, until, examples, overview, to_remove, activity]
            panel_outputs = [shown, sources, source, section_view, as_markdown]
            ask = {"fn": self.chat, "inputs": [question, chatbot, answers, company, form, since, until, section],
                   "outputs": [chatbot, answers, *panel_outputs, question]}
            question.submit(**ask, api_name="chat")
            send.click(**ask, api_visibility="private")
            examples.click(lambda sample: sample[0], examples, question, api_visibility="private",
                           queue=False).then(**ask, api_visibility="private")
            chatbot.select(self.select_message, answers, panel_outputs, api_visibility="private")
            sources.input(self.show_source, [answers, shown, sources], [source, section_view],
                          api_visibility="private")
            read_section.click(self.show_section, [answers, shown, sources], section_view,
                               api_visibility="private")
            export.click(self.export, answers, exported, api_visibility="private")
            new_chat.click(lambda: ([], [], *self.panel([], -1)), None, [chatbot, answers, *panel_outputs],
                           api_visibility="private")
            clear_filters.click(lambda: (None, None, None, "", ""), None, [company, form, section, since, until],
                                api_visibility="private", queue=False)
            # index changes go one at a time: two uploads never embed into the store at once
            add.click(self.upload, files, [upload_report, *index_outputs], api_visibility="private",
                      concurrency_limit=1, concurrency_id="index_changes")
            # the index is shared: a removal is confirmed in the browser first (cancelled: nothing is sent)
            remove.click(self.remove, to_remove, [remove_report, *index_outputs], api_visibility="private",
                         concurrency_limit=1, concurrency_id="index_changes",
                         js="(id) => id && confirm('Remove this filing from the index for everyone?') ? id : null")
            app.load(self.index_views, None, index_outputs, api_visibility="private")
            gr.api(self.ask_json, api_name="ask")
        return app


def build_app(assistant: Assistant, options: ServeOptions | None = None) -> gr.Blocks:
    return ChatApp(assistant, options or ServeOptions()).build()


def serve(assistant: Assistant, options: ServeOptions) -> None:
    """Serve the chat until interrupted: never a public share link; sign-in when users are given."""
    app = build_app(assistant, options)
    app.queue(default_concurrency_limit=options.concurrency, max_size=options.queue_size)
    app.launch(server_name=options.host, server_port=options.port, share=False, show_error=True, quiet=True,
               auth=options.users.check if options.users else None,
               auth_message="Sign in with your Filings QA account." if options.users else None,
               max_file_size=options.max_upload_mb * 2**20, css=CSS, footer_links=["api"],
               run_history=False, enable_monitoring=False, mcp_server=False)
