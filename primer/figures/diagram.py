"""Lays out a diagram's shapes in one language: boxes get their label wrapped to fit, arrows a head.

The geometry comes from the figure file; only the words differ between languages. Problems (a
label that does not fit its box or leaves the drawing) are reported by `layout_issues`."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from primer.content.fields import LANGS
from primer.figures.layout import FONT_SIZES, line_height, text_width, wrap
from primer.issues import Issue
from primer.model.figure import Diagram, Figure, Shape

PADDING = 6.0
HEAD_LENGTH, HEAD_HALF_WIDTH = 9.0, 4.5


@dataclass(frozen=True, slots=True)
class At:
    """A point of a drawing, in its viewBox units: where a label, dot or marker is placed."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class TextLine(At):
    """One line of a label, placed at its anchor point."""

    text: str


@dataclass(frozen=True, slots=True)
class Drawn:
    """A shape ready for the SVG template: its kind, CSS classes, geometry and text lines."""

    kind: str
    classes: str
    geometry: dict[str, str]
    lines: tuple[TextLine, ...]
    anchor: str
    size: str
    fits: bool = True


def fmt(value: float) -> str:
    """Formats a coordinate compactly and reproducibly."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def box_lines(shape: Shape, lang: str) -> tuple[tuple[TextLine, ...], bool]:
    """Wraps a box's label to its width and places the lines (centred, or from the top)."""
    if shape.text is None:
        return (), True
    (x, y), (width, height) = shape.points
    inner = width - 2 * PADDING - (width * 0.15 if shape.shape == "ellipse" else 0)
    lines = wrap(shape.text.get(lang), inner, shape.size)
    step = line_height(shape.size)
    block = step * (len(lines) - 1) + FONT_SIZES[shape.size]
    fits = block <= height - PADDING and all(text_width(line, shape.size) <= inner for line in lines)
    top = y + PADDING + FONT_SIZES[shape.size] * 0.9 if shape.align == "top" \
        else y + (height - block) / 2 + FONT_SIZES[shape.size] * 0.85
    return tuple(TextLine(x + width / 2, top + index * step, line) for index, line in enumerate(lines)), fits


def arrow_head(points: tuple[tuple[float, float], ...]) -> str:
    """Returns the path of a filled head at the last point, along the last segment."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    back_x, back_y = x2 - HEAD_LENGTH * math.cos(angle), y2 - HEAD_LENGTH * math.sin(angle)
    dx, dy = HEAD_HALF_WIDTH * math.sin(angle), -HEAD_HALF_WIDTH * math.cos(angle)
    return (f"M{fmt(x2)} {fmt(y2)}L{fmt(back_x + dx)} {fmt(back_y + dy)}"
            f"L{fmt(back_x - dx)} {fmt(back_y - dy)}Z")


def path_of(points: tuple[tuple[float, float], ...]) -> str:
    """Returns an SVG path through the points."""
    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in points)


def segment_label(shape: Shape, lang: str) -> tuple[TextLine, ...]:
    """Places an arrow's or line's label above the middle of its longest segment."""
    if shape.text is None:
        return ()
    pairs = list(zip(shape.points, shape.points[1:], strict=False))
    (x1, y1), (x2, y2) = max(pairs, key=lambda p: math.dist(p[0], p[1]))
    lines = shape.text.get(lang).split("\n")
    step = line_height("small")
    vertical = x1 == x2
    top = (y1 + y2) / 2 + (4 - step * (len(lines) - 1) / 2 if vertical else -5 - step * (len(lines) - 1))
    x = (x1 + x2) / 2 + (8 if vertical else 0)
    return tuple(TextLine(x, top + i * step, line) for i, line in enumerate(lines))


def draw_shape(shape: Shape, lang: str) -> Drawn:
    """Returns one shape laid out in `lang`."""
    dashed = " fig-dashed" if shape.dashed else ""
    if shape.kind == "box":
        (x, y), (width, height) = shape.points
        lines, fits = box_lines(shape, lang)
        geometry = {"x": fmt(x), "y": fmt(y), "width": fmt(width), "height": fmt(height),
                    "cx": fmt(x + width / 2), "cy": fmt(y + height / 2), "rx": fmt(width / 2), "ry": fmt(height / 2),
                    "round": "10" if shape.shape == "round" else "2"}
        return Drawn(f"box-{'ellipse' if shape.shape == 'ellipse' else 'rect'}", f"fig-box fig-{shape.style}{dashed}",
                     geometry, lines, "middle", shape.size, fits)
    if shape.kind == "label":
        (x, y), = shape.points
        step = line_height(shape.size)
        lines = tuple(TextLine(x, y + i * step, line) for i, line in enumerate(shape.text.get(lang).split("\n"))) \
            if shape.text else ()
        return Drawn("label", f"fig-label fig-{shape.style}", {}, lines, shape.anchor, shape.size)
    geometry = {"d": path_of(shape.points)}
    if shape.kind == "arrow":
        geometry["head"] = arrow_head(shape.points)
    lines = segment_label(shape, lang)
    vertical = bool(lines) and any(a[0] == b[0] for a, b in zip(shape.points, shape.points[1:], strict=False)
                                   if math.dist(a, b) == max(math.dist(p, q) for p, q in
                                                             zip(shape.points, shape.points[1:], strict=False)))
    return Drawn(shape.kind, f"fig-{shape.kind} fig-{shape.style}{dashed}", geometry, lines,
                 "start" if vertical else "middle", "small")


def draw(diagram: Diagram, lang: str) -> list[Drawn]:
    """Returns every shape of a diagram laid out in `lang`, in drawing order."""
    return [draw_shape(shape, lang) for shape in diagram.shapes]


def label_extent(line: TextLine, anchor: str, size: str) -> tuple[float, float]:
    """Returns the left and right x of a placed text line."""
    width = text_width(line.text, size)
    left = line.x - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    return left, left + width


def layout_issues(figure: Figure) -> Iterator[Issue]:
    """Yields labels that do not fit their box or leave the drawing, per language."""
    if figure.diagram is None:
        return
    for lang in LANGS:
        for shape, drawn in zip(figure.diagram.shapes, draw(figure.diagram, lang), strict=True):
            if not drawn.fits:
                yield Issue(path=figure.origin.path, line=shape.line,
                            message=f"the {lang} label does not fit its box; shorten it, add a line break "
                            "or enlarge the box")
            elif any(not 0 <= edge <= figure.diagram.width for line in drawn.lines
                     for edge in label_extent(line, drawn.anchor, drawn.size)):
                yield Issue(path=figure.origin.path, line=shape.line,
                            message=f"the {lang} label runs past the edge of the drawing; move or shorten it")
