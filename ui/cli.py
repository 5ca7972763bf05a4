"""`filings-qa`: a thin command-line shell over the same API the web chat uses.

Heavy modules (torch, chromadb, gradio) are imported inside the commands that need them,
so `filings-qa parse` and `--help` start fast.
"""
from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Annotated, Optional

import typer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(help="Answer questions about SEC filings with cited passages.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)

DataOption = Annotated[
    Optional[Path],
    typer.Option("--data", help="Data folder (default: $FILINGS_QA_DATA or ./data).", show_default=False),
]


# The limits each file is read within, for `parse` and `ingest` alike.
MaxFileOption = Annotated[Optional[float], typer.Option(
    "--max-file-mb", min=0.001, help="Largest file taken, in MB (default: $FILINGS_QA_MAX_FILE_MB or 50).",
    show_default=False)]
MaxTextOption = Annotated[Optional[int], typer.Option(
    "--max-text-chars", min=1, help="Most characters of text a file may give "
    "(default: $FILINGS_QA_MAX_TEXT_CHARS or 10000000).", show_default=False)]
MaxSecondsOption = Annotated[Optional[float], typer.Option(
    "--max-parse-seconds", min=0.001, help="Seconds reading one file may take "
    "(default: $FILINGS_QA_MAX_PARSE_SECONDS or 60).", show_default=False)]

ChromaUrlOption = Annotated[
    Optional[str],
    typer.Option("--chroma-url", help="A Chroma server (http://host:port) holding the index every process using "
                 "it shares (default: $FILINGS_QA_CHROMA_URL; none: the data folder's own).", show_default=False),
]


def _settings(data: Optional[Path], **overrides):
    from qa.config import AssistantSettings

    return AssistantSettings().with_overrides(data=data, **overrides)


def _open_assistant(data: Optional[Path], create: bool = False, **overrides):
    """The assistant over the data folder's index (or the Chroma server's); a command that only reads stops with
    a one-line error where there is none, and creates nothing (`create`: a command that adds filings makes the
    index)."""
    return _open(_settings(data, **overrides), create)


def _open(settings, create: bool = False):
    from qa.assistant import Assistant, EmbeddingModelError, StoreError

    try:
        return Assistant.open(settings, create=create)
    except (StoreError, EmbeddingModelError) as error:
        _fail(str(error))


def _writer(assistant, holder: str):
    """The assistant, once it is the one process writing to its data folder; else a one-line error."""
    from qa.assistant import StoreError

    try:
        assistant.claim_writes(holder)
    except StoreError as error:
        _fail(str(error))
    return assistant


def _command_line_user() -> str:
    """Who the activity log names for a change made with the command line."""
    return f"{getpass.getuser()} (command line)"


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="Filing files, and folders to read recursively.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    max_file_mb: MaxFileOption = None,
    max_text_chars: MaxTextOption = None,
    max_parse_seconds: MaxSecondsOption = None,
) -> None:
    """Read filings and show their metadata and sections, without embedding anything."""
    from qa.documents import describe_files

    settings = _settings(None, max_file_mb=max_file_mb, max_text_chars=max_text_chars,
                         max_parse_seconds=max_parse_seconds)
    read = failed = 0
    for record in describe_files(files, settings):
        read += 1
        failed += "error" in record
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            _print_parse(record)
    if failed == read:
        raise typer.Exit(1)


def _print_parse(record: dict) -> None:
    if "error" in record:
        typer.echo(f"{record['source']}: error: {record['error']}")
        return
    typer.echo(f"{record['source']}\n  {record['company']} | {record['form']} | filed {record['filing_date']} | "
               f"period {record['period']} | CIK {record['cik'] or '-'} | accession {record['accession'] or '-'}")
    for warning in record["warnings"]:
        typer.echo(f"  warning: {warning}")
    for s in record["sections"]:
        pages = f" p.{s['pages'][0]}-{s['pages'][-1]}" if s["pages"] else ""
        typer.echo(f"  {s['name']:<18} {s['char_start']:>8}-{s['char_end']:<8}{pages} {s['title'][:70]}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Filing files and folders (searched recursively).")],
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
    max_file_mb: MaxFileOption = None,
    max_text_chars: MaxTextOption = None,
    max_parse_seconds: MaxSecondsOption = None,
) -> None:
    """Add filings to the index: unchanged files are skipped, changed ones replaced."""
    assistant = _writer(_open_assistant(data, create=True, chroma_url=chroma_url, max_file_mb=max_file_mb,
                                        max_text_chars=max_text_chars, max_parse_seconds=max_parse_seconds),
                        "filings-qa ingest")
    report = _ingest_with_progress(assistant, paths)
    if report.outcomes and report.count("ingested") + report.count("unchanged") == 0:
        raise typer.Exit(1)


def _ingest_with_progress(assistant, paths: list):
    """Ingest with a progress bar, each failure told as it happens, then a summary; returns the report."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[chunks]} chunks, {task.fields[rate]:.1f} chunks/s"),
               TimeElapsedColumn(), TextColumn("{task.fields[current]}"))
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("Ingesting", total=None, chunks=0, rate=0.0, current="loading model")

        def show(progress) -> None:
            if (judged := progress.judged) is not None:
                if judged.status == "failed":
                    console.print(f"[red]error[/red] {judged.source}: {judged.error}", highlight=False)
                for warning in judged.warnings:
                    console.print(f"[yellow]warning[/yellow] {judged.source}: {warning}", highlight=False)
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, total=progress.files_total, completed=progress.files_done,
                       chunks=progress.chunks_embedded, rate=progress.chunks_embedded / elapsed,
                       current=Path(progress.current).name[:40])

        report = assistant.ingest(paths, on_progress=show, added_by=_command_line_user())
    console.print(
        f"{report.count('ingested')} ingested, {report.count('unchanged')} unchanged, {len(report.failures)} failed; "
        f"{report.sections} sections, {report.chunks} chunks, {report.tokens} tokens in {report.seconds:.1f} s"
        + (f" ({report.chunks / report.seconds:.1f} chunks/s; model loaded in {report.model_seconds:.1f} s)"
           if report.chunks else ""),
        highlight=False,
    )
    return report


@app.command()
def fetch(
    companies: Annotated[list[str], typer.Argument(help="Tickers (AAPL) or CIKs (320193).",
                                                   metavar="TICKER_OR_CIK")],
    form: Annotated[Optional[list[str]], typer.Option(
        help="Only this form; repeat for more. 10-K also takes 10-K405, 10-KSB and 10-K/A.")] = None,
    since: Annotated[str, typer.Option(help="Only filings filed on or after YYYY-MM-DD.")] = "",
    until: Annotated[str, typer.Option(help="Only filings filed on or before YYYY-MM-DD.")] = "",
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most N filings a company, the newest first.")] = None,
    ingest: Annotated[bool, typer.Option("--ingest", help="Add the fetched filings to the index.")] = False,
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
) -> None:
    """Download filings from EDGAR into DATA/edgar/<CIK>/<accession>/ (needs FILINGS_QA_EDGAR_USER_AGENT)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from qa.assistant import EdgarError, FetchRequest

    assistant = _open_assistant(data, create=True, chroma_url=chroma_url)
    if ingest:
        _writer(assistant, "filings-qa fetch --ingest")
    request = FetchRequest(tuple(companies), tuple(form or ()), since, until, limit)
    console = Console(stderr=True)
    columns = (TextColumn("Fetching"), BarColumn(), MofNCompleteColumn(), TextColumn("filings"), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("", total=None)

        def show(progress) -> None:
            if progress.judged is not None and progress.judged.status == "failed":
                console.print(f"[red]error[/red] {progress.judged.filing.label()}: {progress.judged.error}",
                              highlight=False)
            bar.update(task, total=progress.total or None, completed=progress.done, description=progress.current)

        try:
            report = assistant.fetch_from_edgar(request, show)
        except EdgarError as error:
            bar.stop()
            _fail(str(error))
    if not report.outcomes:
        _fail(f"no {request.describe()} of {', '.join(companies)} on EDGAR")
    for company in report.empty:
        console.print(f"{company}: no {request.describe()} on EDGAR", highlight=False)
    downloaded = [o for o in report.outcomes if o.status == "downloaded"]
    console.print(f"{len(downloaded)} downloaded ({sum(o.documents for o in downloaded)} documents, "
                  f"{sum(o.size for o in downloaded) / 2**20:.1f} MB), {report.count('unchanged')} "
                  f"already here, {report.count('failed')} failed, in {report.seconds:.1f} s; into "
                  f"{assistant.settings.data / 'edgar'}", highlight=False)
    if ingest and report.manifests:
        _ingest_with_progress(assistant, report.manifests)
    if not report.manifests:
        raise typer.Exit(1)


@app.command("list")
def list_filings(
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per filing.")] = False,
) -> None:
    """Show the indexed filings with their chunk counts."""
    from qa.models import COMPLETE

    filings = _open_assistant(data, chroma_url=chroma_url).filings()
    for record in filings:
        if as_json:
            typer.echo(json.dumps(record.to_json(), ensure_ascii=False))
        else:
            filing = record.filing
            pending = "" if record.status == COMPLETE else f"  [{record.status}]"
            typer.echo(f"{filing.filing_id:<32} {filing.company[:34]:<35} {filing.form:<8} {filing.filing_date:<10} "
                       f"{record.sections:>4} sections {record.chunks:>6} chunks{pending}")
    if not filings and not as_json:
        typer.echo("No filings indexed yet: run `filings-qa ingest PATH`.")


@app.command()
def check(
    repair: Annotated[bool, typer.Option("--repair", help="Put right what can be: remove broken filings "
                                         "(ingest their files again) and chunks of unlisted ones.")] = False,
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
) -> None:
    """Check the index's registry, chunks and texts against each other (after a crash, say)."""
    assistant = _open_assistant(data, chroma_url=chroma_url)
    if repair:
        _writer(assistant, "filings-qa check --repair")
    problems = assistant.check(repair)
    for problem in problems:
        typer.echo(f"{problem.filing_id}: {problem.what}")
    typer.echo(f"{len(problems)} problem(s) found, {sum(p.repaired for p in problems)} repaired"
               if problems else "The index is consistent.")
    if any(not p.repaired and not p.harmless for p in problems):
        raise typer.Exit(1)


@app.command()
def migrate(
    chroma_url: Annotated[str, typer.Option("--chroma-url", help="The Chroma server to copy into (http://host:port).")],
    data: DataOption = None,
) -> None:
    """Copy a data folder's own index into a Chroma server, without embedding anything again."""
    from rich.console import Console
    from rich.progress import Progress

    from qa.assistant import StoreError

    # the folder's embedded index, whatever FILINGS_QA_CHROMA_URL says
    source = _open(_settings(data).model_copy(update={"chroma_url": ""}))
    console = Console(stderr=True)
    with Progress(console=console) as bar:
        task = bar.add_task("Copying filings", total=None)
        try:
            report = source.copy_to(chroma_url, lambda done, total, _: bar.update(task, completed=done, total=total))
        except StoreError as error:
            _fail(str(error))
    console.print(f"{len(report.copied)} filings copied ({report.chunks} chunks) in {report.seconds:.1f} s; "
                  f"{len(report.already)} already on the server", highlight=False)
    for filing_id in report.differing:
        console.print(f"{filing_id}: the server holds another version of it, left as it is", highlight=False)


@app.command()
def remove(
    filing_id: Annotated[str, typer.Argument(help="A FILING_ID from `filings-qa list`.")],
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
) -> None:
    """Remove a filing and its chunks from the index."""
    if not _writer(_open_assistant(data, chroma_url=chroma_url), "filings-qa remove").remove(
            filing_id, _command_line_user()):
        _fail(f"no filing {filing_id!r} in the index (see `filings-qa list`)")
    typer.echo(f"removed {filing_id}")


@app.command()
def ask(
    question: Annotated[Optional[str], typer.Argument(help="The question, in plain words.")] = None,
    questions: Annotated[Optional[Path], typer.Option(
        "--questions", help="A JSONL file of {id, question} objects: one answer per line.")] = None,
    company: Annotated[str, typer.Option(help="Only filings of this company.")] = "",
    form: Annotated[str, typer.Option(help="Only this form, e.g. 8-K or 10-K.")] = "",
    since: Annotated[str, typer.Option(help="Only filings dated on or after YYYY-MM-DD.")] = "",
    until: Annotated[str, typer.Option(help="Only filings dated on or before YYYY-MM-DD.")] = "",
    section: Annotated[str, typer.Option(help="Only this section, e.g. 'Item 1A' or EX-99.")] = "",
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages to return.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (one object per question).")] = False,
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
) -> None:
    """Answer a question from the indexed filings, with cited quotes."""
    from qa.filters import FilterError
    from qa.models import Filters

    if (question is None) == (questions is None):
        _fail("give a QUESTION or --questions FILE, not both or neither")
    if questions is not None:
        from evaluation.scoring import EvalInputError, load_questions

        try:
            batch = [(item.id, item.question) for item in load_questions(questions)]
        except EvalInputError as error:
            _fail(str(error))
    else:
        batch = [("", question)]
    assistant = _open_assistant(data, chroma_url=chroma_url)
    filters = Filters(company=company, form=form, since=since, until=until, section=section)
    for question_id, text in batch:
        try:
            answer = assistant.ask(text, filters, k=k)
        except FilterError as error:
            _fail(f"--{error.field}: {error}")
        if as_json:
            typer.echo(json.dumps(answer.to_json(question_id if questions else None), ensure_ascii=False))
        else:
            _print_answer(answer)


def _print_answer(answer) -> None:
    typer.echo(answer.text)
    if answer.flags:
        typer.echo("\n".join(f"  ! {flag}" for flag in answer.flags))
    if answer.filters.describe():
        typer.echo(f"  (searched with {answer.filters.describe()})")
    if answer.citations:
        typer.echo("\nSources:")
        for c in answer.citations:
            page = f", p. {c.page}" if c.page else ""
            typer.echo(f"[{c.n}] {c.filing.label(c.section)}{' (' + c.section_title + ')' if c.section_title else ''}"
                       f"{page}\n    {c.filing.accession or c.filing.filing_id} · {Path(c.filing.source).name} · "
                       f"chars {c.char_start}-{c.char_end}\n    \"{' '.join(c.quote.split())}\"")
    elif answer.passages:
        typer.echo("\nNearest passages:")
        for p in answer.passages:
            typer.echo(f"{p.rank}. {p.chunk.filing.label(p.chunk.section)}\n    {' '.join(p.chunk.text.split())[:300]}")


AuthFileOption = Annotated[
    Optional[Path],
    typer.Option("--auth-file", help="Users file for sign-in (default: $FILINGS_QA_AUTH_FILE; none: no sign-in).",
                 show_default=False),
]


def _auth_file(auth_file: Optional[Path]) -> Optional[Path]:
    named = auth_file or os.environ.get("FILINGS_QA_AUTH_FILE", "")
    return Path(named) if named else None


@app.command()
def serve(
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 opens it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the web chat.")] = 7860,
    auth_file: AuthFileOption = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Requests worked on at once.")] = 8,
    max_upload_mb: Annotated[int, typer.Option(min=1, help="Largest filing accepted by upload, in MB.")] = 50,
) -> None:
    """Serve the team's web chat (sign-in when a users file is given)."""
    settings = _settings(data, chroma_url=chroma_url)
    # Gradio keeps uploads in its temporary folder until they are ingested: keep that inside the data folder.
    os.environ.setdefault("GRADIO_TEMP_DIR", str((settings.data / "gradio-tmp").resolve()))
    from ui.auth import AuthError, Users
    from ui.web import ServeOptions, serve as serve_chat

    users = None
    if (path := _auth_file(auth_file)) is not None:
        try:
            users = Users(path)
        except AuthError as error:
            _fail(str(error))
    assistant = _writer(_open(settings, create=True), f"filings-qa serve on http://{host}:{port}")
    assistant.embedder  # load the model before the first user waits for it
    assistant.keep_in_step()
    sign_in = f"sign-in for {len(users)} user(s)" if users else "no sign-in"
    if users is None and host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: serving on {host} without sign-in: anyone who reaches this port can read and change "
                   "the index (set FILINGS_QA_AUTH_FILE)", err=True)
    count = len(assistant.filings())
    typer.echo(f"Filings QA: {count} filing{'' if count == 1 else 's'} indexed; {sign_in}; serving on "
               f"http://{host}:{port}", err=True)
    serve_chat(assistant, ServeOptions(host=host, port=port, concurrency=concurrency, max_upload_mb=max_upload_mb,
                                       users=users))


@app.command("add-user")
def add_user(
    name: Annotated[str, typer.Argument(help="The user name to sign in with.")],
    auth_file: AuthFileOption = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from standard input instead of asking for it.")] = False,
    role: Annotated[str, typer.Option(
        help="reader (asks), editor (also adds filings) or admin (also removes them); "
             "default: editor for a new user, unchanged for an existing one.", show_default=False)] = "",
) -> None:
    """Add a user of the web chat, or set a user's password and role (stored as a salted scrypt hash)."""
    import sys

    from ui.auth import AuthError, add_user as add

    path = _auth_file(auth_file)
    if path is None:
        _fail("name the users file with --auth-file or FILINGS_QA_AUTH_FILE")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        is_new = add(path, name, password, role)
    except AuthError as error:
        _fail(str(error))
    typer.echo(f"{'added' if is_new else 'updated the password of'} {name} in {path}")


@app.command("eval")
def eval_questions(
    questions: Annotated[Path, typer.Argument(help="Questions, one JSON object a line (as dev_qa.jsonl).")],
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score a plain llama-index pipeline.")] = False,
    out: Annotated[Optional[Path], typer.Option(help="Report folder (default: DATA/eval).", show_default=False)] = None,
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
    k: Annotated[int, typer.Option("--k", min=1, help="Passages retrieved per question.")] = 10,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Only the first N questions.")] = None,
    split: Annotated[Optional[str], typer.Option(
        help="Only one half of the questions: tuning or validation (the fixed rule of evaluation/split.py).",
        show_default=False)] = None,
) -> None:
    """Score retrieval, answers, refusals and citations on a question set; print and write the report."""
    from functools import lru_cache, partial

    from rich.console import Console
    from rich.progress import track

    from evaluation.baseline import Baseline, BaselineError
    from evaluation import split as question_split
    from evaluation.scoring import EvalInputError, evaluate, load_questions, write_report
    from qa.models import COMPLETE

    if split is not None and split not in question_split.HALVES:
        _fail(f"--split is one of {', '.join(question_split.HALVES)}, not {split!r}")
    try:
        items = load_questions(questions)
    except EvalInputError as error:
        _fail(str(error))
    items = (question_split.only(items, split) if split else items)[:limit]
    assistant = _open_assistant(data, chroma_url=chroma_url)
    files = [(r.filing.source, r.content_hash) for r in assistant.filings() if r.status == COMPLETE]
    if not files:
        _fail("the index holds no filings: run `filings-qa ingest PATH` first")
    console = Console(stderr=True)  # stdout carries the Markdown table only

    def progress(label: str):
        return lambda rows: track(rows, description=f"Asking ({label})", console=console)

    ask = partial(assistant.ask, k=k)
    filing_text = lru_cache(maxsize=None)(assistant.filing_text)  # several citations quote one filing
    results = {"ours": evaluate(items, ask, filing_text, progress("ours"))}
    if baseline:
        console.print(f"Baseline over {len(files)} filing(s): indexed once, reused while they are unchanged")
        try:
            plain = Baseline(files, assistant.settings.data / "baseline", k)
        except BaselineError as error:
            _fail(str(error))
        results["baseline"] = evaluate(items, plain.ask, filing_text, progress("baseline"))
    folder = out or assistant.settings.data / "eval"
    typer.echo(write_report(folder, questions, results))
    console.print(f"report.json, report.md and chart.png written to {folder}", highlight=False)


@app.command()
def train(
    questions: Annotated[Path, typer.Argument(
        help="Questions with evidence, one JSON object a line (as dev_qa.jsonl).")],
    data: DataOption = None,
    chroma_url: ChromaUrlOption = None,
    split: Annotated[str, typer.Option(
        help="Train on this half of the questions (evaluation/split.py), or on all of them.")] = "tuning",
    spot_checks: Annotated[bool, typer.Option(
        help="Learn from the project's spot checks (evaluation/spot_checks.jsonl) too, each with the half its "
             "file is in.")] = True,
    out: Annotated[Optional[Path], typer.Option(
        help="Where to write the scorer (default: the one the assistant ships with, qa/answer_scorer.json).",
        show_default=False)] = None,
) -> None:
    """Fit the answer scorer and its refusal threshold on the evidence sentences of a question file."""
    from dataclasses import replace

    from rich.console import Console
    from rich.progress import track

    from evaluation import spot_checks as spot
    from evaluation import split as question_split
    from evaluation.scoring import EvalInputError, load_questions
    from evaluation.training import cases_of, questions_for, settings_cases, settings_half, train as fit
    from qa.scorer import SHIPPED

    if split not in (*question_split.HALVES, "all"):
        _fail(f"--split is one of {', '.join(question_split.HALVES)}, all; not {split!r}")
    try:
        dev = load_questions(questions)
    except EvalInputError as error:
        _fail(str(error))
    extra = spot.as_questions(spot.load(spot.SPOT_CHECKS)) if spot_checks else []
    if repeated := {item.id for item in dev} & {item.id for item in extra}:
        _fail(f"{questions} and the spot checks share question ids ({', '.join(sorted(repeated)[:5])}): "
              "rename them, or train with --no-spot-checks")
    items, settings = questions_for(dev, extra, split)
    spot_used = len({item.id for item in items} - {item.id for item in dev})
    assistant = _open_assistant(data, chroma_url=chroma_url)
    if not assistant.filings():
        _fail("the index holds no filings: ingest the filings the questions are about first")
    console = Console(stderr=True)
    cases = cases_of(assistant, items, lambda rows: track(rows, description="Scoring sentences", console=console))
    scorer, held_out = fit(cases, settings_from=settings_cases(cases, settings))
    settings_from = settings_half(split)
    scorer = replace(scorer, training={"questions": questions.name, "spot_checks": spot_used, "split": split,
                                       "settings_from": settings_from, **scorer.training})
    target = out or SHIPPED
    scorer.save(target)
    typer.echo("| C | held-out log loss | threshold | answerable refused | unanswerable refused | near misses refused "
               "| answered quoting the evidence first |\n|---|---|---|---|---|---|---|")
    for r in held_out:
        mark = " (chosen)" if r.strength == scorer.training["strength"] else ""
        typer.echo(f"| {r.strength}{mark} | {r.log_loss:.3f} | {r.threshold:.3f} | {r.answerable_refused:.1%} "
                   f"| {r.unanswerable_refused:.1%} | {r.near_misses_refused:.1%} | {r.answered_with_evidence:.1%} |")
    console.print(f"{len(items)} questions ({spot_used} spot checks), {scorer.training['cases']} cases "
                  f"({scorer.training['near_misses']} near misses); strength and threshold chosen by cross-validation "
                  f"on the {settings_from} half's {scorer.training['settings_cases']} (above); scorer written to "
                  f"{target}", highlight=False)
