"""Search segmentation of Traditional text: source words converted, projected cuts, vocabulary, agreement."""

from __future__ import annotations

import types
from collections.abc import Iterator
from pathlib import Path

import jieba
import pytest

from primer.hant.convert import HantConverter
from primer.hant.phrases import hant_converter
from primer.hant.search import (
    HAN_RUN,
    ProjectedCutter,
    ProjectedJieba,
    agreement,
    hant_vocabulary,
    index_text,
    map_to_simplified,
    projection_words,
    segment_source,
)
from primer.hant.sources import simplified_texts
from primer.search.segmentation import SegmentationMemo
from tests.helpers import ROOT


def dictionary_cut(words: list[str]):  # type: ignore[no-untyped-def]
    """Returns a greedy longest-match cut over `words` (single characters otherwise)."""
    def cut(text: str) -> Iterator[str]:
        start = 0
        while start < len(text):
            match = max((w for w in words if text.startswith(w, start)), key=len, default=text[start])
            yield match
            start += len(match)
    return cut


def test_source_words_are_converted_one_by_one() -> None:
    """Each Simplified word becomes one Traditional word, Taiwan's word included."""
    convert = HantConverter({}).convert
    cut = dictionary_cut(["大模型", "算法", "数据集"])
    assert segment_source("大模型的算法和数据集", cut, convert) == ["大模型", "的", "演算法", "和", "資料集"]


def test_words_merge_when_their_conversion_differs_from_the_runs() -> None:
    """参数 alone is OpenCC's 引數; the table's 参数量 spans two words, which become one."""
    convert = HantConverter({"参数量": "參數量"}).convert
    assert segment_source("参数量很大", dictionary_cut(["参数", "很大"]), convert) == ["參數量", "很大"]


def test_index_text_marks_word_boundaries_with_zero_width_spaces() -> None:
    """Words are joined and surrounded by U+200B, as Material's search index holds them."""
    assert index_text(["參數量", "很大"]) == "\u200b參數量\u200b很大\u200b"


def test_projected_cut_segments_the_simplified_mapping() -> None:
    """A Traditional run is cut where its character-mapped Simplified form is cut."""
    assert map_to_simplified("演算法的資料集") == "演算法的资料集"
    cutter = ProjectedCutter(dictionary_cut(["演算法", "资料集"]))
    assert list(cutter.cut("演算法的資料集")) == ["演算法", "的", "資料集"]


def test_projection_words_include_taiwan_words_in_simplified_characters() -> None:
    """Given Traditional words and OpenCC's Taiwan phrases come back as multi-character Simplified words."""
    words = projection_words(["代理人", "資料集", "參數"])
    assert {"代理人", "资料集", "参数", "演算法", "网路"} <= set(words)
    assert all(len(word) > 1 for word in words)


def test_vocabulary_is_the_traditional_glossary() -> None:
    """The query side gets the glossary's names in the edition's own words, once each, sorted."""
    assert hant_vocabulary(["参数量", "算法", "参数量", "人工智能"], hant_converter(ROOT).convert) == [
        "人工智慧", "參數量", "演算法"]


def test_agreement_counts_boundaries_and_words() -> None:
    """Boundaries inside runs and whole words are compared with the reference."""
    score = agreement([(["大模型", "的", "參數"], ["大", "模型", "的", "參數"])])
    assert (score.boundary_precision, score.boundary_recall) == (2 / 3, 1.0)
    assert score.words_kept == pytest.approx(2 / 3)
    assert score.boundary_f1 == pytest.approx(0.8)


@pytest.fixture(scope="module")
def real_runs() -> list[str]:
    return [run for _, text in simplified_texts(ROOT) for run in HAN_RUN.findall(text)]


def test_source_segmentation_keeps_the_converted_text(real_runs: list[str]) -> None:
    """On all real content, the words joined are exactly the run's conversion."""
    convert = hant_converter(ROOT).convert
    cut = jieba.Tokenizer().cut
    assert all("".join(segment_source(run, cut, convert)) == convert(run) for run in real_runs[:800])


def test_projected_cut_keeps_taiwan_words_that_direct_jieba_splits() -> None:
    """Cut directly, jieba splits 資料集 (its dictionary is Simplified); projected, it stays whole."""
    tokenizer = jieba.Tokenizer()
    for word in projection_words(["資料集"]):
        tokenizer.add_word(word, 100000)
    run = "在小資料集上微調"
    assert "資料集" not in list(jieba.Tokenizer().cut(run))
    assert "資料集" in list(ProjectedCutter(tokenizer.cut).cut(run))


def test_projected_jieba_serves_the_segmentation_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In place of jieba in the search memo, Traditional runs (as bytes, as Material passes them)
    are cut by projection; the memo names its cache after jieba's version and the language."""
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(tmp_path))
    tokenizer = jieba.Tokenizer()  # not the global one: other tests keep jieba's own dictionary
    for word in projection_words(["資料集"]):
        tokenizer.add_word(word, 100000)
    module = types.ModuleType("jieba")
    module.__file__, module.cut = jieba.__file__, tokenizer.cut  # type: ignore[attr-defined]
    module.__version__ = jieba.__version__  # type: ignore[attr-defined]
    memo = SegmentationMemo(ProjectedJieba(module), "zh-Hant")
    assert "資料集" in list(memo.cut("在小資料集上微調".encode()))
    assert memo.path.name.startswith("primer-jieba-memo-")
