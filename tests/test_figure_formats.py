"""Chart numbers and figure punctuation follow the language registry and interface strings."""

from __future__ import annotations

import pytest

from primer.figures.chart import count_words
from primer.figures.placement import figures_as_text
from primer.model import Content
from primer.pages.render import ui_strings


@pytest.mark.parametrize(("value", "lang", "said"), [
    (175e9, "zh", "1750 亿"), (175e9, "en", "175 B"), (175e9, "zh-Hant", "1750 億"),
    (1.2e15, "en", "1,200 T"), (1.2e16, "zh", "12000 万亿"), (600.0, "en", "600"),
])
def test_counts_use_the_registry_units_and_digit_groups(value: float, lang: str, said: str) -> None:
    """Parameter counts are said with the language's unit words and grouped with its separator."""
    assert count_words(value, lang) == said


def test_plain_text_figures_use_the_editions_colon(content: Content) -> None:
    """A figure described in words takes the colon of the edition's interface strings (全形 in 繁體)."""
    for lang, start in (("zh-Hant", "> 圖 T-1："), ("en", "> Figure T.1: ")):
        assert ui_strings()[lang]["colon"] in start
        assert figures_as_text("[[figure:timeline-eras]]", content, lang).startswith(start)
