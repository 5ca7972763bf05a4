"""The int8 ONNX backend: made from the bundled weights on first use, cached, safe to share; close to fp32."""
from __future__ import annotations

import shutil
import threading
import time

import numpy as np
import pytest

from conftest import SAMPLE
from index import onnx_model
from index.chunking import chunk_filing
from index.embedding import Embedder, EmbeddingModelError
from index.reader import read_filing


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """An int8 model made in an empty cache, and what the first use was told."""
    cache = tmp_path_factory.mktemp("model-cache")
    told: list[str] = []
    embedder = Embedder(backend="onnx-int8", cache_dir=cache, on_build=told.append)
    return embedder, cache, told


@pytest.fixture(scope="module")
def fp32() -> Embedder:
    return Embedder(backend="torch")


def sample_texts(embedder: Embedder) -> list[str]:
    chunks = chunk_filing(read_filing(SAMPLE), embedder.count_tokens, embedder.token_offsets, embedder.max_tokens)
    return [c.embedding_text for c in chunks] + ["Who is the chief financial officer?", "x"]


def test_int8_model_is_made_on_first_use_then_reused(made):
    embedder, cache, told = made
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    assert len(told) == 1 and str(folder) in told[0]
    assert {p.name for p in folder.iterdir()} == {"model.onnx", "tokenizer.json", "manifest.json"}
    made_at = (folder / "model.onnx").stat().st_mtime_ns

    again: list[str] = []
    started = time.perf_counter()
    reused = Embedder(backend="onnx-int8", cache_dir=cache, on_build=again.append)
    assert again == [] and time.perf_counter() - started < 5
    assert (folder / "model.onnx").stat().st_mtime_ns == made_at
    assert reused.dimension == embedder.dimension == 384 and reused.max_tokens == 256


def test_int8_embeddings_are_close_to_fp32(made, fp32):
    embedder, _, _ = made
    texts = sample_texts(fp32)
    fast, exact = embedder.embed(texts), fp32.embed(texts)
    assert fast.shape == exact.shape and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cosines = (fast * exact).sum(axis=1)
    assert cosines.min() > 0.97, cosines
    # what matters for retrieval: the same passage ranks first for each text
    assert ((fast @ exact.T).argmax(axis=1) == np.arange(len(texts))).all()


def test_a_text_gets_the_same_vector_whatever_it_is_batched_with(made, fp32):
    """The int8 model has no attention mask (texts of one length run together, unpadded): a short text
    embedded beside long ones must not be padded into them."""
    embedder, _, _ = made
    texts = sample_texts(fp32)
    texts = sorted(texts, key=len)[:2] + sorted(texts, key=len)[-3:]
    together = embedder.embed(texts)
    alone = np.concatenate([embedder.embed([text]) for text in texts])
    # not exactly equal: dynamic quantisation scales each run's activations by their own range
    assert (together * alone).sum(axis=1).min() > 0.98


def test_both_backends_count_tokens_alike(made, fp32):
    embedder, _, _ = made
    texts = sample_texts(fp32)
    assert embedder.count_tokens(texts) == fp32.count_tokens(texts)
    text = "ImmunoGen, Inc. appointed Gregg D. Beloff as CFO."
    assert embedder.token_offsets(text) == fp32.token_offsets(text)


def test_damaged_cached_model_is_made_again(made, tmp_path, monkeypatch):
    _, cache, _ = made
    (good,) = [p for p in cache.iterdir() if p.is_dir()]
    copy = tmp_path / "cache"
    shutil.copytree(good, copy / good.name)
    (copy / good.name / "model.onnx").write_bytes(b"half written")
    rebuilt: list[str] = []
    # Making it again for real takes seconds; a copy of the good model stands in for the export.
    monkeypatch.setattr(onnx_model, "_build", lambda model_id, folder: shutil.copytree(good, folder))
    embedder = Embedder(backend="onnx-int8", cache_dir=copy, on_build=rebuilt.append)
    assert len(rebuilt) == 1
    assert embedder.embed(["a sentence"]).shape == (1, 384)


def test_concurrent_first_uses_make_the_model_once(tmp_path, monkeypatch):
    builds: list[str] = []

    def slow_build(model_id, folder):
        builds.append(model_id)
        time.sleep(0.5)
        folder.mkdir()
        (folder / onnx_model.MANIFEST_FILE).write_text("{}")

    monkeypatch.setattr(onnx_model, "_build", slow_build)
    folders = []
    threads = [threading.Thread(target=lambda: folders.append(onnx_model.quantized_model("some-model", tmp_path)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == ["some-model"] and len(set(folders)) == 1


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(EmbeddingModelError, match="unknown embedding backend 'gpu'"):
        Embedder(backend="gpu")
