"""The team's web chat (Gradio): streamed answers whose citations open the filing beside them, saved
conversations, filters, uploads and exports.

One `Assistant` (model and index, loaded once) serves every browser session; each session keeps its own
conversation in `gr.State`, saved for its owner (the signed-in user, or the browser when sign-in is off). This
module only presents what `qa` returns; `render` turns it into chat Markdown and exports and `viewer` into the
document viewer, in which filing text and questions are always shown as text.
"""
from __future__ import annotations

import logging
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import gradio.utils
from starlette.middleware import Middleware

from qa.assistant import DEFAULT_K, Assistant, FilterError
from qa.models import Answer, Filters, Turn
from ui import render, viewer
from ui.auth import ROLES, Users
from ui.edgar_tab import EdgarTab
from ui.examples import SCRIPT as EXAMPLES_SCRIPT, example_questions, examples_html
from ui.signin import SignInRequired
from ui.uploads import ALLOWED_SUFFIXES, store_uploads

LOG = logging.getLogger("filings_qa")
SEARCHING = "Searching the filings…"
ANONYMOUS = "(no sign-in)"
# The filters as the page names them; a FilterError names its field, and the chat says it in these words.
FILTER_LABELS = {"company": "Company", "form": "Form", "section": "Section (EX-99 covers EX-99.1, EX-99.2 …)",
                 "since": "Filed on or after", "until": "Filed on or before"}
INDEX_CHECK_SECONDS = 5  # how often an open page asks whether filings were added or removed (by anyone)
CSS = """
.fqa-examples { display: flex; flex-wrap: wrap; gap: .4em; padding-top: 1.2em; }
.fqa-example { text-align: left; padding: .3em .6em; border: 1px solid var(--border-color-primary);
               border-radius: var(--radius-md); background: var(--background-fill-secondary); cursor: pointer;
               font-size: var(--text-md); font-weight: normal; }
""" + viewer.CSS


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 7860
    concurrency: int = 8  # requests worked on at once; with one shared model, more only wait on the CPU
    queue_size: int = 64  # requests waiting beyond that; later ones are told the server is busy
    max_upload_mb: int = 50
    users: Users | None = None  # sign-in required when set


@dataclass(frozen=True)
class Viewing:
    """The source the viewer shows: source `index` of answer `position`, on its page or in its whole section."""

    position: int
    index: int
    whole_section: bool = False


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


def _as_uploaded(saved: Path, uploaded_as: dict[Path, str]) -> str:
    """The name a file came with, and the one it was saved as where that differs (".htm" saved as upload.htm)."""
    given = uploaded_as.get(saved, saved.name)
    return given if given == saved.name else f"{given} (saved as {saved.name})"


def _messages(answers: list[Answer]) -> list[dict]:
    """A saved conversation as the chat shows it."""
    return [m for position, answer in enumerate(answers)
            for m in (_message("user", render.as_text(answer.question)),
                      _message("assistant", render.chat_message(answer, position)))]


def browser_secret(data: Path) -> str:
    """The key that seals each browser's id in its local storage, kept in the data folder: a browser finds its
    saved conversations again after the server restarts."""
    path = data / "browser-state.key"
    if not path.is_file():
        data.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


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
            LOG.warning("/ask refused: %s: %s", error.field, error)  # the caller's mistake: one line, no traceback
            raise gr.Error(f"{error.field}: {error}", print_exception=False) from None
        return answer.to_json()

    def chat(self, question: str, messages: list, answers: list, company: str | None, form: str | None,
             since: str | None, until: str | None, section: str | None):
        """Stream one answer into the conversation, then hand it to `answered` (the sources, the saving)."""
        if not question.strip():
            yield messages, answers, None, ""
            return
        messages = [*messages, _message("user", render.as_text(question)), _message("assistant", SEARCHING)]
        yield messages, gr.skip(), None, ""
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
                    yield messages, gr.skip(), None, gr.skip()
        except FilterError as error:
            messages[-1] = _message("assistant", render.as_text(
                f"Cannot search with these filters. {FILTER_LABELS[error.field]}: {error}"))
            yield messages, [*answers, None], None, gr.skip()  # one entry per exchange: a click on a message finds it
            return
        messages[-1] = _message("assistant", render.chat_message(answer, len(answers)))
        yield messages, [*answers, answer], answer, gr.skip()

    @staticmethod
    def example(event: gr.EventData) -> str:
        """The example question clicked, into the question box."""
        return str(getattr(event, "question", ""))

    def answered(self, unsaved: Answer | None, answers: list, conversation: str, owner: str) -> tuple[Any, ...]:
        """After an exchange: its answer saved in the owner's conversation, its first source in the viewer, the
        exports."""
        if unsaved is not None and owner:
            conversation = self.assistant.conversations.add(owner, conversation, unsaved)
        return (None, conversation, *self.saved(owner, conversation),
                *self.view(answers, Viewing(len(answers) - 1, 0)), *self.export(answers))

    # --- the viewer -----------------------------------------------------------------------------
    def view(self, answers: list, viewing: Viewing | None) -> tuple[Any, ...]:
        """(viewer, viewing, section button, original file button, answer as Markdown) for a source."""
        answer = answers[viewing.position] if viewing and 0 <= viewing.position < len(answers) else None
        sources = render.sources_of(answer) if answer is not None else []
        if not 0 <= (viewing.index if viewing else -1) < len(sources):
            return (viewer.empty(), None, gr.Button(visible=False), gr.DownloadButton(value=None, visible=False),
                    render.answer_markdown(answer) if answer is not None else "")
        item = sources[viewing.index]
        where = render.place(item)
        filing_id = where.filing.filing_id
        page = None if viewing.whole_section else self.assistant.page_image(item)
        section = self.assistant.section_at(filing_id, where.char_start)
        text = (self.assistant.filing_text(filing_id)[section.char_start:section.char_end]
                if section and not page else "")
        original = self.assistant.original_file(filing_id)
        is_pdf = page is not None or viewing.whole_section
        return (viewer.source_view(item, section, text, page, render.source_anchor(viewing.position, viewing.index)),
                viewing,
                gr.Button("Show the page" if viewing.whole_section else "Read the whole section", visible=is_pdf),
                gr.DownloadButton(f"Original file ({original.name})" if original else "", value=original,
                                  visible=original is not None),
                render.answer_markdown(answer))

    def open_source(self, answers: list, event: gr.EventData) -> tuple[Any, ...]:
        """A click on a source's link in the conversation."""
        chosen = render.parse_source_anchor(str(getattr(event, "anchor", "")))
        return self.view(answers, Viewing(*chosen) if chosen else None)

    def select_message(self, answers: list, event: gr.SelectData) -> tuple[Any, ...]:
        """A click on a message shows that exchange's first source."""
        position = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        return self.view(answers, Viewing(int(position) // 2, 0))

    def switch_section(self, answers: list, viewing: Viewing | None) -> tuple[Any, ...]:
        """A PDF's source: its whole section's text, or back to its page."""
        return self.view(answers, viewing and Viewing(viewing.position, viewing.index, not viewing.whole_section))

    # --- saved conversations --------------------------------------------------------------------
    def start_session(self, browser_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """Who owns this session's conversations: the signed-in user, else this browser (an id kept in its local
        storage, made here on its first visit)."""
        browser_id = browser_id or secrets.token_urlsafe(24)
        user = _user(request)
        owner = f"user:{user}" if user else f"browser:{browser_id}"
        return (browser_id, owner, *self.saved(owner, ""))

    def saved(self, owner: str, conversation: str) -> tuple[Any, ...]:
        """(the list of saved conversations, the title box, rename and delete buttons) with `conversation` open."""
        listed = self.assistant.conversations.listed(owner) if owner else []
        title = next((c.title for c in listed if c.conversation_id == conversation), "")
        return (gr.Radio(choices=[(c.title, c.conversation_id) for c in listed], value=conversation or None),
                gr.Textbox(value=title, interactive=bool(title)), gr.Button(interactive=bool(title)),
                gr.Button(interactive=bool(title)))

    def reopen(self, conversation: str | None, owner: str) -> tuple[Any, ...]:
        answers = self.assistant.conversations.answers(owner, conversation or "") if owner else []
        conversation = conversation if answers else ""
        return (_messages(answers), answers, conversation, *self.saved(owner, conversation),
                *self.view(answers, Viewing(len(answers) - 1, 0)), *self.export(answers))

    def rename(self, conversation: str, title: str, owner: str) -> tuple[Any, ...]:
        if not self.assistant.conversations.rename(owner, conversation, title):
            gr.Warning("Give the conversation a title of a few words.")
        return self.saved(owner, conversation)

    def delete(self, confirmed: str | None, conversation: str, owner: str) -> Any:
        """`confirmed`: the title box's value once the browser's confirmation was accepted, None when cancelled
        (the page's script cannot see or change the server's state, only a component's value)."""
        if confirmed is None:
            return gr.skip()  # one skip leaves every output as it is
        self.assistant.conversations.delete(owner, conversation)
        return self.reopen(None, owner)

    def export(self, answers: list) -> tuple[gr.DownloadButton, gr.DownloadButton]:
        """The conversation as Markdown and its citations as CSV, ready for a one-click download."""
        kept = [a for a in answers if a is not None]
        if not kept:
            return gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(value=None, interactive=False)
        # a folder the server names for each export, in Gradio's own file cache (inside the data folder when
        # served by `filings-qa serve`), which deletes the files a day later (delete_cache): nothing the browser
        # sends, not even its session hash, is part of the path
        self.exports.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="export-", dir=self.exports))
        (folder / "conversation.md").write_text(render.conversation_markdown(kept), encoding="utf-8")
        (folder / "citations.csv").write_text(render.citations_csv(kept), encoding="utf-8", newline="")
        return (gr.DownloadButton(value=folder / "conversation.md", interactive=True),
                gr.DownloadButton(value=folder / "citations.csv", interactive=True))

    # --- the index ------------------------------------------------------------------------------
    def index_views(self) -> tuple[Any, ...]:
        """The index's generation, filter choices, examples, the filings overview, the removal picker and the
        activity log."""
        generation = self.assistant.generation()
        filings = self.assistant.filings()
        dates = sorted(r.filing.filing_date for r in filings if r.filing.filing_date)
        span = f"indexed: {dates[0]} to {dates[-1]}" if dates else "no dated filings indexed"
        values = self.assistant.indexed_values
        examples = example_questions(filings, self.assistant.sections)
        overview = [[r.filing.company, r.filing.form, r.filing.filing_date, r.filing.accession or "-", r.sections,
                     r.chunks, r.status, r.added_by or "-", r.filing.filing_id] for r in filings]
        removable = [(f"{r.filing.label()} — {r.filing.filing_id}", r.filing.filing_id) for r in filings]
        activity = [[a.at, a.user or ANONYMOUS, a.action, a.detail, a.filing_id] for a in self.assistant.activity()]
        return (generation, gr.Dropdown(choices=values("company")), gr.Dropdown(choices=values("form")),
                gr.Dropdown(choices=values("section")), gr.DateTime(info=span), gr.DateTime(info=span),
                examples_html(examples), overview, gr.Dropdown(choices=removable, value=None), activity)

    def follow_index(self, generation: int) -> Any:
        """The index views again when filings were added or removed since this page last showed them (by
        another user, or by `filings-qa ingest` beside a Chroma server); else nothing changes."""
        if self.assistant.generation() == generation:
            return gr.skip()  # one skip leaves every output as it is
        return self.index_views()

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
            report = self.assistant.ingest(list(stored), show, _user(request))
            outcomes += [(o.status, _as_uploaded(Path(o.source), stored), _outcome_detail(o)) for o in report.outcomes]
        summary = "\n".join(f"- **{status}** {render.as_text(name)}"
                            + (f": {render.as_text(detail)}" if detail else "") for status, name, detail in outcomes)
        return (summary, *self.index_views())

    def remove(self, filing_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        if refused := self.refusal(request, "admin"):
            return (render.as_text(refused), *self.index_views())
        if not filing_id:
            message = "Choose a filing to remove."
        elif self.assistant.remove(filing_id, _user(request)):
            message = f"Removed {filing_id}."
        else:
            message = f"{filing_id} was not in the index (someone may have removed it already)."
        return (render.as_text(message), *self.index_views())

    # --- layout ---------------------------------------------------------------------------------
    def build(self) -> gr.Blocks:
        with gr.Blocks(title="Filings QA", delete_cache=(3600, 86400)) as app:
            browser = gr.BrowserState("", storage_key="filings-qa-browser",
                                      secret=browser_secret(self.assistant.settings.data))
            owner = gr.State("")  # whose conversations this session saves and lists, set when the page loads
            answers = gr.State([])  # this session's answers, one per exchange (None where it failed)
            conversation = gr.State("")  # the saved conversation they belong to ("" until the first answer)
            unsaved = gr.State(None)  # the answer of the exchange just ended, until `answered` saves it
            viewing = gr.State(None)  # the source the viewer shows (Viewing)
            generation = gr.State(-1)  # the index's generation that the filters and lists show
            gr.Markdown("# Filings QA\nAsk about the indexed SEC filings. Every answer cites its passages: click "
                        "a citation [n] to see the quote in its filing.")
            with gr.Sidebar(label="Conversations", open=False, elem_id="fqa-sidebar"):
                new_chat = gr.Button("New conversation", size="sm", elem_id="fqa-new")
                saved = gr.Radio(label="Saved conversations", choices=[], elem_id="fqa-conversations")
                title = gr.Textbox(label="Title", max_lines=1, interactive=False, elem_id="fqa-title")
                with gr.Row():
                    rename = gr.Button("Rename", size="sm", interactive=False, elem_id="fqa-rename")
                    delete = gr.Button("Delete", size="sm", variant="stop", interactive=False, elem_id="fqa-delete")
            with gr.Tab("Chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(height=560, autoscroll=True, label="Conversation", buttons=[],
                                             latex_delimiters=[], elem_id="fqa-chat")
                        with gr.Row():
                            question = gr.Textbox(placeholder="Ask about the filings…", show_label=False,
                                                  scale=5, elem_id="fqa-question", max_lines=4)
                            send = gr.Button("Ask", variant="primary", scale=1, elem_id="fqa-ask")
                        examples = gr.HTML("", label="Examples from the index", show_label=True, container=True,
                                           js_on_load=EXAMPLES_SCRIPT, elem_id="fqa-examples")
                        with gr.Accordion("Filters", open=False):
                            with gr.Row():
                                company = gr.Dropdown(label=FILTER_LABELS["company"], choices=[], value=None,
                                                      allow_custom_value=True, elem_id="fqa-company")
                                form = gr.Dropdown(label=FILTER_LABELS["form"], choices=[], value=None,
                                                   allow_custom_value=True, elem_id="fqa-form")
                                section = gr.Dropdown(label=FILTER_LABELS["section"], choices=[], value=None,
                                                      allow_custom_value=True, elem_id="fqa-section")
                            with gr.Row():
                                since = gr.DateTime(label=FILTER_LABELS["since"], include_time=False, type="string",
                                                    min_width=240, elem_id="fqa-since")
                                until = gr.DateTime(label=FILTER_LABELS["until"], include_time=False, type="string",
                                                    min_width=240, elem_id="fqa-until")
                            clear_filters = gr.Button("Clear filters", size="sm")
                        with gr.Row():
                            export_markdown = gr.DownloadButton("Export conversation (Markdown)", size="sm",
                                                                interactive=False, elem_id="fqa-export")
                            export_csv = gr.DownloadButton("Export citations (CSV)", size="sm", interactive=False,
                                                           elem_id="fqa-export-csv")
                        with gr.Accordion("Answer as Markdown", open=False):
                            as_markdown = gr.Textbox(show_label=False, lines=6, max_lines=12, interactive=False,
                                                     buttons=["copy"], elem_id="fqa-markdown")
                    with gr.Column(scale=2):
                        document = gr.HTML(viewer.empty(), elem_id="fqa-viewer", js_on_load=viewer.SCRIPT)
                        with gr.Row():
                            read_section = gr.Button("Read the whole section", size="sm", visible=False,
                                                     elem_id="fqa-read-section")
                            original = gr.DownloadButton("Original file", size="sm", visible=False,
                                                         elem_id="fqa-original")
            with gr.Tab("Documents"):
                with gr.Row():
                    with gr.Column():
                        # No `file_types`: Gradio would fail the whole batch over one file it does not take (one
                        # named just ".htm"); store_uploads judges each file and the report says why
                        files = gr.File(label=f"Add filings ({', '.join(ALLOWED_SUFFIXES)}; at most "
                                              f"{self.options.max_upload_mb} MB each)",
                                        file_count="multiple", type="filepath", elem_id="fqa-upload")
                        add = gr.Button("Add to the index", variant="primary", interactive=False, elem_id="fqa-add")
                        upload_report = gr.Markdown(elem_id="fqa-upload-report")
                    with gr.Column():
                        to_remove = gr.Dropdown(label="Filing to remove", choices=[], value=None, elem_id="fqa-remove")
                        remove = gr.Button("Remove from the index", variant="stop", interactive=False,
                                           elem_id="fqa-remove-button")
                        remove_report = gr.Markdown()
                edgar = EdgarTab(self.assistant, self.refusal, self.index_views, _user)
                edgar.layout()
                overview = gr.Dataframe(headers=["company", "form", "filed", "accession", "sections", "chunks",
                                                 "status", "added by", "filing id"],
                                        label="Indexed filings", interactive=False, elem_id="fqa-overview")
                activity = gr.Dataframe(headers=["when (UTC)", "who", "what", "filing", "filing id"],
                                        label="Recent changes", interactive=False, elem_id="fqa-activity")

            index_outputs = [generation, company, form, section, since, until, examples, overview, to_remove,
                             activity]
            view_outputs = [document, viewing, read_section, original, as_markdown]
            saved_outputs = [saved, title, rename, delete]
            export_outputs = [export_markdown, export_csv]
            private = {"api_visibility": "private"}
            ask = {"fn": self.chat, "inputs": [question, chatbot, answers, company, form, since, until, section],
                   "outputs": [chatbot, answers, unsaved, question]}
            after = {"fn": self.answered, "inputs": [unsaved, answers, conversation, owner],
                     "outputs": [unsaved, conversation, *saved_outputs, *view_outputs, *export_outputs], **private}
            question.submit(**ask, api_name="chat").then(**after)
            send.click(**ask, **private).then(**after)
            examples.example(self.example, None, question, queue=False, **private) \
                .then(**ask, **private).then(**after)
            document.source(self.open_source, answers, view_outputs, **private)
            chatbot.select(self.select_message, answers, view_outputs, **private)
            read_section.click(self.switch_section, [answers, viewing], view_outputs, **private)
            reopened = [chatbot, answers, conversation, *saved_outputs, *view_outputs, *export_outputs]
            saved.input(self.reopen, [saved, owner], reopened, **private)
            new_chat.click(lambda owner_: self.reopen(None, owner_), owner, reopened, **private)
            rename.click(self.rename, [conversation, title, owner], saved_outputs, **private)
            delete.click(self.delete, [title, conversation, owner], reopened, **private,
                         js="(title, ...state) => [confirm('Delete this conversation?') ? title : null, ...state]")
            clear_filters.click(lambda: (None, None, None, None, None), None, [company, form, section, since, until],
                                queue=False, **private)
            # index changes go one at a time: two uploads never embed into the store at once
            add.click(self.upload, files, [upload_report, *index_outputs], concurrency_limit=1,
                      concurrency_id="index_changes", **private).then(lambda: None, None, files, **private)
            files.change(lambda chosen: gr.Button(interactive=bool(chosen)), files, add, queue=False, **private)
            to_remove.change(lambda chosen: gr.Button(interactive=bool(chosen)), to_remove, remove, queue=False,
                             **private)
            # the index is shared: a removal is confirmed in the browser first (cancelled: nothing is sent)
            remove.click(self.remove, to_remove, [remove_report, *index_outputs], concurrency_limit=1,
                         concurrency_id="index_changes", **private,
                         js="(id) => id && confirm('Remove this filing from the index for everyone?') ? id : null")
            edgar.wire(index_outputs)
            app.load(self.start_session, browser, [browser, owner, *saved_outputs], **private)
            app.load(self.index_views, None, index_outputs, **private)
            gr.Timer(INDEX_CHECK_SECONDS).tick(self.follow_index, generation, index_outputs, queue=False, **private)
            gr.api(self.ask_json, api_name="ask")
        return app


def build_app(assistant: Assistant, options: ServeOptions | None = None) -> gr.Blocks:
    return ChatApp(assistant, options or ServeOptions()).build()


def serve(assistant: Assistant, options: ServeOptions, block: bool = True) -> gr.Blocks:
    """Serve the chat, until interrupted unless `block` is False (then the caller closes the returned app):
    never a public share link; sign-in on every route when users are given."""
    app = build_app(assistant, options)
    app.queue(default_concurrency_limit=options.concurrency, max_size=options.queue_size)
    users = options.users
    app.launch(server_name=options.host, server_port=options.port, share=False, show_error=True, quiet=True,
               auth=users.check if users else None,
               auth_message="Sign in with your Filings QA account." if users else None,
               app_kwargs={"middleware": [Middleware(SignInRequired, users=users)] if users else []},
               max_file_size=options.max_upload_mb * 2**20, css=CSS, footer_links=["api"],
               run_history=False, enable_monitoring=False, mcp_server=False, prevent_thread_lock=not block,
               allowed_paths=[str(assistant.originals_folder)],
               ssr_mode=False)  # no Node.js server in front: every request goes through SignInRequired
    return app
