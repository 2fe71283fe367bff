"""Where the build keeps what it can reuse between runs (compiled templates, pinyin keys, Chinese
word segmentation), and how those files are written safely by parallel builds."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CACHE_ENV = "PRIMER_CACHE_DIR"


def cache_dir() -> Path:
    """Returns the cache folder: $PRIMER_CACHE_DIR, or the system's temporary folder."""
    folder = Path(os.environ.get(CACHE_ENV) or tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def digest(*parts: str | bytes) -> str:
    """Returns a short hash naming a cache file after everything its contents depend on."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:16]


def write_atomically(path: Path, text: str) -> None:
    """Writes a file by rename, so a parallel build never reads it half-written."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
