"""The API that the CLI and the web chat share: ask questions, add and remove filings."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

from index.edgar import EdgarError, FetchProgress, FetchReport, FetchRequest, fetch_filings
from index.embedding import Embedder, EmbeddingModelError
from index.ingest import IngestReport, Ingestor, ProgressCallback
from index.limits import ReadLimits
from index.migrate import CopyReport, copy_index
from index.models import Activity, FilingRecord, Section
from index.pages import PageImage, render_quote
from index.reader import FilingError, is_pdf
from index.store import FilingIndex, Problem, StoreError, has_index
from qa.answerer import MAX_PARTS, NOT_FOUND, SCORED_PASSAGES, ExtractiveAnswerer, parts_of
from qa.config import AssistantSettings
from qa.conversation import HISTORY_TURNS, Resolved, resolve_follow_up
from qa.filters import FilterError
from qa.history import Conversations
from qa.models import Answer, Citation, Filters, Passage, Turn
from qa.retrieval import HybridRetriever, Retrieval
from qa.vocabulary import without_contractions

DEFAULT_K = 5
# Passages retrieved for each part of a question of several, read beside the whole question's: a part's evidence
# may rank below the first passages of the whole ("cash and cash equivalents, and goodwill": the cash flow
# statement's cash rows crowd out the balance sheet). With 3 (the only number tried, in round 44), on the 1,055
# comparison and two-part spot checks worked on: evidence among the first five 936 -> 944, needles 765 -> 772,
# answerable refused 75 -> 72.
PART_PASSAGES = 3
# How often a chat server on a Chroma server looks, between questions, for changes other processes made: one
# small read (about 2 ms on loopback), so that a question seldom waits while BM25 is brought in step.
IN_STEP_SECONDS = 1.0
NEAREST = " The nearest passages are listed below."

# What opening an assistant or loading its model may raise, each with a one-line message for the user; what
# fetching from EDGAR takes and may raise.
__all__ = ["Assistant", "CopyReport", "FilterError", "DEFAULT_K", "EmbeddingModelError", "StoreError", "EdgarError",
           "FetchRequest"]


class Assistant:
    """One index, one embedding model and optionally one LLM (each loaded on first need), shared by every caller."""

    def __init__(self, settings: AssistantSettings, index: FilingIndex):
        self.settings = settings
        self.index = index
        self._embedder: Embedder | None = None
        self._llm_answerer = None
        self._lock = threading.Lock()
        self.retriever = HybridRetriever(index, lambda texts: self.embedder.embed(texts))
        self.answerer = ExtractiveAnswerer(index.lexical.document_frequency, lambda: len(index.lexical.table),
                                           lambda texts: self.embedder.embed(texts))

    @classmethod
    def open(cls, settings: AssistantSettings | None = None, create: bool = False, **overrides) -> "Assistant":
        """The assistant over the index in the settings' data folder; raises StoreError when the folder holds no
        index, unless `create` (what adds filings makes one; what only reads must not leave an empty one)."""
        settings = (settings or AssistantSettings()).with_overrides(**overrides)
        if not create and not has_index(settings.data, settings.chroma_url):
            raise StoreError(f"{settings.data} holds no index: add filings first (`filings-qa ingest PATH --data "
                             f"{settings.data}`), or name the data folder that holds one")
        return cls(settings, FilingIndex(settings))

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = Embedder(
                    self.settings.embedding_model, self.settings.embedding_batch_size,
                    backend=self.settings.embedding_backend, cache_dir=self.settings.model_cache_dir(),
                    on_build=lambda message: logging.getLogger("filings_qa").warning(message))
            return self._embedder

    @property
    def llm_answerer(self):
        """The LLM answerer when FILINGS_QA_LLM is set, else None; raises qa.llm.LLMError on a bad setting."""
        if not self.settings.llm:
            return None
        embedder = self.embedder
        with self._lock:
            if self._llm_answerer is None:
                from qa.llm import LLMAnswerer, load_llm

                self._llm_answerer = LLMAnswerer(load_llm(self.settings.llm), embedder)
            return self._llm_answerer

    def claim_writes(self, holder: str) -> None:
        """Become the one process that writes to an embedded data folder (a Chroma server takes any number of
        writers); raises StoreError naming the process that already is."""
        if not self.settings.chroma_url:
            self.index.writer.claim(holder)

    def keep_in_step(self) -> None:
        """With a Chroma server, bring search in step with other processes' changes in the background too, every
        IN_STEP_SECONDS: each question still checks first, and waits only for a change made since."""
        if not self.settings.chroma_url:
            return  # an embedded folder has one writer, this process, which brings itself in step

        def loop() -> None:
            failing = False  # told once, not every second, while the server is unreachable
            while True:
                time.sleep(IN_STEP_SECONDS)
                try:
                    self.index.refresh_lexical()
                except Exception as error:  # noqa: BLE001 - the server unreachable: questions will say so too
                    if not failing:
                        logging.getLogger("filings_qa").warning("cannot check the index for changes: %s", error)
                    failing = True
                else:
                    failing = False

        threading.Thread(target=loop, name="keep-in-step", daemon=True).start()

    # --- filings -------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], on_progress: ProgressCallback | None = None,
               added_by: str = "") -> IngestReport:
        """Add files and folders to the index on behalf of `added_by`, recording each filing added in the
        activity log."""
        report = Ingestor(self.index, lambda: self.embedder, ReadLimits.of(self.settings)).ingest(paths, on_progress,
                                                                                               added_by)
        described = self._described_filings()
        for outcome in report.outcomes:
            if outcome.status == "ingested":
                self.index.registry.log(added_by, "added", outcome.filing_id, described.get(outcome.filing_id, ""))
        return report

    def fetch_from_edgar(self, request: FetchRequest,
                         on_progress: Callable[[FetchProgress], None] | None = None) -> FetchReport:
        """Download the filings asked for from EDGAR into DATA/edgar (those already there, whole, are kept);
        `ingest` then takes `report.manifests`. Raises EdgarError with a one-line message."""
        return fetch_filings(request, self.settings, on_progress)

    def copy_to(self, chroma_url: str, on_filing: Callable[[int, int, str], None] | None = None) -> CopyReport:
        """Copy this index's complete filings into the Chroma server at `chroma_url` (chunks with their stored
        vectors, registry rows, texts, the activity log): nothing is embedded again, filings the server holds
        already are left as they are, and running it again resumes a copy that stopped."""
        return copy_index(self.index, FilingIndex(self.settings.with_overrides(chroma_url=chroma_url)), on_filing)

    def check(self, repair: bool = False) -> list[Problem]:
        """The index's registry, chunks and texts checked against each other; `repair` puts right what it can."""
        return self.index.check(repair)

    def filings(self) -> list[FilingRecord]:
        return self.index.filings()

    def remove(self, filing_id: str, removed_by: str = "") -> bool:
        """Remove a filing on behalf of `removed_by`, recording it in the activity log; False if there was none."""
        described = self._described_filings().get(filing_id, "")
        removed = self.index.remove(filing_id)
        self.index.refresh_lexical()
        if removed:
            self.index.registry.log(removed_by, "removed", filing_id, described)
        return removed

    def generation(self) -> str:
        """A number that moves whenever a filing is added or removed, by this process or another."""
        return self.index.registry.generation()

    # --- questions -----------------------------------------------------------------------------
    def search(self, question: str, filters: Filters | None = None, k: int = DEFAULT_K) -> list[Passage]:
        """The k passages hybrid retrieval ranks best, without composing an answer."""
        if not question.strip():
            return []
        self.index.refresh_lexical()
        question = self.retriever.resolver().cased(question.strip())
        return self.retriever.retrieve(question, filters or Filters(), k).passages

    def ask(self, question: str, filters: Filters | None = None, history: list[Turn] | None = None,
            k: int = DEFAULT_K) -> Answer:
        answer = None
        for item in self.ask_stream(question, filters, history, k):
            if isinstance(item, Answer):
                answer = item
        return answer

    def ask_stream(self, question: str, filters: Filters | None = None, history: list[Turn] | None = None,
                   k: int = DEFAULT_K) -> Iterator[str | Answer]:
        """Pieces of the answer's text as they are written, then the whole Answer (always last).

        Raises FilterError when an explicit filter names nothing in the index.
        """
        started = time.perf_counter()
        question, filters, history = question.strip(), filters or Filters(), (history or [])[-HISTORY_TURNS:]

        def done(answer: Answer) -> Answer:
            answer.latency_ms = round((time.perf_counter() - started) * 1000, 1)
            answer.answered_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            return answer

        if not question:
            yield done(Answer(question, "Ask a question about the indexed filings.", refused=True))
            return
        # in step with the filings searchable now, in every process sharing the index (one small read)
        if not len(self.index.refresh_lexical().table):
            yield done(Answer(question, "The index holds no filings yet: add some first.", refused=True))
            return
        flags: list[str] = []
        llm = self.llm_answerer
        resolved = self._resolve(self.retriever.resolver().cased(without_contractions(question)), filters, history,
                                 llm, flags)
        retrieval = self.retriever.retrieve(resolved.question, resolved.filters, max(k, SCORED_PASSAGES),
                                            resolved.earlier_filings)
        extract = self.answerer.answer(resolved.question, retrieval.search_text, retrieval.passages,
                                       retrieval.named_companies,
                                       [*retrieval.named_rows, *self._read_for_parts(resolved, retrieval)])
        answer = Answer(question, extract.text, extract.refused, extract.citations, extract.ranked_passages[:k],
                        retrieval.filters, resolved.question, flags, extract.confidence)
        # With an LLM, it decides from the passages whenever retrieval found any, refusing by its prompt's rule;
        # the offline answer is the fallback when it fails.
        written_by_llm = False
        if llm is not None and answer.passages:
            from qa.llm import LLMError

            pieces: list[str] = []
            try:
                for piece in llm.stream(resolved.question, answer.passages):
                    pieces.append(piece)
                    yield piece
                answer.text, answer.citations, llm_flags, answer.refused = llm.finalize("".join(pieces),
                                                                                        answer.passages)
                answer.flags.extend(llm_flags)
                written_by_llm = True
            except LLMError as error:
                answer.flags.append(f"the LLM failed, so this answer was composed offline: {error}")
                if pieces:
                    yield "\n\n"
        if answer.refused:
            answer.text = NOT_FOUND + (NEAREST if answer.passages else "")
        if not written_by_llm:
            yield answer.text
        yield done(answer)

    def _read_for_parts(self, resolved: Resolved, retrieval: Retrieval) -> list[Passage]:
        """The best passages for each part of a question of several that the whole question's retrieval did not
        rank among those the answer reads; a part naming no company is searched in the one the question names."""
        read = {p.chunk.chunk_id for p in [*retrieval.passages[:SCORED_PASSAGES], *retrieval.named_rows]}
        named = list(retrieval.named_companies)
        added: list[Passage] = []
        for part in parts_of(resolved.question)[:MAX_PARTS]:
            filters = resolved.filters
            if len(named) == 1 and not filters.company and not self.retriever.resolver().infer(part).boosts.get(
                    "company"):
                filters = filters.merged(Filters(company=named[0]))
            for passage in self.retriever.retrieve(part, filters, PART_PASSAGES).passages:
                if passage.chunk.chunk_id not in read:
                    read.add(passage.chunk.chunk_id)
                    added.append(passage)
        return added

    def _resolve(self, question: str, filters: Filters, history: list[Turn], llm, flags: list[str]) -> Resolved:
        if llm is not None and history:
            from qa.llm import LLMError

            try:
                standalone = llm.condense(question, history)
                earlier = history[-1]
                return Resolved(standalone, earlier.filters.merged(filters), earlier.filing_ids[:1])
            except LLMError as error:
                flags.append(f"the LLM could not rewrite the follow-up, resolved offline instead: {error}")
        if not history:
            return Resolved(question, filters)
        resolver = self.retriever.resolver()
        labels = {r.filing.filing_id: f"the {r.filing.company} {r.filing.form} of {r.filing.filing_date}"
                  for r in self.index.filings()}
        return resolve_follow_up(question, filters, history, labels, bool(resolver.infer(question).boosts.get("company")))

    # --- for the web chat ----------------------------------------------------------------------
    def filing_text(self, filing_id: str) -> str:
        """A filing's extracted text: citations and passages carry offsets into it."""
        return self.index.filing_text(filing_id)

    def sections(self, filing_id: str) -> list[Section]:
        """A filing's sections in document order, with their offsets into its text."""
        return self.index.registry.sections(filing_id)

    def section_at(self, filing_id: str, offset: int) -> Section | None:
        """The section of a filing that holds the character at `offset`."""
        return next((s for s in self.sections(filing_id) if s.char_start <= offset < s.char_end), None)

    def indexed_values(self, field: str) -> list[str]:
        """The distinct values of "company", "form" or "section" among the searchable chunks, sorted."""
        return self.index.refresh_lexical().table.distinct(field)

    def activity(self, limit: int = 50) -> list[Activity]:
        """The latest additions and removals, newest first."""
        return self.index.registry.activity(limit)

    def original_file(self, filing_id: str) -> Path | None:
        """The file a filing was read from, as kept in the data folder (None when it is not kept)."""
        return self.index.original(filing_id)

    @property
    def originals_folder(self) -> Path:
        """Where the filings' files are kept, inside the data folder."""
        return self.index.originals

    def page_image(self, source: Citation | Passage) -> PageImage | None:
        """For a source in a PDF filing, the page its quote (or passage) is printed on, rendered with the quote
        marked; None for a filing of another format, or one whose file is not kept."""
        where = source if isinstance(source, Citation) else source.chunk
        path = self.original_file(where.filing.filing_id)
        if path is None or not is_pdf(path):
            return None
        try:
            return render_quote(path.read_bytes(), self.filing_text(where.filing.filing_id), where.char_start,
                                where.char_end, where.page)
        except FilingError:
            return None

    @cached_property
    def conversations(self) -> Conversations:
        """Saved conversations, kept in the data folder."""
        return Conversations(self.settings.data / "conversations.sqlite3")

    def _described_filings(self) -> dict[str, str]:
        return {r.filing.filing_id: r.filing.label() for r in self.filings()}
