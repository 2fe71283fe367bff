"""Charts (data charts and the eras chart) stay readable on a 360 px phone: a narrow drawing with
reading-size labels, no sideways scroll."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from primer.figures.chart import NARROW, WIDE, Frame, chart_points, layout_chart, overlaps
from primer.figures.layout import FONT_SIZES, text_width
from primer.model import Content
from primer.pages.render import ui_strings

CHARTS = ("parameters-over-time", "training-compute-over-time", "timeline-eras")  # drawn from content data
# The smallest rendered size of each visible chart's labels, in CSS px (font size × the SVG's scale).
SMALLEST_TEXT = """ids => ids.map(id => {
  const svg = [...document.querySelectorAll(`#fig-${id} svg`)].find(s => s.getBoundingClientRect().width > 0);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const parts = [...svg.querySelectorAll('text, tspan')].filter(t => t.textContent.trim());
  return Math.min(...parts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
})"""


@pytest.mark.parametrize("frame", [WIDE, NARROW], ids=["wide", "narrow"])
@pytest.mark.parametrize("measure", ["parameters", "training_compute"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_stay_in_the_frame_without_overlap(content: Content, measure: str, lang: str, frame: Frame) -> None:
    """Every label a drawing keeps lies inside its width and covers no other label."""
    layout = layout_chart(chart_points(content, measure), measure, lang, ui_strings()[lang], frame)
    boxes: list[tuple[float, float, float, float]] = []
    for point in layout.points:
        if not point.label.text:
            continue
        width = text_width(point.label.text, "small")
        left = point.label.x if point.label.anchor == "start" else point.label.x - width
        box = (left, point.label.y - FONT_SIZES["small"], left + width, point.label.y + 3)
        assert left >= 0 and left + width <= frame.width
        assert not overlaps(box, boxes)
        boxes.append(box)
    assert len(boxes) >= len([p for p in layout.points if p.marker != "undisclosed"]) // 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wide_drawing_labels_every_point(content: Content, lang: str) -> None:
    """The wide drawing names every plotted point (only the phone one may leave names to the table)."""
    for measure in ("parameters", "training_compute"):
        layout = layout_chart(chart_points(content, measure), measure, lang, ui_strings()[lang], WIDE)
        assert all(point.label.text for point in layout.points if point.marker != "undisclosed")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian chromium")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_labels_are_at_least_11_px_on_a_phone(new_tab: Any, lang: str) -> None:
    """At 360 px the charts' labels render at 11 CSS px or more and the page does not scroll sideways."""
    tab = new_tab(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    tab.page.goto(f"{tab.base}/{lang}/figures/")
    assert min(tab.page.evaluate(SMALLEST_TEXT, list(CHARTS))) >= 11
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian chromium")
def test_desktop_shows_the_wide_chart(new_tab: Any) -> None:
    """A desktop window shows the wide drawing, whose labels are at reading size there too."""
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.page.goto(f"{tab.base}/en/figures/")
    width = tab.page.eval_on_selector("#fig-parameters-over-time svg.primer-figure__svg--wide",
                                      "e => e.getBoundingClientRect().width")
    assert width > 600
    assert min(tab.page.evaluate(SMALLEST_TEXT, list(CHARTS))) >= 11


def test_search_indexes_a_charts_words_once_per_page(real_site: Path, content: Content) -> None:
    """The phone drawing repeats the wide one's words: search leaves it out (one hit per page showing it)."""
    index = (real_site / "en/search/search_index.json").read_text(encoding="utf-8")
    alt = content.figures["parameters-over-time"].text("en").alt
    pages = [page for page in (real_site / "en").rglob("*.html")
             if 'id="fig-parameters-over-time"' in page.read_text(encoding="utf-8")]
    assert index.count(alt[:27]) == len(pages) == 2  # before any character JSON or HTML would escape
