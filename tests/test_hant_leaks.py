"""Simplified-leak detector: the character set derived from OpenCC's dictionaries, and leaks with context."""

from __future__ import annotations

import pytest

from primer.hant.leaks import Leak, find_leaks, simplified_only
from primer.hant.markdown import convert_markdown
from primer.hant.phrases import hant_converter
from primer.hant.sources import simplified_texts
from tests.helpers import ROOT


@pytest.mark.parametrize("character", ["这", "个", "发", "参", "数", "网", "络", "们", "为"])
def test_simplified_only_characters_are_in_the_set(character: str) -> None:
    """Characters that OpenCC always converts to something else are Simplified-only."""
    assert character in simplified_only()


@pytest.mark.parametrize("character", ["后", "里", "干", "只", "台", "云", "么", "据", "群", "床", "參", "數", "模", "的"])
def test_valid_traditional_characters_are_not(character: str) -> None:
    """Characters that are also Traditional (皇后, 公里, 若干, 拮据; 么 is a Traditional key) are not leaks."""
    assert character not in simplified_only()


def test_leaks_name_the_character_and_its_phrase() -> None:
    """Each leak comes with its offset and the characters around it."""
    assert list(find_leaks("大模型的參數很多，这是一個例子。")) == [Leak("这", 9, "模型的參數很多，这是一個例子。")]


def test_converted_content_has_no_leaks() -> None:
    """All content converted with the real table (Markdown as Markdown) is free of Simplified-only
    characters: no protected span (code, URL, link target) holds Chinese text."""
    convert = hant_converter(ROOT).convert
    converted = ((path, convert_markdown(text, convert) if path.endswith(".md") else convert(text))
                 for path, text in simplified_texts(ROOT))
    leaks = [(path, leak.context) for path, text in converted for leak in find_leaks(text)]
    assert leaks == []
