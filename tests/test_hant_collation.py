"""Glossary order for Traditional readers: Taiwan stroke counts from Unihan, CLDR-like tie-breaks."""

from __future__ import annotations

import pytest

from primer.hant.collation import StrokeOrder
from primer.hant.phrases import hant_converter
from primer.model import Content
from tests.helpers import ROOT


@pytest.mark.parametrize(("character", "count"), [
    ("人", 2), ("大", 3), ("範", 15), ("深", 11),  # Unihan's one total
    ("范", 9), ("骨", 10),  # Unihan's second (Taiwan) total
    ("模", 15), ("權", 22), ("這", 11), ("華", 12),  # 艹 and ⻌ with 4 strokes: radical + rest beats China's total
])
def test_stroke_counts_are_taiwan_counts(character: str, count: int) -> None:
    """Counts as Taiwan writes the characters, where Unihan's total is China's (模 14, 這 10)."""
    assert StrokeOrder([character]).count(character) == count


@pytest.mark.parametrize("name", ["\u4e00\U00020000\u9fff", "\U0003134a\uf900", "\U0002a6df"])
def test_counts_are_found_wherever_unihan_lists_the_characters(name: str) -> None:
    """Characters from the first to the last Unihan block, asked together or alone, get their counts
    (Unihan is read only as far as the last character asked for)."""
    expected = {"\u4e00": 1, "\U00020000": 2, "\u9fff": 14, "\uf900": 10, "\U0002a6df": 9, "\U0003134a": 25}
    order = StrokeOrder([name])
    assert [order.count(character) for character in name] == [expected[character] for character in name]


def test_names_sort_by_strokes_then_radical() -> None:
    """Fewer strokes first, character by character (大語 14 before 大模 15); equal counts follow
    radical order (大 radical 37 before 小 radical 42)."""
    names = ["深度學習", "大模型", "人工智慧", "小模型", "大語言模型", "參數"]
    assert sorted(names, key=StrokeOrder(names).sort_key) == ["人工智慧", "大語言模型", "大模型", "小模型", "參數", "深度學習"]


def test_latin_names_come_first_case_insensitively() -> None:
    """Latin letters and digits sort before Han characters, ignoring case."""
    names = ["詞元", "word2vec", "BERT", "ChatGPT"]
    assert sorted(names, key=StrokeOrder(names).sort_key) == ["BERT", "ChatGPT", "word2vec", "詞元"]


@pytest.mark.parametrize(("name", "heading"), [("人工智慧", "2 畫"), ("權重", "22 畫"), ("word2vec", "W")])
def test_index_heading_names_the_stroke_group(name: str, heading: str) -> None:
    """Han names group by the strokes of their first character, others by their first letter."""
    assert StrokeOrder([name]).heading(name) == heading


def test_real_glossary_orders_by_first_character_strokes(content: Content) -> None:
    """Every converted glossary name has a count, and the sorted glossary never goes back in strokes."""
    convert = hant_converter(ROOT).convert
    names = [convert(term.names("zh")[0]) for term in content.terms.values()]
    order = StrokeOrder(names)
    names.sort(key=order.sort_key)
    han = [name for name in names if order.heading(name).endswith("畫")]
    counts = [order.count(name[0]) for name in han]
    assert counts == sorted(counts) and max(counts) < 99
    assert names.index("人工智慧") < names.index("大模型") < names.index("權重") == len(names) - 1
