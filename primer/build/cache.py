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

from primer.issues import relpath

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


def read_pickle(path: Path) -> tuple[bool, object]:
    """Returns (True, value) of a cache file, or (False, None) when it is missing, unreadable or
    written by other code (then the caller computes the value again)."""
    try:
        with open(path, "rb") as handle:
            return True, pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ImportError, AttributeError, TypeError, ValueError):
        return False, None  # ImportError: a module of the code that wrote it has moved or gone


def cached(kind: str, scope: Path, version: str, compute: Callable[[], T]) -> T:
    """Returns `compute()`, kept in the cache folder under `version`; one file per kind and scope.

    Arguments:
        kind: what is cached (a file name part).
        scope: the project folder the value belongs to; older versions of it are removed.
        version: a digest of everything the value depends on.
    """
    prefix = f"primer-{kind}-{digest(str(scope.resolve()))}-"
    path = cache_dir() / f"{prefix}{version}.pickle"
    found, stored = read_pickle(path)
    if found:
        return stored  # type: ignore[return-value]
    value = compute()
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for stale in path.parent.glob(f"{prefix}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return value


class FileMemo:
    """Results computed from single files (parsed YAML, typography warnings), reused while a file
    keeps its size and modification time; one cache file per project folder.

    Whole-tree caches miss as soon as any file changes; this one lets a check after editing one
    file of thousands read only that file again."""

    def __init__(self, scope: Path, name: str) -> None:
        """Opens the memo `name` of the project folder `scope` (one user per name at a time)."""
        self.scope = scope.resolve()
        # Keyed by the code too: entries are objects of our classes, which may change shape.
        prefix = f"primer-files-{name}-{digest(str(self.scope))}-"
        self.path = cache_dir() / f"{prefix}{code_version()[:16]}.pickle"
        for stale in self.path.parent.glob(f"{prefix}*.pickle"):
            if stale != self.path:
                stale.unlink(missing_ok=True)
        self._entries: dict[tuple[str, str], tuple[int, int, object]] = {}
        self._used: dict[tuple[str, str], tuple[int, int, object]] = {}
        self._changed = False
        found, entries = read_pickle(self.path)
        if found and isinstance(entries, dict):
            self._entries = entries

    def get(self, kind: str, path: Path, compute: Callable[[], T]) -> T:
        """Returns `compute()` for `path`, from the cache while the file is unchanged."""
        key = (kind, relpath(os.path.abspath(path), self.scope))  # any path outside scope keys as itself
        try:
            info = path.stat()
        except OSError:
            return compute()  # missing or unreadable: compute reports it
        entry = self._entries.get(key)
        if entry is not None and entry[0] == info.st_size and entry[1] == info.st_mtime_ns:
            self._used[key] = entry
            return entry[2]  # type: ignore[return-value]
        value = compute()
        self._used[key] = (info.st_size, info.st_mtime_ns, value)
        self._changed = True
        return value

    def save(self) -> None:
        """Writes the entries used in this run (so deleted files drop out) if any changed."""
        if self._changed or len(self._used) != len(self._entries):
            write_atomically(self.path, pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))


PACKAGE = Path(__file__).resolve().parents[1]  # primer/
CODE_FILES = ("**/*.py", "../schemas/*.json")


@cache
def code_version() -> str:
    """Returns a hash of the package's code and schemas: cached results are only valid for them."""
    files = sorted(path for pattern in CODE_FILES for path in PACKAGE.glob(pattern))
    return digest(*(part for path in files for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes())))


def content_version(root: Path) -> str:
    """Returns a hash of the code and of the name, size and modification time of every file
    under content/: what `load_content` and the checks read."""
    stamps = [code_version()]
    start = len(str(root)) + 1
    for folder, folders, files in os.walk(root / "content"):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = os.stat(path)
            stamps.append(f"{path[start:]}\0{info.st_size}\0{info.st_mtime_ns}")
    return digest(*stamps)
