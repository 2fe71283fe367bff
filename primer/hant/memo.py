"""Converted texts kept between processes, so a build whose texts were converted before never loads
OpenCC.

Every process that shows the 繁體中文 edition's words converts some texts: the edition's own build
(interface words, figure labels, the content model when it changed), and the zh and en builds
too (the language switcher and the root page show interface words of every edition). Loading
OpenCC's dictionaries costs 0.1–0.4 s per process, converting the texts again a few hundredths
more, for results the previous build already had. The memo file is named after everything a
conversion depends on (OpenCC's version and configuration, the phrase table, this package's
code), so a hit gives the same text as converting would."""

from __future__ import annotations

import atexit
import json
from pathlib import Path

import opencc

from primer.build.cache import cache_dir, digest, write_atomically

PREFIX = "primer-hant-memo-"


class ConversionMemo:
    """Source text → converted text, read from the cache folder on first use and written back
    (with this process's new conversions) when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, str] | None = None
        self._new: dict[str, str] = {}

    def get(self, text: str) -> str | None:
        """Returns the conversion of `text` if a process made it before, else None."""
        if self._known is None:
            self._known = self._read()
        return self._new.get(text, self._known.get(text))

    def put(self, text: str, converted: str) -> None:
        """Records a conversion made by this process (written when the process ends)."""
        if not self._new:
            # Builds, exports and checks all convert; saving at exit covers each without their
            # knowing about the memo (a build process ends right after its last page).
            atexit.register(self.save)
        self._new[text] = converted

    def save(self) -> None:
        """Writes the known and new conversions, if there are new ones; an unwritable cache
        folder only costs the next process the conversions again."""
        if not self._new:
            return
        merged = {**self._read(), **(self._known or {}), **self._new}
        try:
            write_atomically(self.path, json.dumps(merged, ensure_ascii=False, sort_keys=True))
        except OSError:
            return
        self._known, self._new = merged, {}
        for stale in self.path.parent.glob(f"{PREFIX}*.json"):  # an older table's or OpenCC's
            if stale != self.path:
                stale.unlink(missing_ok=True)

    def _read(self) -> dict[str, str]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}


def conversion_memo(config: str, phrases: dict[str, str]) -> ConversionMemo:
    """Returns the memo of converting with OpenCC `config` and these reviewed phrases."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    version = digest(opencc.__version__, config, json.dumps(phrases, ensure_ascii=False, sort_keys=True),
                     *(path.read_bytes() for path in code))
    return ConversionMemo(cache_dir() / f"{PREFIX}{version}.json")
