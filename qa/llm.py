"""Optional LLM answers: a llama-index LLM writes the answer from numbered passages, then every sentence of it is
checked against those passages and cited with a verbatim quote of the filing."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import blingfire
import httpx
import numpy as np
import ollama
import openai
from llama_index.core.llms import LLM, ChatMessage, LLMMetadata, MessageRole
from llama_index.llms.ollama import Ollama
from llama_index.llms.openai import OpenAI

from index.embedding import Embedder
from index.lexical import terms
from qa.conversation import HISTORY_TURNS
from qa.models import Citation, Passage, Turn
from qa.quotes import Sentence, cite, passage_sentences

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
REFUSAL = "The filings provided do not answer this question."
# A chat user should hear about a server that is down within a second or two, not after a minute of backoff.
RETRIES = 1
# Score (mean of embedding cosine and word overlap) from which a passage sentence supports an uncited claim:
# high, since a wrong citation is worse than a flagged sentence.
SUPPORT = 0.6
HISTORY_ANSWER_CHARS = 600  # an earlier answer's start names what it was about; the rest only lengthens the prompt

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# Figures as written: 1,577 / 10.95 / 2024, but not the 10 of "10-K", the 3 of "Q3" or the 1 of "1st".
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)(?!-?[A-Za-z])")
_BULLET = re.compile(r"\s*(?:[-*•]|\d+[.)])\s+")
_END = re.compile(r"[.!?]*$")


class LLMError(Exception):
    """The LLM is misconfigured or failed; the message is one line that says what to do."""


class _AnyModelOpenAI(OpenAI):
    """llama-index's OpenAI LLM refuses model names it has no context size for; compatible servers
    (vLLM, LM Studio, llama.cpp ...) serve models under any name, all through the chat API."""

    @property
    def metadata(self) -> LLMMetadata:
        try:
            return super().metadata
        except ValueError:
            return LLMMetadata(context_window=8192, num_output=self.max_tokens or -1, is_chat_model=True,
                               model_name=self.model)


def load_llm(spec: str, timeout: float = 60) -> LLM:
    """The LLM that FILINGS_QA_LLM names: "openai:MODEL" or "ollama:MODEL". Connects to nothing yet."""
    provider, _, model = (part.strip() for part in spec.partition(":"))
    if provider == "openai" and model:
        api_key = os.environ.get("OPENAI_API_KEY", "")
        if not api_key:
            raise LLMError(f"FILINGS_QA_LLM={spec} needs OPENAI_API_KEY (and OPENAI_BASE_URL for a server "
                           "other than OpenAI's)")
        base_url = os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        return _AnyModelOpenAI(model=model, api_key=api_key, api_base=base_url, timeout=timeout,
                               max_retries=RETRIES, temperature=0)
    if provider == "ollama" and model:
        host = os.environ.get("OLLAMA_HOST") or "http://localhost:11434"
        # Ollama's own tools accept OLLAMA_HOST without a scheme ("0.0.0.0:11434").
        base_url = host if "://" in host else f"http://{host}"
        return Ollama(model=model, base_url=base_url, request_timeout=timeout, temperature=0)
    raise LLMError(f"FILINGS_QA_LLM={spec!r} is not understood: set it to openai:MODEL or ollama:MODEL")


@dataclass
class _Claim:
    """A sentence of the LLM's answer: where it lies in the answer and the passage numbers it cites."""

    start: int
    end: int
    text: str  # without its markers
    cited: list[int] = field(default_factory=list)


class LLMAnswerer:
    def __init__(self, llm: LLM, embedder: Embedder, prompts_dir: Path = PROMPTS):
        self.llm = llm
        self.embedder = embedder
        self._answer_prompt = (prompts_dir / "answer.txt").read_text(encoding="utf-8")
        self._condense_prompt = (prompts_dir / "condense.txt").read_text(encoding="utf-8")

    def condense(self, question: str, history: list[Turn]) -> str:
        """The follow-up `question` rewritten to stand alone, using the last turns of `history`."""
        if not history:
            return question
        turns = "\n".join(f"User: {turn.question}\nAssistant: {turn.answer[:HISTORY_ANSWER_CHARS]}"
                          for turn in history[-HISTORY_TURNS:])
        prompt = self._condense_prompt.format(history=turns, question=question)
        with self._errors():
            reply = self.llm.chat([ChatMessage(role=MessageRole.USER, content=prompt)]).message.content or ""
        lines = [line.strip().strip('"').strip() for line in reply.splitlines()]
        return next((line for line in lines if line), question)

    def stream(self, question: str, passages: list[Passage]) -> Iterator[str]:
        """The answer's text as the LLM writes it, piece by piece, from passages numbered [1]..[k]."""
        prompt = self._answer_prompt.format(passages=_numbered(passages), question=question, refusal=REFUSAL)
        with self._errors():
            for response in self.llm.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)]):
                if response.delta:
                    yield response.delta

    def finalize(self, text: str, passages: list[Passage]) -> tuple[str, list[Citation], list[str], bool]:
        """(answer with citations renumbered [1]..[m], citations, flags, refused) for the LLM's full `text`."""
        claims = _claims(text)
        if _plain(REFUSAL) in _plain(text) and not any(claim.cited for claim in claims):
            return REFUSAL, [], [], True

        sentences = [passage_sentences(p) for p in passages]
        flat = [s for group in sentences for s in group]
        starts = np.cumsum([0] + [len(group) for group in sentences])  # passage i: flat[starts[i]:starts[i + 1]]
        vectors = self.embedder.embed([s.flat for s in flat] + [c.text for c in claims])
        sentence_vectors, claim_vectors = vectors[:len(flat)], vectors[len(flat):]

        citations: dict[tuple[str, int, int], Citation] = {}  # (filing, start, end) of a quote -> its citation
        flags: list[str] = []
        rewritten: list[tuple[_Claim, str]] = []
        for claim, vector in zip(claims, claim_vectors):
            valid = list(dict.fromkeys(n for n in claim.cited if 1 <= n <= len(passages)))
            flags += [f"[{n}] cites no passage (there are {len(passages)}), removed from: {claim.text}"
                      for n in dict.fromkeys(claim.cited) if n not in valid]
            if not any(ch.isalnum() for ch in claim.text) or _plain(REFUSAL) in _plain(claim.text):
                rewritten.append((claim, claim.text))  # nothing to support: a bare marker, or "not answered"
                continue

            scores = _support(claim.text, vector, flat, sentence_vectors)
            quotes = [_quote(claim.text, sentences[n - 1], int(scores[starts[n - 1]:starts[n]].argmax()))
                      for n in valid if sentences[n - 1]]
            if not valid and flat and scores.max() >= SUPPORT:
                best = int(scores.argmax())
                owner = int(np.searchsorted(starts, best, side="right")) - 1
                quotes.append(_quote(claim.text, sentences[owner], best - int(starts[owner])))
            if not quotes:
                flags.append(f"no passage supports: {claim.text}")

            mine: list[Citation] = []
            for quote in quotes:
                key = (quote[0].passage.chunk.filing.filing_id, quote[0].start, quote[-1].end)
                if key not in citations:
                    citations[key] = cite(len(citations) + 1, quote)
                mine.append(citations[key])
            markers = "".join(dict.fromkeys(f"[{c.n}]" for c in mine))
            rewritten.append((claim, _with_markers(claim.text, markers)))

            # Figures must be the filing's own; the form, date and section of a cited filing count as stated.
            stated = _numbers(" ".join(f"{c.quote} {c.filing.form} {c.filing.filing_date} {c.section}" for c in mine))
            missing = [raw for value, raw in _numbers(claim.text).items() if value not in stated]
            if mine and missing:
                flags.append(f"{', '.join(missing)} not in the quoted passage: {claim.text}")

        answer = text
        for claim, new in reversed(rewritten):
            answer = answer[:claim.start] + new + answer[claim.end:]
        return answer.strip(), list(citations.values()), flags, False

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn the clients' many failures (connection, HTTP status, timeout, unknown model) into one LLMError."""
        try:
            yield
        except (openai.OpenAIError, httpx.HTTPError, ollama.ResponseError, ConnectionError) as error:
            # OpenAI's LLM names its server api_base, Ollama's base_url.
            server = getattr(self.llm, "api_base", None) or getattr(self.llm, "base_url", "")
            message = " ".join(str(error).split()) or type(error).__name__
            raise LLMError(f"the LLM at {server} failed: {message}") from error


def _numbered(passages: list[Passage]) -> str:
    """Passages as the answer prompt shows them: [n] company · form · date · section · title, then the text."""
    return "\n\n".join(f"[{n}] {p.chunk.filing.label(p.chunk.section, p.chunk.section_title)}\n"
                       + (f"(table: {' '.join(p.chunk.table_header.split())})\n" if p.chunk.table_header else "")
                       + p.chunk.text.strip() for n, p in enumerate(passages, 1))


def _claims(text: str) -> list[_Claim]:
    """The sentences of an answer, line by line, without list bullets, with the passage numbers they cite."""
    claims: list[_Claim] = []
    offset = 0
    for line in text.split("\n"):
        bullet = _BULLET.match(line)
        skip = bullet.end() if bullet else 0
        spans = blingfire.text_to_sentences_and_offsets(line[skip:])[1] if line[skip:].strip() else []
        for a, b in spans:
            # Without the spaces around it, so that rewriting the sentence keeps them.
            piece = line[skip + a:skip + b]
            a = skip + a + len(piece) - len(piece.lstrip())
            piece = piece.strip()
            b = a + len(piece)
            cited = [int(n) for group in _MARKERS.findall(piece) for n in group.split(",")]
            words = _MARKERS.sub("", piece).strip()
            if not words and claims:
                # Markers alone on a line after their sentence: "... in 2023.\n[2]".
                claims[-1].cited += cited
                claims.append(_Claim(offset + a, offset + b, ""))
            elif words or cited:
                claims.append(_Claim(offset + a, offset + b, words, cited))
        offset += len(line) + 1
    return claims


def _with_markers(sentence: str, markers: str) -> str:
    """The sentence with its citation markers before its final punctuation: "... in 2023 [1][2]." """
    if not markers:
        return sentence
    end = _END.search(sentence).start()
    return f"{sentence[:end].rstrip()} {markers}{sentence[end:]}"


def _support(claim: str, vector: np.ndarray, sentences: list[Sentence], vectors: np.ndarray) -> np.ndarray:
    """How well each passage sentence supports the claim: mean of embedding cosine and the share of the
    claim's words (figures included) that the sentence contains."""
    words = set(terms(claim))
    overlap = np.array([len(words & set(terms(s.text))) / max(len(words), 1) for s in sentences])
    return (vectors @ vector + overlap) / 2


def _quote(claim: str, sentences: list[Sentence], best: int) -> list[Sentence]:
    """The best sentence, widened to a neighbour that states a figure of the claim the sentence lacks."""
    missing = _numbers(claim).keys() - _numbers(sentences[best].text).keys()
    start, end = best, best
    if missing and best > 0 and missing & _numbers(sentences[best - 1].text).keys():
        start = best - 1
    if missing and best + 1 < len(sentences) and missing & _numbers(sentences[best + 1].text).keys():
        end = best + 1
    return sentences[start:end + 1]


def _numbers(text: str) -> dict[str, str]:
    """The figures of a text, normalised ("1,577" -> "1577", "03" -> "3", "10.50" -> "10.5") -> as written."""
    found = {}
    for match in _NUMBER.finditer(text):
        value = match.group().replace(",", "")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        found[value.lstrip("0") or "0"] = match.group()
    return found


def _plain(text: str) -> str:
    """Lower case words only, so the refusal is recognised whatever its punctuation or spacing."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
