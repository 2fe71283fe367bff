"""The classification matrix in Chromium at desktop and phone widths: the theme's table look, no
word broken across lines, and on a phone it scrolls inside its own box, not the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser import LANGS, Tab, folder

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const box = document.querySelector('.primer-matrix-wrap');
  const table = box.querySelector('table');
  const broken = [];
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/[A-Za-z0-9][A-Za-z0-9.·'-]*/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
  }
  const scrollers = [box, ...box.querySelectorAll('*')].filter(element =>
    element.scrollWidth > element.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(element).overflowX));
  const style = getComputedStyle(table);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return {
    broken, pageWidth: document.documentElement.scrollWidth, viewport: innerWidth,
    boxRight: box.getBoundingClientRect().right, tableWidth: table.getBoundingClientRect().width,
    scrollers: scrollers.length, classed: table.hasAttribute('class'), border: style.borderTopStyle,
    fontSize: parseFloat(style.fontSize) / rem, cells: table.querySelectorAll('td').length,
  };
}"""


def measure(new_tab: Callable[..., Tab], lang: str, width: int) -> dict[str, Any]:
    tab = new_tab(viewport={"width": width, "height": 900})
    page = tab.open(f"/{folder(lang)}/classification/")
    page.locator(".primer-matrix-wrap").scroll_into_view_if_needed()
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1280, 360])
def test_the_matrix_keeps_words_whole_and_the_page_width(new_tab: Callable[..., Tab], lang: str, width: int) -> None:
    """No Latin word or model name is split over two lines, and the page never scrolls sideways."""
    found = measure(new_tab, lang, width)
    assert found["cells"] >= 9
    assert found["broken"] == []
    assert found["pageWidth"] <= found["viewport"] and found["boxRight"] <= found["viewport"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_matrix_has_the_themes_table_style(new_tab: Callable[..., Tab], lang: str) -> None:
    """The table carries no class, so Material styles it like every table (border, .64rem text)."""
    found = measure(new_tab, lang, 1280)
    assert not found["classed"] and found["border"] == "solid"
    assert found["fontSize"] == pytest.approx(0.64, abs=0.01)
    assert found["scrollers"] == 0  # on a desktop it fits


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_matrix_scrolls_inside_its_own_box(new_tab: Callable[..., Tab], lang: str) -> None:
    """At 360 px the table is wider than the screen and a box inside the matrix scrolls it."""
    found = measure(new_tab, lang, 360)
    assert found["tableWidth"] > found["viewport"]
    assert found["scrollers"] >= 1
