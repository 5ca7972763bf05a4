"""Settings from the environment (FILINGS_QA_*) with command-line overrides."""
from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from index.onnx_model import default_cache_dir


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FILINGS_QA_", extra="ignore")

    # Folder holding all state: the embedded Chroma database, the filings registry and their texts.
    data: Path = Path("data")
    # "http://host:port" of a Chroma server; empty means the embedded PersistentClient under `data`.
    chroma_url: str = ""
    # A sentence-transformers model name or folder; empty means the bundled all-MiniLM-L6-v2.
    embedding_model: str = ""
    embedding_batch_size: int = 32
    # "onnx-int8" (an int8 ONNX copy of the model, made on first use) or "torch" (the model in fp32).
    embedding_backend: str = "onnx-int8"
    # Largest file read, in MB; larger ones are refused with a one-line error and the batch goes on.
    max_file_mb: float = 50
    # Most characters of text a file may give. The corpus's largest filing gives 1.17 million (PepsiCo's 10-K of
    # 2022, a PDF); 10 million is 8.5 times that, and takes about 2.5 minutes to embed on 2 cores (the corpus's
    # 0.21 word pieces a character, at the 13,000 a second `make bench` measures).
    max_text_chars: int = 10_000_000
    # Seconds reading one file may take. The corpus's slowest file reads in 2.8 s on 2 cores (a PDF, about 8 ms a
    # page); 60 s leaves room for a busy machine and for files many times larger.
    max_parse_seconds: float = 60
    # Where the int8 copies are kept; empty means $XDG_CACHE_HOME/filings-qa/models (~/.cache/...).
    model_cache: Path | None = None
    # EDGAR (`filings-qa fetch`): the site serving /files/company_tickers.json and /Archives, the one serving
    # /submissions, or a mirror serving the same paths; and the User-Agent EDGAR requires ("Name email").
    edgar_url: str = "https://www.sec.gov"
    edgar_data_url: str = "https://data.sec.gov"
    edgar_user_agent: str = ""

    def model_cache_dir(self) -> Path:
        return self.model_cache or default_cache_dir()

    def with_overrides(self, **overrides) -> "Settings":
        given = {k: v for k, v in overrides.items() if v not in (None, "")}
        return self.model_validate(self.model_dump() | given) if given else self
