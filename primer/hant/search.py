"""Search segmentation of Traditional text with jieba, whose dictionary is Simplified.

jieba cut directly on Traditional text falls back to single characters and wrong words where its
dictionary has no Traditional forms. Two ways keep the segmentation of the Simplified source:

- `segment_source`: cut the Simplified source, then convert each word (merging words where
  converting them one by one would give other characters than converting the whole run).
- `ProjectedCutter` (and `ProjectedJieba`, a stand-in for the jieba module): for a Traditional
  run alone, as Material's search plugin hands it over: map it back to Simplified character by
  character (OpenCC `tw2s`, which keeps the length), cut that, and cut the Traditional run at the
  same offsets. Taiwan's own words (演算法, 資料集) are given to jieba in their character-mapped
  form (演算法, 资料集) so that they stay whole.

The query side needs the same vocabulary: `hant_vocabulary` gives the Traditional forms of the
glossary's names, for the index vocabulary shipped to the browser."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import opencc

from primer.build.cache import cached, digest
from primer.hant.convert import opencc_convert
from primer.hant.leaks import dictionary_entries

Cut = Callable[[str], Iterable[str]]
Convert = Callable[[str], str]
TO_SIMPLIFIED = "tw2s"  # characters and Taiwan variants only: one character for one character
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # what Material hands to jieba


def segment_source(simplified: str, cut: Cut, convert: Convert) -> list[str]:
    """Returns the Traditional words of a Simplified run: its jieba words, each converted; words
    whose conversion alone differs from the run's conversion are merged with the next ones."""
    target, words, pending, done = convert(simplified), [], "", 0
    for word in cut(simplified):
        pending += word
        converted = convert(pending)
        if target.startswith(converted, done):
            words.append(converted)
            done += len(converted)
            pending = ""
    if done < len(target):
        words.append(target[done:])  # the rest never lined up: one word rather than wrong text
    return words


def index_text(words: Iterable[str]) -> str:
    """Returns words as Material's search index holds a segmented run: between U+200B marks."""
    return "\u200b" + "\u200b".join(words) + "\u200b"


def map_to_simplified(traditional: str) -> str | None:
    """Returns the run in Simplified characters, one for one; None if OpenCC changed its length."""
    simplified = opencc_convert(traditional, TO_SIMPLIFIED)
    return simplified if len(simplified) == len(traditional) else None


@dataclass(frozen=True, slots=True)
class ProjectedCutter:
    """A `cut` for Traditional runs that segments their Simplified mapping (see the module)."""

    cut_simplified: Cut

    def cut(self, traditional: str) -> Iterator[str]:
        simplified = map_to_simplified(traditional)
        if simplified is None:
            yield from self.cut_simplified(traditional)
            return
        start = 0
        for word in self.cut_simplified(simplified):
            yield traditional[start:start + len(word)]
            start += len(word)


class ProjectedJieba:
    """Stands in for the `jieba` module where Material's search plugin (or `SegmentationMemo`)
    uses it in the zh-Hant build: `cut` projects, everything else is jieba's own."""

    def __init__(self, jieba: Any) -> None:
        self._jieba = jieba

    def cut(self, sentence: str | bytes, *args: Any, **kwargs: Any) -> Iterator[str]:
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        return ProjectedCutter(lambda simplified: self._jieba.cut(simplified, *args, **kwargs)).cut(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._jieba, name)


def hant_vocabulary(names: Iterable[str], convert: Convert) -> list[str]:
    """Returns the Traditional forms of glossary names and aliases, sorted, for the query side."""
    return sorted({convert(name) for name in names})


def projection_words(traditional_words: Iterable[str]) -> list[str]:
    """Returns the words jieba must know to cut mapped Taiwan text: the given Traditional words
    (the glossary's names) and OpenCC's Taiwan phrases, mapped back to Simplified characters
    (演算法 → 演算法, 資料集 → 资料集), without the ones that change length. Not the phrase table's
    forms: some pin a context (詞元後) and are no words."""
    taiwan = (form for forms in dictionary_entries("TWPhrases").values() for form in forms)
    mapped = (map_to_simplified(word) for word in [*traditional_words, *taiwan] if HAN_RUN.fullmatch(word))
    return sorted({word for word in mapped if word and len(word) > 1})


def projection_words_cached(traditional_words: list[str]) -> list[str]:
    """`projection_words`, kept in the cache folder: it loads OpenCC's `tw2s` and reads its Taiwan
    phrases (0.1–0.2 s), in every zh-Hant build, for the same glossary names as the last build."""
    package = Path(__file__).parent
    code = (path.read_bytes() for path in sorted(package.glob("*.py")))
    version = digest(opencc.__version__, *traditional_words, *code)
    return cached("hant-projection", package, version, lambda: projection_words(traditional_words))


@dataclass(frozen=True, slots=True)
class Agreement:
    """How far a segmentation agrees with a reference: boundaries and whole words."""

    boundary_precision: float
    boundary_recall: float
    words_kept: float  # share of the reference's words found as the same span

    @property
    def boundary_f1(self) -> float:
        total = self.boundary_precision + self.boundary_recall
        return 2 * self.boundary_precision * self.boundary_recall / total if total else 0.0


def agreement(pairs: Iterable[tuple[list[str], list[str]]]) -> Agreement:
    """Compares (reference words, candidate words) of the same texts, boundaries inside runs only."""
    common = found = expected = kept = words = 0
    for reference, candidate in pairs:
        ref_bounds, cand_bounds = _boundaries(reference), _boundaries(candidate)
        common += len(ref_bounds & cand_bounds)
        found += len(cand_bounds)
        expected += len(ref_bounds)
        ref_spans, cand_spans = _spans(reference), _spans(candidate)
        kept += len(ref_spans & cand_spans)
        words += len(ref_spans)
    return Agreement(common / found if found else 1.0, common / expected if expected else 1.0,
                     kept / words if words else 1.0)


def _boundaries(words: list[str]) -> set[int]:
    offsets, position = set(), 0
    for word in words[:-1]:
        position += len(word)
        offsets.add(position)
    return offsets


def _spans(words: list[str]) -> set[tuple[int, int]]:
    spans, position = set(), 0
    for word in words:
        spans.add((position, position + len(word)))
        position += len(word)
    return spans
