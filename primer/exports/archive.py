"""Reproducible zip archives: sorted entries, fixed timestamps and permissions."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path


def zip_entries(archive: Path, entries: Iterable[tuple[str, bytes]], epoch: int,
                stored: Callable[[str], bool] = lambda name: False) -> None:
    """Writes `entries` (name, bytes) in the given order with one timestamp; `stored` names the
    entries kept uncompressed (an EPUB's mimetype must be)."""
    stamp = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(archive, "w") as bundle:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if stored(name) else zipfile.ZIP_DEFLATED
            bundle.writestr(info, data, compresslevel=None if stored(name) else 9)


def zip_folder(folder: Path, archive: Path, epoch: int, keep: Callable[[Path], bool] = lambda path: True) -> None:
    """Zips the files of `folder` that `keep` accepts (at the archive's top level), sorted."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and keep(p))
    zip_entries(archive, ((path.relative_to(folder).as_posix(), path.read_bytes()) for path in files), epoch)
