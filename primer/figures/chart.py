"""Data charts of glossary facts: one measure over the models' release dates, on a log scale.

Every point comes from a model's `facts:` with its source; models whose maker never disclosed the
number sit in a strip of their own above the plot, never at a guessed height."""

from __future__ import annotations

import math
from dataclasses import dataclass

from primer.figures.diagram import At, TextLine
from primer.figures.layout import FONT_SIZES, text_width, wrap
from primer.languages import language
from primer.model import Content, Term
from primer.model.facts import Fact

STRIP_TOP = 12.0  # the "not disclosed" strip's top edge; its text lines and markers follow
STRIP_LINE = 16.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A chart's drawing area in SVG units. Labels are 12 units high in every frame, so a frame
    as narrow as a phone's column keeps them at reading size where the wide one would shrink them."""

    width: float
    left: float
    right: float
    top: float
    bottom: float
    x_ticks: int  # at most this many steps between year ticks
    strip_lines: int  # lines the strip's list of names may take
    label_every_point: bool  # False: a label with no free place is left off (the data table names it)

    @property
    def height(self) -> float:
        """The viewBox height: the plot, its year ticks and the axis title below it."""
        return self.bottom + 50


WIDE = Frame(width=640, left=70, right=624, top=96, bottom=370, x_ticks=8, strip_lines=1, label_every_point=True)
# A 360 px phone shows figures 328 px wide: at this width SVG units are about CSS pixels.
NARROW = Frame(width=328, left=58, right=310, top=112, bottom=392, x_ticks=4, strip_lines=2,
               label_every_point=False)


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One model's value of the measure, with the term and the fact behind it."""

    term: Term
    fact: Fact
    released: str
    year: float


@dataclass(frozen=True, slots=True)
class Tick:
    """An axis tick: position and label lines (a label may carry a superscript exponent)."""

    position: float
    text: str
    exponent: str = ""


@dataclass(frozen=True, slots=True)
class PointLabel(TextLine):
    """A point's label, placed beside it: the side of its anchor point the text runs from
    (SVG text-anchor `start` or `end`)."""

    anchor: str


@dataclass(frozen=True, slots=True)
class PlacedPoint(At):
    """A point drawn at its centre: marker kind and its label."""

    marker: str
    label: PointLabel


@dataclass(frozen=True, slots=True)
class ChartLayout:
    """Everything the SVG template draws for one chart in one language, in its frame."""

    frame: Frame
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    points: tuple[PlacedPoint, ...]
    undisclosed: tuple[TextLine, ...]  # the strip's text: "not disclosed:" and the names, in date order
    strip_height: float  # the "not disclosed" strip's, from its top edge STRIP_TOP


def chart_points(content: Content, measure: str) -> list[ChartPoint]:
    """Returns the models that state (or declare undisclosed) the measure, by release date."""
    points = [ChartPoint(term, term.facts.measures[measure], term.facts.released, term.facts.year)
              for term in content.terms.values()
              if term.facts is not None and measure in term.facts.measures]
    return sorted(points, key=lambda p: (p.released, p.term.id))


def year_ticks(first: float, last: float, most: int = 8) -> tuple[int, list[int]]:
    """Returns (start year, tick years) covering [first, last] in at most `most` steps."""
    start, end = math.floor(first), math.ceil(last)
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (end - start) / s <= most)
    start -= start % step
    end += -end % step
    return step, list(range(start, end + 1, step))


def decade_label(exponent: int, measure: str, lang: str) -> Tick:
    """Returns a y tick at 10^exponent: counts in words for parameters, powers for FLOP."""
    if measure == "parameters":
        return Tick(0.0, count_words(10.0 ** exponent, lang))
    return Tick(0.0, "10", str(exponent))


def count_words(value: float, lang: str) -> str:
    """Formats a count the way readers say it, with the language's unit words: 1750 亿 / 175 B."""
    writing = language(lang)
    for power, unit in writing.count_units:
        if value >= 10.0 ** power:
            return f"{grouped(value / 10.0 ** power, writing.thousands)} {unit}"
    return grouped(value, writing.thousands)


def grouped(number: float, thousands: str) -> str:
    """Three significant digits below 1000, whole numbers with the language's digit groups above."""
    return f"{number:.3g}" if number < 1000 else f"{number:,.0f}".replace(",", thousands)


def scientific(value: float) -> str:
    """Formats a FLOP count as 3.14 × 10²³."""
    exponent = math.floor(math.log10(value))
    mantissa = value / 10 ** exponent
    superscript = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{mantissa:.3g} × 10{superscript}"


def format_value(fact: Fact, measure: str, lang: str, t: dict[str, str]) -> str:
    """Returns a point's value for the table (never a number for an undisclosed one)."""
    if fact.value is None:
        return t["figure_undisclosed"]
    text = count_words(fact.value, lang) if measure == "parameters" else scientific(fact.value) + " FLOP"
    return text + t["figure_sparse"] if fact.sparse else text


def overlaps(box: tuple[float, float, float, float], placed: list[tuple[float, float, float, float]]) -> bool:
    """Tells whether a label box overlaps one already placed."""
    left, top, right, bottom = box
    return any(left < r and other_left < right and top < b and t < bottom for other_left, t, r, b in placed)


def place_label(x: float, y: float, text: str, placed: list[tuple[float, float, float, float]],
                frame: Frame, ceiling: float) -> PointLabel:
    """Puts a point's label beside it where it overlaps no other label and stays in the plot."""
    width, height = text_width(text, "small"), FONT_SIZES["small"]
    candidates = [(x + 8, y + 4, "start"), (x - 8, y + 4, "end"), (x + 6, y - 9, "start"), (x + 6, y + 17, "start"),
                  (x - 6, y - 9, "end"), (x - 6, y + 17, "end"), (x + 6, y - 22, "start"), (x + 6, y + 30, "start"),
                  (x - 6, y - 22, "end"), (x - 6, y + 30, "end"), (x + 12, y + 14, "start"), (x - 12, y + 14, "end"),
                  (x + 6, y - 35, "start"), (x + 6, y + 43, "start"), (x - 6, y - 35, "end"), (x - 6, y + 43, "end")]
    fallback = candidates[0]
    for cx, cy, anchor in candidates:
        left = cx if anchor == "start" else cx - width
        box = (left, cy - height, left + width, cy + 3)
        if left >= 2 and left + width <= frame.width - 2 and cy - height >= ceiling and not overlaps(box, placed):
            placed.append(box)
            return PointLabel(cx, cy, text, anchor)
    if not frame.label_every_point:
        return PointLabel(x, y, "", "start")
    cx, cy, anchor = fallback if x + 8 + width <= frame.width else candidates[1]
    return PointLabel(cx, cy, text, anchor)


def layout_chart(points: list[ChartPoint], measure: str, lang: str, t: dict[str, str],
                 frame: Frame = WIDE) -> ChartLayout:
    """Scales the points (log y, time x) into `frame`, places labels and ticks."""
    known = [p for p in points if p.fact.value is not None]
    years = [p.year for p in points] or [2020.0]
    _, tick_years = year_ticks(min(years), max(years), frame.x_ticks)
    left, right, top, bottom = frame.left, frame.right, frame.top, frame.bottom

    def x_of(year: float) -> float:
        return left + (year - tick_years[0]) / (tick_years[-1] - tick_years[0] or 1) * (right - left)

    logs = [math.log10(p.fact.value) for p in known if p.fact.value] or [0.0, 1.0]
    low, high = math.floor(min(logs)), math.ceil(max(logs))
    high = high if high > low else low + 1
    step = 1 if high - low <= 8 else 2

    def y_of(log: float) -> float:
        return bottom - (log - low) / (high - low) * (bottom - top)

    y_ticks = tuple(Tick(y_of(e), *_tick_text(e, measure, lang)) for e in range(low, high + 1, step))
    x_ticks = tuple(Tick(x_of(year), str(year)) for year in tick_years)
    # Markers first: no label may cover another point.
    placed = [(x_of(p.year) - 6, y_of(math.log10(p.fact.value)) - 6, x_of(p.year) + 6,
               y_of(math.log10(p.fact.value)) + 6) for p in known if p.fact.value]
    names = t["list_separator"].join(p.term.text(lang).term for p in points if p.fact.value is None)
    strip = wrap(f"{t['figure_undisclosed']}{t['colon']}{names}", right - left - 16, "small")[:frame.strip_lines]
    strip_y = STRIP_TOP + 40 + STRIP_LINE * (len(strip) - 1)
    # A label may rise above the plot to just under the strip, clear of the axis title.
    axis_title = t[f"measure_{measure}"]
    placed.append((left + 8, top - 20, left + 8 + text_width(axis_title, "small"), top - 5))
    drawn = [PlacedPoint(x_of(p.year), strip_y, "undisclosed", PointLabel(0, 0, "", "start"))
             for p in points if p.fact.value is None]
    for point in known:
        assert point.fact.value is not None
        x, y = x_of(point.year), y_of(math.log10(point.fact.value))
        label = place_label(x, y, point.term.text(lang).term, placed, frame, strip_y + 16)
        drawn.append(PlacedPoint(x, y, "sparse" if point.fact.sparse else "point", label))
    lines = tuple(TextLine(left + 8, STRIP_TOP + 18 + STRIP_LINE * i, text) for i, text in enumerate(strip))
    return ChartLayout(frame, x_ticks, y_ticks, tuple(drawn), lines if names else (), strip_y + 12 - STRIP_TOP)


def _tick_text(exponent: int, measure: str, lang: str) -> tuple[str, str]:
    tick = decade_label(exponent, measure, lang)
    return tick.text, tick.exponent
