"""The int8 ONNX copy of a sentence-transformers model: made on first use from the model's own weights, then cached.

The whole model (transformer, pooling, normalisation) is exported with torch and rewritten for a CPU:
- ONNX Runtime's transformer optimizer fuses each attention block into a MultiHeadAttention node, which is
  then given no padding mask: without one, ONNX Runtime runs it with its flash-attention kernel. The
  encoder therefore only ever batches texts of the same token length (index/embedding.py);
- layer norms stay LayerNormalization + Add, and GELU uses its tanh approximation (FastGelu);
- the matrix products are quantised to int8 with per-channel weight scales (dynamic quantisation: no
  calibration data).
Measured on 600 corpus chunks on the 2-core CPU (bench/): 18,000 tokens/s, against 13,300 for the same int8
weights with ONNX Runtime's default fusions (padded batches, QAttention, SkipLayerNormalization); cosine
similarity to fp32 above 0.98 either way. Only making the model needs torch; using it needs onnxruntime and
tokenizers.

The cache folder holds one subfolder per model and recipe. A subfolder is built under a temporary name and
renamed when complete, so a half-written one is never used; a file lock makes concurrent first uses build it
once; one that cannot be loaded (damaged on disk) is rebuilt.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# Bumped whenever the way the model is made changes, so that cached copies are remade.
RECIPE = "st-int8-v2"
MODEL_FILE = "model.onnx"
MANIFEST_FILE = "manifest.json"  # written last: its presence means the folder is complete
EXPORT_OPSET = 17
# ONNX Runtime's fused SkipLayerNormalization CPU kernel made the whole model 13% slower than the
# LayerNormalization + Add it replaces: sessions must not fuse it back (index/embedding.py).
UNFUSED_AT_LOAD = ["SkipLayerNormFusion"]


def quiet_transformers() -> None:
    """Chunking measures long texts on purpose; length warnings and per-load progress bars are noise in a CLI."""
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()


def default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "filings-qa" / "models"


def cache_key(model_id: str) -> str:
    """The model's name with a fingerprint of its files (a local folder) or of its name (a hub model)."""
    path = Path(model_id)
    digest = hashlib.sha256(f"{RECIPE}\n".encode())
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            stat = file.stat()
            digest.update(f"{file.relative_to(path)}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
        name = path.name if path.name != "model" else path.parent.name
    else:
        digest.update(model_id.encode())
        name = model_id.rsplit("/", 1)[-1]
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
    return f"{safe}-{digest.hexdigest()[:16]}"


def quantized_model(model_id: str, cache_dir: Path, on_build=None) -> Path:
    """The folder of the int8 model (model.onnx, tokenizer files, manifest.json), made if it is not cached.

    `on_build(message)` is told when the model has to be made, which takes some seconds.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    folder = cache_dir / cache_key(model_id)
    if (folder / MANIFEST_FILE).is_file():
        return folder
    with _locked(cache_dir / f"{folder.name}.lock"):
        if not (folder / MANIFEST_FILE).is_file():  # another process may have made it while we waited
            if on_build:
                on_build(f"making the int8 ONNX model of {model_id} in {folder} (once)")
            _build(model_id, folder)
    return folder


def discard(folder: Path) -> None:
    """Remove a cached model that failed to load, so that the next use makes it again."""
    with _locked(folder.parent / f"{folder.name}.lock"):
        shutil.rmtree(folder, ignore_errors=True)


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST_FILE).read_text())


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(model_id: str, folder: Path) -> None:
    started = time.perf_counter()
    # Under the lock, so nobody else is building: a folder without its manifest, or a temporary one left
    # by a process that died, is a failed build.
    for stale in [folder, *folder.parent.glob(f".{folder.name}.*")]:
        shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        manifest = _export(model_id, work / "fp32.onnx", work)
        _optimize_and_quantize(work / "fp32.onnx", work / MODEL_FILE, manifest)
        (work / "fp32.onnx").unlink()
        manifest["build_seconds"] = round(time.perf_counter() - started, 1)
        (work / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1))
        os.rename(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _export(model_id: str, onnx_path: Path, folder: Path) -> dict:
    """Export the whole sentence-transformers model (inputs: token ids; output: the sentence embedding)."""
    import warnings

    import torch
    from sentence_transformers import SentenceTransformer

    quiet_transformers()
    # Eager attention exports as plain MatMul/Softmax, which ONNX Runtime's optimizer fuses into Attention.
    model = SentenceTransformer(model_id, device="cpu", model_kwargs={"attn_implementation": "eager"}).eval()
    tokenizer = model.tokenizer
    if not getattr(tokenizer, "is_fast", False):
        raise ValueError(f"{model_id} has no fast tokenizer, which the onnx-int8 backend needs")
    example = model.preprocess(["An example sentence.", "A second, slightly longer example sentence."])
    input_names = [name for name, value in example.items() if isinstance(value, torch.Tensor)]

    class SentenceEmbedding(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, *inputs):
            return self.model(dict(zip(input_names, inputs)))["sentence_embedding"]

    dynamic = {name: {0: "batch", 1: "sequence"} for name in input_names}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow that shapes do not change
        torch.onnx.export(SentenceEmbedding().eval(), tuple(example[name] for name in input_names), str(onnx_path),
                          input_names=input_names, output_names=["sentence_embedding"],
                          dynamic_axes=dynamic | {"sentence_embedding": {0: "batch"}},
                          opset_version=EXPORT_OPSET, dynamo=False)
    tokenizer.backend_tokenizer.save(str(folder / "tokenizer.json"))
    config = model[0].auto_model.config
    return {
        "model": model_id, "recipe": RECIPE, "input_names": input_names,
        "max_seq_length": int(model.max_seq_length or 512), "dimension": int(model.get_embedding_dimension()),
        "do_lower_case": bool(getattr(model[0], "do_lower_case", False)),
        "num_heads": int(getattr(config, "num_attention_heads", 0)), "hidden_size": int(getattr(config, "hidden_size", 0)),
        "model_type": getattr(config, "model_type", ""),
    }


def _optimize_and_quantize(source: Path, target: Path, manifest: dict) -> None:
    import logging

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions

    fusions = FusionOptions("bert")  # for other architectures the optimizer leaves what it does not recognise
    fusions.use_multi_head_attention = True
    fusions.enable_skip_layer_norm = fusions.enable_bias_skip_layer_norm = False
    fusions.enable_gelu_approximation = True
    optimized = optimizer.optimize_model(str(source), model_type="bert", num_heads=manifest["num_heads"],
                                         hidden_size=manifest["hidden_size"], optimization_options=fusions)
    for node in optimized.model.graph.node:
        if node.op_type == "MultiHeadAttention":
            del node.input[4:]  # the key padding mask: never needed, as batches hold texts of one length
    fused = source.with_name("fused.onnx")
    optimized.save_model_to_file(str(fused))
    # Per-channel weight scales keep cosine similarity to fp32 above 0.98 where per-tensor scales drop to 0.87;
    # embeddings (Gather) stay fp32, as quantising them costs accuracy and saves no arithmetic.
    logging.disable(logging.WARNING)  # the quantizer's advice to pre-process, meant for image models
    try:
        quantize_dynamic(str(fused), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"], extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        logging.disable(logging.NOTSET)
    fused.unlink()
