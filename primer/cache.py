"""Where the build keeps what it can reuse between runs (compiled templates, loaded content,
pinyin keys, Chinese word segmentation), and how those files are written safely by parallel builds.

The folder is private to the user (mode 0700; $PRIMER_CACHE_DIR, else $XDG_CACHE_HOME or
~/.cache, under large-model-primer/): compiled templates and pickles are code, so they are never
read from a folder that someone else could write to."""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

CACHE_ENV = "PRIMER_CACHE_DIR"


def cache_dir() -> Path:
    """Returns the cache folder, created private to this user."""
    configured = os.environ.get(CACHE_ENV)
    return _private_folder(configured) if configured else _default_folder()


@cache
def _default_folder() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return _private_folder(str(base / "large-model-primer"))


@cache
def _private_folder(path: str) -> Path:
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return Path(tempfile.mkdtemp(prefix="primer-cache-"))  # unwritable: cache for this run only
    if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return Path(tempfile.mkdtemp(prefix="primer-cache-"))  # not ours alone: do not trust it
    return folder


def digest(*parts: str | bytes) -> str:
    """Returns a short hash naming a cache file after everything its contents depend on."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:16]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Writes a file by rename, so a parallel build never reads it half-written."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    if isinstance(data, str):
        partial.write_text(data, encoding="utf-8")
    else:
        partial.write_bytes(data)
    partial.replace(path)


def cached(kind: str, scope: Path, version: str, compute: Callable[[], T]) -> T:
    """Returns `compute()`, kept in the cache folder under `version`; one file per kind and scope.

    Arguments:
        kind: what is cached (a file name part).
        scope: the project folder the value belongs to; older versions of it are removed.
        version: a digest of everything the value depends on.
    """
    prefix = f"primer-{kind}-{digest(str(scope.resolve()))}-"
    path = cache_dir() / f"{prefix}{version}.pickle"
    if path.is_file():
        try:
            with open(path, "rb") as handle:
                value: T = pickle.load(handle)
            return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass  # unreadable or written by other code: compute again
    value = compute()
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for stale in path.parent.glob(f"{prefix}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return value
