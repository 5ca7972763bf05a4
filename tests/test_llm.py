"""LLM mode against a local server that speaks OpenAI's chat-completions protocol, streaming included."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from qa.assistant import Assistant
from qa.llm import REFUSAL, LLMAnswerer, LLMError, load_llm
from qa.models import Chunk, FilingRef, Passage, Turn
from conftest import SAMPLE, free_port

FILING = """UNITED STATES SECURITIES AND EXCHANGE COMMISSION
FORM 8-K
CURRENT REPORT
Acme Widgets, Inc.

Item 5.02 Departure of Directors or Certain Officers; Appointment of Certain Officers.

On March 4, 2024, the Board of Directors of Acme Widgets, Inc. (the "Company") appointed Jane Doe as Chief \
Financial Officer, effective April 1, 2024. Ms. Doe, 47, has served as Vice President of Finance at Beta Corp. \
since 2019. Her annual base salary will be $450,000 and she is eligible for a target bonus of 60% of her base \
salary.

John Roe, who has served as interim Chief Financial Officer since October 2023, will return to his role as \
Corporate Controller.

Item 9.01 Financial Statements and Exhibits.

99.1 Press release dated March 5, 2024.

EX-99.1

Acme Widgets Names Jane Doe Chief Financial Officer

DAYTON, Ohio, March 5, 2024 -- Acme Widgets, Inc. today announced the appointment of Jane Doe as Chief \
Financial Officer. Revenue for fiscal 2023 was $1,577 million, up 10.95% from fiscal 2022. "Jane brings deep \
experience in finance," said Chief Executive Officer Mary Major.
"""


def passage(rank: int, section: str, first: str, last: str) -> Passage:
    """The passage of FILING from the line starting with `first` to the end of the line holding `last`."""
    start = FILING.index(first)
    end = FILING.index("\n", FILING.index(last, start))
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2024-03-05",
                       accession="0000000000-24-000001", filing_id="acme-8k", source="acme_8k.txt")
    return Passage(rank, Chunk(f"acme-{rank}", filing, FILING[start:end], section, "", start, end), 0.5)


PASSAGES = [
    passage(1, "Item 5.02", "On March 4, 2024", "salary."),
    passage(2, "Item 5.02", "John Roe", "Controller."),
    passage(3, "EX-99.1", "DAYTON", "Mary Major."),
]


class ScriptedOpenAI(ThreadingHTTPServer):
    """POST /v1/chat/completions answers `reply`, as server-sent events when the request streams."""

    reply = ""
    requests: list[dict]


class Handler(BaseHTTPRequestHandler):
    server: ScriptedOpenAI

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body | {"authorization": self.headers["Authorization"]})
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        head = {"id": "chatcmpl-1", "created": int(time.time()), "model": body["model"]}
        if not body.get("stream"):
            self.send_json(head | {"object": "chat.completion", "choices": [
                {"index": 0, "message": {"role": "assistant", "content": self.server.reply},
                 "finish_reason": "stop"}], "usage": {"prompt_tokens": 9, "completion_tokens": 9, "total_tokens": 18}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        words = self.server.reply.split(" ")
        deltas = [{"role": "assistant", "content": ""}] + [
            {"content": word if i == 0 else " " + word} for i, word in enumerate(words)]
        for delta in deltas + [{}]:
            chunk = head | {"object": "chat.completion.chunk", "choices": [
                {"index": 0, "delta": delta, "finish_reason": None if delta else "stop"}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")

    def send_json(self, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # keep pytest's output clean
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedOpenAI]:
    scripted = ScriptedOpenAI(("127.0.0.1", free_port()), Handler)
    scripted.requests = []
    thread = threading.Thread(target=scripted.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{scripted.server_port}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    yield scripted
    scripted.shutdown()
    scripted.server_close()


@pytest.fixture
def answerer(server: ScriptedOpenAI, embedder) -> LLMAnswerer:
    return LLMAnswerer(load_llm("openai:some-model", timeout=10), embedder)


def assert_verbatim(answerer_citations) -> None:
    for c in answerer_citations:
        p = PASSAGES[c.passage_rank - 1]
        assert c.quote == p.chunk.text[c.char_start - p.chunk.char_start:c.char_end - p.chunk.char_start] == \
            FILING[c.char_start:c.char_end]


def test_stream_yields_deltas_of_a_prompt_with_numbered_passages(answerer: LLMAnswerer, server: ScriptedOpenAI):
    server.reply = "The Company appointed Jane Doe as Chief Financial Officer, effective April 1, 2024 [1]."
    deltas = list(answerer.stream("Who became CFO of Acme?", PASSAGES))
    assert len(deltas) > 5 and "".join(deltas) == server.reply

    request = server.requests[-1]
    assert request["stream"] is True and request["model"] == "some-model"
    assert request["authorization"] == "Bearer test-key"
    prompt = request["messages"][-1]["content"]
    assert "[1] Acme Widgets, Inc. · 8-K · 2024-03-05 · Item 5.02\nOn March 4, 2024" in prompt
    assert "[3] Acme Widgets, Inc. · 8-K · 2024-03-05 · EX-99.1\nDAYTON" in prompt
    assert "Question: Who became CFO of Acme?" in prompt and REFUSAL in prompt


def test_finalize_keeps_valid_citations_with_verbatim_quotes(answerer: LLMAnswerer):
    text, citations, flags, refused = answerer.finalize(
        "Acme Widgets announced on March 5, 2024 that Jane Doe is its Chief Financial Officer [3]. "
        "Her annual base salary will be $450,000 [1][1]. John Roe returns to Corporate Controller. [2]\n"
        "- Jane Doe was appointed Chief Financial Officer on March 4, 2024 [1][3].",
        PASSAGES)
    assert not refused and flags == []
    assert [(c.n, c.passage_rank) for c in citations] == [(1, 3), (2, 1), (3, 2), (4, 1)]
    assert "announced the appointment of Jane Doe" in citations[0].quote and "$450,000" in citations[1].quote
    assert text == ("Acme Widgets announced on March 5, 2024 that Jane Doe is its Chief Financial Officer [1]. "
                    "Her annual base salary will be $450,000 [2]. John Roe returns to Corporate Controller [3].\n"
                    "- Jane Doe was appointed Chief Financial Officer on March 4, 2024 [4][1].")
    assert_verbatim(citations)


def test_out_of_range_marker_is_removed_and_flagged(answerer: LLMAnswerer):
    text, citations, flags, _ = answerer.finalize(
        "Revenue for fiscal 2023 was $1,577 million [9][3].", PASSAGES)
    assert text == "Revenue for fiscal 2023 was $1,577 million [1]."
    assert [c.passage_rank for c in citations] == [3] and "$1,577 million" in citations[0].quote
    assert len(flags) == 1 and flags[0].startswith("[9] cites no passage")
    assert_verbatim(citations)


def test_uncited_sentence_is_cited_by_similarity_or_flagged(answerer: LLMAnswerer):
    text, citations, flags, _ = answerer.finalize(
        "Jane Doe has served as Vice President of Finance at Beta Corp. since 2019.\n"
        "The company also plans to open a new factory in Texas.", PASSAGES)
    assert text.startswith("Jane Doe has served as Vice President of Finance at Beta Corp. since 2019 [1].")
    assert len(citations) == 1 and citations[0].passage_rank == 1 and "Beta Corp." in citations[0].quote
    assert flags == ["no passage supports: The company also plans to open a new factory in Texas."]
    assert_verbatim(citations)


def test_number_absent_from_the_quote_is_flagged(answerer: LLMAnswerer):
    _, citations, flags, _ = answerer.finalize(
        "Her annual base salary will be $500,000, with a target bonus of 60% [1].", PASSAGES)
    assert len(citations) == 1
    assert len(flags) == 1 and flags[0].startswith("500,000 not in the quoted passage")


def test_refusal_phrase_refuses_without_citations(answerer: LLMAnswerer):
    assert answerer.finalize(f"  {REFUSAL}\n", PASSAGES) == (REFUSAL, [], [], True)


def test_condense_sends_the_history_and_returns_the_servers_question(answerer: LLMAnswerer,
                                                                     server: ScriptedOpenAI):
    assert answerer.condense("Who is the CFO?", []) == "Who is the CFO?" and server.requests == []

    server.reply = "What is the annual base salary of Jane Doe, Acme Widgets' new CFO?\n"
    history = [Turn("Who became CFO of Acme Widgets?", "Acme appointed Jane Doe as Chief Financial Officer [1].")]
    assert answerer.condense("What is her salary?", history) == server.reply.strip()
    request = server.requests[-1]
    assert not request.get("stream")
    prompt = request["messages"][-1]["content"]
    assert "User: Who became CFO of Acme Widgets?\nAssistant: Acme appointed Jane Doe" in prompt
    assert "Follow-up question: What is her salary?" in prompt


def test_bad_spec_or_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMError, match="needs OPENAI_API_KEY"):
        load_llm("openai:gpt-4o-mini")
    for spec in ["gpt-4o-mini", "openai:", "anthropic:claude"]:
        with pytest.raises(LLMError, match="set it to openai:MODEL or ollama:MODEL"):
            load_llm(spec)
    monkeypatch.setenv("OLLAMA_HOST", "gpu-box:11434")
    assert load_llm("ollama:llama3.2").base_url == "http://gpu-box:11434"


def test_server_down_is_a_clear_error_not_a_hang(monkeypatch: pytest.MonkeyPatch, embedder):
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    answerer = LLMAnswerer(load_llm("openai:some-model", timeout=5), embedder)
    started = time.monotonic()
    with pytest.raises(LLMError, match=f"the LLM at {url}.* failed: Connection error"):
        list(answerer.stream("Who is the CFO?", PASSAGES))
    with pytest.raises(LLMError, match="Connection error"):
        answerer.condense("And her salary?", [Turn("Who is the CFO?")])
    assert time.monotonic() - started < 15


def test_llm_decides_even_where_the_offline_answer_refuses(server: ScriptedOpenAI, settings, embedder):
    assistant = Assistant.open(settings.with_overrides(llm="openai:some-model"), create=True)
    assistant._embedder = embedder
    assistant.ingest([SAMPLE])
    question = "How many employees did ImmunoGen have at the end of 2000?"
    assert assistant.answerer.answer(question, question, assistant.search(question, k=12)).refused  # offline

    server.reply = "ImmunoGen announced a collaboration with Millennium Pharmaceuticals [1]."
    answer = assistant.ask(question)
    assert len(server.requests) == 1 and not answer.refused and answer.citations
    text = assistant.filing_text(answer.citations[0].filing.filing_id)
    assert all(text[c.char_start:c.char_end] == c.quote for c in answer.citations)

    server.reply = REFUSAL
    refused = assistant.ask("What was ImmunoGen's revenue in fiscal 2005?")
    assert len(server.requests) == 2 and refused.refused and refused.citations == []
