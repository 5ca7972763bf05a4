"""The web chat's parts that need no server: escaping, source links, the viewer, exports, uploads, sign-in."""
from __future__ import annotations

import re

import pytest

from qa.models import Answer, Chunk, Citation, FilingRecord, FilingRef, Passage, Section
from ui import render, viewer
from ui.auth import AuthError, Users, add_user
from ui.examples import example_questions
from ui.uploads import MAX_FILES, clean_name, store_uploads
from ui.web import history_from_json

HOSTILE = "Paid $5 <script>alert(1)</script> <img src=x onerror=alert(2)> [site](javascript:alert(3)) **b** &lt;i&gt;"
TEXT = f"Intro. {HOSTILE} The end."
START = 1000  # where the passage lies in its filing
QUOTE_START = START + TEXT.index("Paid")


FILING = FilingRef(company="Evil <b>Corp</b>", form="8-K", filing_date="2004-06-03", accession="0001-04-000001",
                   filing_id="f1", source="/data/uploads/ab/evil.txt")


def _passage(text: str = TEXT) -> Passage:
    return Passage(1, Chunk("c1", FILING, text, "Item 5", "Other <i>Events</i>", START, START + len(text)), 0.9)


def _answer() -> Answer:
    citation = Citation(1, FILING, "Item 5", "Other <i>Events</i>", None, HOSTILE, QUOTE_START,
                        QUOTE_START + len(HOSTILE), 1)
    return Answer("What <b>was</b> paid?", f"{HOSTILE} [1] and [7]", citations=[citation], passages=[_passage()],
                  answered_at="2024-06-04T10:11:12+00:00")


def test_chat_markdown_escapes_every_punctuation_mark_of_filing_text_and_questions():
    message = render.chat_message(_answer(), 3)
    # the only links are ours: [1] in the text and in the sources line, to source 0 of answer 3 ([7] cites nothing)
    assert re.findall(r"\]\(([^)]*)\)", message) == ["#fqa-source-3-0", "#fqa-source-3-0"]
    assert render.parse_source_anchor("#fqa-source-3-0") == (3, 0) and render.parse_source_anchor("#x-1-2") is None
    ours = re.sub(r"(?<!\\)\[(.*?)\]\(#fqa-source-\d+-\d+\)", r"\1", message).replace("*Sources:*", "")
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", ours)
    assert not re.search(r"[<>\[\]()`$&*_]", unescaped)  # nothing left from the data that Markdown or HTML could read
    assert render.as_text("a_b*c") == r"a\_b\*c"


def _section() -> Section:
    return Section("Item 5", "Other <i>Events</i>", START - 7, START + len(TEXT))


def test_the_viewer_marks_the_quote_in_its_section_and_escapes_everything():
    view = viewer.source_view(_answer().citations[0], _section(), "Before " + TEXT, None)
    assert "<script" not in view and "<img" not in view and "<b>" not in view and "<i>" not in view
    assert view.count("<mark") == 1 and 'Before Intro. <mark class="fqa-scroll-to">Paid' in view
    marked = re.search(r"<mark[^>]*>(.*)</mark>", view).group(1)
    assert marked.startswith("Paid $5 &lt;script&gt;") and marked.endswith("&amp;lt;i&amp;gt;")
    assert "Evil &lt;b&gt;Corp&lt;/b&gt; · 8-K · filed 2004-06-03" in view and "accession 0001-04-000001" in view
    assert "Item 5 — Other &lt;i&gt;Events&lt;/i&gt;" in view and "of evil.txt" in view
    assert "href" not in view  # no CIK, and no accession as EDGAR writes one: no link


def test_the_viewer_links_to_edgar_only_with_a_cik_and_an_accession_as_edgar_writes_them():
    from dataclasses import replace

    def view(**filing) -> str:
        citation = replace(_answer().citations[0], filing=replace(FILING, **filing))
        return viewer.source_view(citation, _section(), TEXT, None)

    assert ('href="https://www.sec.gov/Archives/edgar/data/855654/000095013501500123/0000950135-01-500123-index.htm"'
            in view(cik="0000855654", accession="0000950135-01-500123"))
    assert "href" not in view(cik="855654", accession='0000950135-01-500123"><script>')


def test_the_viewer_shows_a_pdf_page_with_an_anchor_at_the_mark():
    from qa.models import Box, PageImage

    page = PageImage(b"\x89PNG...", 3, 9, 900, 1200, (Box(10, 600, 300, 620),))
    view = viewer.source_view(_answer().citations[0], _section(), "", page)
    assert 'src="data:image/png;base64,iVBORy4uLg=="' in view and "page 3 of 9" in view
    assert 'style="top: 50.00%"' in view  # the quote's first line, halfway down the page
    assert 'alt="Page 3, the quote marked: Paid $5 &lt;script&gt;' in view


def test_report_markdown_keeps_citation_marks_and_quotes_but_no_markup():
    markdown = render.conversation_markdown([_answer(), _answer()])
    assert markdown.startswith("# Filings QA conversation") and markdown.count("\n---\n") == 1
    assert "*Answered 2024-06-04 10:11:12 UTC*" in markdown
    assert "[1] Evil \\<b\\>Corp\\</b\\> · 8-K · 2004-06-03 · Item 5" in markdown
    assert f"accession 0001-04-000001, characters {QUOTE_START}–{QUOTE_START + len(HOSTILE)} of evil.txt." in markdown
    assert "\\[site\\](javascript:alert(3))" in markdown and " [1]" in markdown
    assert render.report_text("[2](x) [3]: y [4]") == "\\[2\\](x) \\[3\\]: y [4]"


def test_citations_csv_has_a_row_per_citation_with_where_and_when_and_no_formulas():
    import csv
    import io
    from dataclasses import replace

    formula = replace(_answer(), citations=[replace(_answer().citations[0], quote="=HYPERLINK(\"http://x\")")])
    header, *rows = list(csv.reader(io.StringIO(render.citations_csv([_answer(), formula]))))
    assert tuple(header) == render.CSV_COLUMNS
    first = dict(zip(header, rows[0]))
    assert first["answered_at"] == "2024-06-04T10:11:12+00:00" and first["question"] == "What <b>was</b> paid?"
    assert (first["n"], first["company"], first["form"], first["accession"], first["section"]) == (
        "1", "Evil <b>Corp</b>", "8-K", "0001-04-000001", "Item 5")
    assert (first["char_start"], first["char_end"]) == (str(QUOTE_START), str(QUOTE_START + len(HOSTILE)))
    assert first["file"] == "evil.txt"
    assert first["quote"] == HOSTILE and rows[1][header.index("quote")] == "'=HYPERLINK(\"http://x\")"


def test_a_refusal_shows_the_nearest_passages():
    refusal = Answer("Who is the CEO of Initech?", "The indexed filings do not say.", refused=True,
                     passages=[_passage("Nearest words.")])
    message = render.chat_message(refusal, 0).replace("\\", "")
    assert "*Nearest passages:* Evil <b>Corp</b> · 8-K · 2004-06-03: [Passage 1 Item 5](#fqa-source-0-0)" in message
    assert render.sources_of(refusal) == refusal.passages
    view = viewer.source_view(refusal.passages[0], _section(), "Before Nearest words.", None)
    assert '<mark class="fqa-scroll-to">Nearest words.</mark>' in view and "Passage 1:" in view


def test_history_from_json_gives_the_turns_a_follow_up_needs():
    reply = _answer().to_json()
    (turn,) = history_from_json([reply])
    assert turn.question == reply["question"] and turn.filing_ids == ("f1",)
    assert turn.companies == ("Evil <b>Corp</b>",)


def test_uploads_stay_inside_their_folder_and_each_rejection_says_why(tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    good = incoming / "8k.txt"
    good.write_text("FORM 8-K")
    empty = incoming / "empty.htm"
    empty.touch()
    big = incoming / "big.pdf"
    big.write_bytes(b"%PDF" + b"0" * 2**20)
    script = incoming / "run.sh"
    script.write_text("rm -rf /")
    hidden = incoming / ".htm"  # a name that is only its suffix
    hidden.write_text("FORM 10-Q")
    gone = incoming / "gone.txt"  # removed from Gradio's cache before it was stored
    folder = tmp_path / "data" / "uploads"
    stored, rejected = store_uploads([good, empty, big, script, gone, hidden] + [good] * MAX_FILES, folder,
                                     max_bytes=2**20)
    assert sorted((p.name, name) for p, name in stored.items()) == [("8k.txt", "8k.txt"), ("upload.htm", ".htm")]
    assert all(p.is_relative_to(folder.resolve()) for p in stored)
    reasons = {r.name: r.reason for r in rejected}
    assert reasons["empty.htm"] == "the file is empty"
    assert reasons["big.pdf"] == "1.0 MB is over the limit of 1 MB"
    assert reasons["run.sh"].startswith("only .txt")
    assert reasons["gone.txt"] == "cannot store it: No such file or directory"
    assert "at most 20 files" in reasons["8k.txt"]
    assert clean_name("../../etc/passwd") == "passwd" and clean_name("..\\..\\x.txt") == "x.txt"
    assert clean_name("..") == clean_name("...") == "upload" and clean_name("a b<c>.txt") == "a_b_c_.txt"
    assert clean_name(".htm") == clean_name("..htm") == "upload.htm" and clean_name(".hidden.htm") == "hidden.htm"
    assert clean_name("a\x01b.txt") == "a_b.txt"
    long = clean_name("x" * 300 + ".sgml")
    assert len(long) == 120 and long.endswith("x.sgml")


def test_users_file_holds_salted_hashes_and_checks_passwords(tmp_path):
    path = tmp_path / "users"
    assert add_user(path, "ana", "first password")
    assert not add_user(path, "ana", "second password")  # a new password for the same user
    assert add_user(path, "bo", "first password")
    lines = path.read_text().splitlines()
    assert len(lines) == 2 and "password" not in path.read_text()
    assert lines[0].split(":")[5] != lines[1].split(":")[5]  # each user has a salt of their own
    users = Users(path)
    assert users.check("ana", "second password") and not users.check("ana", "first password")
    assert not users.check("nobody", "first password") and not users.check("bo", "")
    add_user(path, "cy", "third password")
    assert users.check("cy", "third password")  # read again when the file changes: no restart
    with pytest.raises(AuthError, match="at least 8"):
        add_user(path, "dee", "short")
    with pytest.raises(AuthError, match="user name"):
        add_user(path, "bad:name", "long enough")
    (tmp_path / "empty").write_text("")
    with pytest.raises(AuthError, match="names no user"):
        Users(tmp_path / "empty")
    with pytest.raises(AuthError, match="cannot read"):
        Users(tmp_path / "missing")


def test_example_questions_come_from_the_indexed_filings_and_their_sections():
    def record(filing_id: str, company: str, date: str) -> FilingRecord:
        return FilingRecord(FilingRef(company=company, form="8-K", filing_date=date, filing_id=filing_id), "", 3, 10,
                            "complete", "")

    sections = {"a": [Section("Item 5.02", "Departure of Directors or Certain Officers", 0, 9)],
                "b": [Section("SIGNATURE", "Signatures", 0, 9)], "c": [Section("COVER", "Cover page", 0, 9)],
                "d": [Section("EX-99.1", "PRESS RELEASE", 0, 9)]}
    filings = [record("a", "Acme Inc.", "2024-02-01"), record("b", "Beta Corp.", "2023-05-06"),
               record("c", "Gamma LLC", "2025-01-01"), record("d", "Acme Inc.", "2020-01-01")]
    assert example_questions(filings, sections.__getitem__) == [
        "Which directors or officers changed at Acme Inc. in 2024?", "Who signed Beta Corp.'s 8-K of 2023-05-06?"]


def test_exports_are_written_where_the_server_chooses(tmp_path, monkeypatch):
    from ui.web import ChatApp, ServeOptions

    class Settings:
        data = tmp_path / "data"

    class NoAssistant:
        settings = Settings()

    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "data" / "gradio-tmp"))
    app = ChatApp(NoAssistant(), ServeOptions())
    assert not any(button.interactive for button in app.export([None]))  # nothing to export: nothing to click
    for _ in range(2):
        markdown, table = app.export([_answer(), None])  # handed to the browser, ready to download
        assert markdown.interactive and markdown.value["path"].endswith("conversation.md")
        assert table.interactive and table.value["path"].endswith("citations.csv")
    written = sorted(app.exports.rglob("conversation.md"))
    # a folder of its own for each export, named by the server: two users never read each other's
    assert len(written) == 2 and len({path.parent for path in written}) == 2
    assert app.exports.is_relative_to(tmp_path / "data" / "gradio-tmp")
    assert all(path.read_text(encoding="utf-8").startswith("# Filings QA conversation") for path in written)
    assert all((path.parent / "citations.csv").read_text(encoding="utf-8").startswith(",".join(render.CSV_COLUMNS))
               for path in written)


def test_repeated_failed_sign_ins_lock_the_name_until_the_password_is_set_again(tmp_path):
    from ui import auth

    path = tmp_path / "users"
    add_user(path, "ana", "right password")
    now = [1000.0]
    users = Users(path, clock=lambda: now[0])
    for _ in range(auth.MAX_FAILURES):
        assert not users.check("ana", "wrong password")
    assert users.names.locked("ana") and not users.check("ana", "right password")  # locked, even for the right one
    now[0] += auth.LOCK_SECONDS + 1
    assert users.check("ana", "right password") and not users.names.locked("ana")  # the lock ran out
    for _ in range(auth.MAX_FAILURES):
        users.check("ana", "wrong password")
    now[0] += auth.LOCK_SECONDS + 1
    assert not users.check("ana", "wrong password")  # the first try after the lock fails again:
    now[0] += auth.LOCK_SECONDS + 1
    assert users.names.locked("ana")  # the lock is twice as long
    add_user(path, "ana", "a new password")
    assert users.check("ana", "a new password")  # setting the password again unlocks the name


def test_a_lockout_counts_an_attempt_before_its_outcome_is_known():
    from ui.auth import LOCK_SECONDS, Lockout

    now = [0.0]
    lockout = Lockout(2, clock=lambda: now[0])
    assert lockout.attempt("10.0.0.1") == lockout.attempt("10.0.0.1") == 0  # two at once, outcomes unknown
    assert lockout.attempt("10.0.0.1") == LOCK_SECONDS and lockout.attempt("10.0.0.2") == 0
    lockout.clear("10.0.0.1")  # one of them succeeded
    assert lockout.attempt("10.0.0.1") == 0


def test_roles_say_who_may_add_and_remove_filings_and_the_server_checks_them(tmp_path):
    from types import SimpleNamespace

    from ui.web import ChatApp, ServeOptions

    path = tmp_path / "users"
    add_user(path, "rita", "reader password", "reader")
    add_user(path, "ed", "editor password")  # a new user is an editor
    add_user(path, "ada", "admin password", "admin")
    add_user(path, "ada", "admin password 2")  # a new password keeps the role
    with path.open("a") as old:  # a line written before roles existed: an admin, as every user was then
        old.write(path.read_text().splitlines()[0].replace("rita:", "old:").rsplit(":", 1)[0] + "\n")
    users = Users(path)
    assert [users.may(name, "editor") for name in ("rita", "ed", "ada", "old")] == [False, True, True, True]
    assert [users.may(name, "admin") for name in ("rita", "ed", "ada", "old")] == [False, False, True, True]
    with pytest.raises(AuthError, match="a role is one of reader, editor, admin"):
        add_user(path, "bob", "long enough", "owner")

    app = ChatApp(SimpleNamespace(settings=SimpleNamespace(data=tmp_path)), ServeOptions(users=users))
    as_user = lambda name: SimpleNamespace(username=name)  # noqa: E731 - the request Gradio hands a handler
    assert app.refusal(as_user("rita"), "editor") == "Only editors and admins may do this; ask an admin."
    assert app.refusal(as_user("ed"), "admin") == "Only admins may do this; ask an admin."
    assert app.refusal(as_user("ed"), "editor") == app.refusal(as_user("ada"), "admin") == ""
    assert ChatApp(app.assistant, ServeOptions()).refusal(None, "admin") == ""  # no sign-in: a local user
