"""Chinese word segmentation for Material's search index: our glossary as jieba's user dictionary,
and a memo of jieba's results kept between builds.

Material's search plugin cuts every run of Chinese characters with jieba. Loading jieba's 20 MB
dictionary costs ~0.75 s in every build of every language, though most runs were already cut by
the previous build. `SegmentationMemo` stands in for the `jieba` module inside the plugin: it
answers runs it has seen from a cache file and loads jieba only when a run is new. jieba is
deterministic for a given version and dictionaries, and the cache file is named after all of
them, so the search index is the same byte for byte with or without the memo."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from primer.build.cache import cache_dir, digest, write_atomically
from primer.content.fields import LANGS
from primer.hant.search import ProjectedJieba, projection_words_cached
from primer.languages import language
from primer.model import Content

log = logging.getLogger("mkdocs.plugins.primer")


HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def jieba_user_dictionary(content: Content, lang: str = "") -> Path:
    """Writes every glossary name's Chinese part (term, aliases, model names; both languages' data)
    as a jieba user dictionary so Chinese search keeps them whole. Material hands jieba only Han
    runs, so `视觉 Transformer` contributes 视觉 and `书生（INTERN）` 书生.

    The file name is derived from its text, so parallel builds never write different texts to
    one file. A derived language's content holds Traditional names, and jieba cuts the Simplified
    mapping of its text (ProjectedJieba): it gets the mapped names and Taiwan's words."""
    words = sorted({run for term in content.terms.values() for written in LANGS for name in term.names(written)
                    for run in HAN_RUN.findall(name)})
    if lang and not language(lang).written:
        words = projection_words_cached(words)
    text = "".join(f"{word} 100000 n\n" for word in words)
    path = cache_dir() / f"primer-jieba-{digest(text)}.txt"
    if not path.exists():
        write_atomically(path, text)
    return path


class SegmentationMemo:
    """Answers `jieba.cut` from a cache; loads jieba's dictionaries only for text it has not seen.

    Material calls `set_dictionary` and `load_userdict` while it configures itself (the latter
    loads the main dictionary at once); both are recorded here and applied before the first
    real cut. Only plain `cut(text)` calls are memoized; anything else goes to jieba."""

    def __init__(self, jieba: ModuleType | ProjectedJieba, lang: str, variant: str = "") -> None:
        self._jieba = jieba
        self._lang = lang
        self._variant = variant  # builds of one language whose pages differ keep separate memos
        self._dictionaries: list[tuple[str, str]] = []  # ("main" | "user", path), in call order
        self._applied = False
        self._memo: dict[str, list[str]] | None = None
        self._used: dict[str, list[str]] = {}
        self._path: Path | None = None
        self.segmented = 0  # runs cut by jieba in this build

    def set_dictionary(self, path: str) -> None:
        self._dictionaries.append(("main", path))

    def load_userdict(self, path: str) -> None:
        self._dictionaries.append(("user", path))

    def __getattr__(self, name: str) -> Any:
        self._apply()
        return getattr(self._jieba, name)

    def cut(self, sentence: str | bytes, *args: Any, **kwargs: Any) -> Iterator[str]:
        if args or kwargs:
            self._apply()
            return iter(list(self._jieba.cut(sentence, *args, **kwargs)))
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        tokens = self._used.get(text) or self._load().get(text)
        if tokens is None:
            self._apply()
            tokens = list(self._jieba.cut(text))
            self.segmented += 1
        self._used[text] = tokens
        return iter(tokens)

    @property
    def path(self) -> Path:
        """Returns the cache file for this jieba version, these dictionaries and this language
        (named once, when the memo is first read)."""
        if self._path is None:
            self._path = self._name()
        return self._path

    def _name(self) -> Path:
        parts = [self._jieba.__version__, self._lang, self._variant]
        for kind, path in self._dictionaries:
            parts += [kind, Path(path).read_bytes()]
        default = Path(str(self._jieba.__file__)).parent / "dict.txt"
        if not any(kind == "main" for kind, _ in self._dictionaries) and default.is_file():
            parts += ["default", str(default.stat().st_size)]
        return cache_dir() / f"primer-jieba-memo-{digest(*parts)}.json"

    def save(self) -> None:
        """Writes the runs of this build (and only those) when they differ from the cache file."""
        if self._used and self._used != self._memo:
            write_atomically(self.path, json.dumps(self._used, ensure_ascii=False, separators=(",", ":")))
        log.debug(f"search segmentation ({self._lang}): {len(self._used)} runs, {self.segmented} cut by jieba")

    def _load(self) -> dict[str, list[str]]:
        if self._memo is None:
            path = self.path
            try:
                self._memo = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            except (OSError, ValueError):
                self._memo = {}
        return self._memo

    def _apply(self) -> None:
        if self._applied:
            return
        self._applied = True
        for kind, path in self._dictionaries:
            if kind == "main":
                self._jieba.set_dictionary(path)
            else:
                self._jieba.load_userdict(path)


def install_memo(lang: str, variant: str = "") -> SegmentationMemo | None:
    """Puts a memo in place of `jieba` inside Material's search plugin; None if it does not use jieba.

    `variant` names builds of the language whose pages differ (the file:// edition and the hosted
    site): a memo keeps only the runs of its last build, so one shared memo would make each cold
    for the other."""
    try:
        import jieba
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        return None
    if getattr(search_plugin, "jieba", None) is None:
        return None
    # Traditional runs are cut where jieba cuts their Simplified mapping (primer.hant.search).
    memo = SegmentationMemo(jieba if language(lang).written else ProjectedJieba(jieba), lang, variant)
    search_plugin.jieba = memo
    return memo
