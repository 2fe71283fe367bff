"""The eras chart: the history's eras (content/eras.yml) as equal bands, each with its own time
scale, and every timeline event as a dot stacked on its year, so the pace of each era shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from primer.figures.diagram import At, TextLine
from primer.figures.layout import text_width, wrap
from primer.model import Content, Era

WIDTH, HEIGHT = 600, 262
NARROW_WIDTH = 328  # a 360 px phone's column: SVG units about CSS px (see chart.NARROW)
LEFT = 10.0
LEGEND_Y, LEGEND_LINE = 256.0, 15.0
BAND_TOP, LINE_STEP = 10.0, 18.0
BASELINE, DOT_STEP, DOT_RADIUS = 200.0, 9.0, 3.6
STYLES = ("muted", "data", "accent", "trained", "highlight")


@dataclass(frozen=True, slots=True)
class EraBand:
    """One era drawn: its band, style, name lines, range and event count labels, and a dot per event
    (in the band's style)."""

    x: float
    width: float
    style: str
    lines: tuple[TextLine, ...]
    count: TextLine
    dots: tuple[At, ...]


@dataclass(frozen=True, slots=True)
class ErasLayout:
    """Everything the eras template draws."""

    bands: tuple[EraBand, ...]
    ticks: tuple[TextLine, ...]
    band_height: float
    legend: tuple[TextLine, ...]
    width: float
    height: float

    @property
    def right(self) -> float:
        """The x of the bands' right edge."""
        return self.width - LEFT


def last_year(content: Content) -> int:
    """Returns the end of the open era: the year of the latest event (or of the era's start)."""
    years = [int(event.date[:4]) for event in content.events]
    return max([*years, *(era.start for era in content.eras)])


def era_end(era: Era, content: Content) -> int:
    """Returns an era's last year (the latest event's year for the ongoing one)."""
    return era.end if era.end is not None else last_year(content)


def layout_eras(content: Content, lang: str, words: dict[str, str], drawing_width: float = WIDTH) -> ErasLayout:
    """Lays the eras out side by side, equal widths, and stacks each year's events in its era."""
    eras = content.eras
    right = drawing_width - LEFT
    width = (right - LEFT) / max(len(eras), 1)
    per_year = Counter(int(event.date[:4]) for event in content.events)
    bands, ticks = [], []
    names = [wrap(era.name.get(lang), width - 12, "normal") for era in eras]
    band_height = 22 + max((len(name) for name in names), default=1) * LINE_STEP + 8
    for index, era in enumerate(eras):
        x, style, end = LEFT + index * width, STYLES[index % len(STYLES)], era_end(era, content)
        name = names[index]
        span = words["era_range"].format(start=era.start, end=era.end if era.end is not None else words["present"])
        lines = [TextLine(x + width / 2, BAND_TOP + 22 + i * LINE_STEP, line) for i, line in enumerate(name)]
        lines.append(TextLine(x + width / 2, BAND_TOP + 22 + len(name) * LINE_STEP, span))
        count = sum(n for year, n in per_year.items() if era.start <= year <= end)
        years = max(end - era.start + 1, 1)
        dots = [At(x + 6 + (year - era.start + 0.5) / years * (width - 12), BASELINE - 6 - i * DOT_STEP)
                for year in range(era.start, end + 1) for i in range(per_year.get(year, 0))]
        bands.append(EraBand(x, width, style, tuple(lines),
                             TextLine(x + width / 2, BASELINE + 34, words["figure_events"].format(count=count)),
                             tuple(dots)))
        ticks.append(TextLine(x + 4, BASELINE + 16, str(era.start)))
    ticks.append(TextLine(right - 4, BASELINE + 16, str(last_year(content))))
    legend = tuple(TextLine(drawing_width / 2, LEGEND_Y + LEGEND_LINE * i, line)
                   for i, line in enumerate(wrap(words["figure_dot_legend"], right - LEFT, "small")))
    height = HEIGHT + LEGEND_LINE * (len(legend) - 1)
    return ErasLayout(tuple(bands), tuple(ticks), band_height, legend, drawing_width, height)


def eras_issues(content: Content, lang: str, words: dict[str, str]) -> list[str]:
    """Returns the era names that do not fit their band in `lang` (for the check), on a phone."""
    width = (NARROW_WIDTH - 2 * LEFT) / max(len(content.eras), 1) - 12
    return [era.id for era in content.eras if any(text_width(line) > width for line in
                                                   wrap(era.name.get(lang), width, "normal"))]
