"""Simplified-leak detector: the character set derived from OpenCC's dictionaries, and leaks with context."""

from __future__ import annotations

import pytest

from primer.hant.leaks import Leak, find_leaks, simplified_only
from primer.hant.markdown import convert_markdown
from primer.hant.pageleaks import page_leaks
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


PAGE = """<!doctype html><html lang="zh-Hant"><head><title>大模型的定義</title>
<meta name="description" content="这是描述"></head><body>
<nav><a href="../zh/" hreflang="zh-Hans" lang="zh-Hans"><span>简体中文</span></a></nav>
<p title="參數">參數與资料<img alt="数据" src="a.png"><br>后来</p>
<p lang="zh-TW">台灣的網路</p></body></html>"""


def test_page_leaks_find_text_and_attributes_outside_other_languages() -> None:
    """Text and attribute values are scanned; an element in another language (the switcher) is not."""
    found = [(leak.where, leak.leak.character) for leak in page_leaks(PAGE)]
    assert found == [("content", "这"), ("text", "资"), ("alt", "数"), ("text", "来")]


def test_page_leak_names_page_and_phrase() -> None:
    """A leak is described with the page, where it is and the phrase around it."""
    leak = page_leaks("<p>參數與资料</p>")[0]
    assert leak.describe("zh-Hant/index.html") == "zh-Hant/index.html: text '參數與资料' has 资"
