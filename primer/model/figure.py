"""Figures: a diagram (shapes written once, labels in both languages) or a chart of glossary facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import schema
from primer.content.yamlsource import Mapping
from primer.languages import text_source
from primer.model.common import Localized, Origin, Record

ITEM_SCHEMA: dict[str, Any] = schema("figure")["$defs"]["item"]
SHAPE_KINDS = tuple(branch["required"][0] for branch in ITEM_SCHEMA["oneOf"])
ITEM_CHOICES = {name: tuple(rule["enum"]) for name, rule in ITEM_SCHEMA["properties"].items() if "enum" in rule}
MEASURES: tuple[str, ...] = tuple(schema("figure")["properties"]["chart"]["properties"]["measure"]["enum"])
Point = tuple[float, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureText:
    """A figure's caption, alt text and longer description in one language."""

    caption: str
    alt: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Shape:
    """One item of a diagram: a box, an arrow, a line or a free label, with its words."""

    kind: str
    points: tuple[Point, ...]  # a box: (x, y), (width, height); a label: its anchor point
    text: Localized | None
    line: int
    style: str = "plain"
    shape: str = "rect"
    align: str = "middle"
    anchor: str = "middle"
    size: str = "normal"
    dashed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagram:
    """A drawing of `width` × `height` px made of shapes, in drawing order."""

    width: int
    height: int
    shapes: tuple[Shape, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Record):
    """One `content/figures/<id>.yml`."""

    sources: tuple[str, ...]
    licence: str
    illustrative: bool
    texts: dict[str, FigureText] = field(compare=False, hash=False)
    diagram: Diagram | None
    measure: str  # for charts: the glossary fact plotted; '' for diagrams
    translated_from: str = ""

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Figure:
        """Reads a figure file that its schema has checked."""
        diagram, measure = read_drawing(reader)
        return cls(
            id=reader.identifier("id"), sources=reader.ids("sources"), licence=reader.text("licence"),
            illustrative=reader.boolean("illustrative"), texts={lang: read_texts(reader, lang) for lang in LANGS},
            diagram=diagram, measure=measure, origin=Origin.of(reader), translated_from=reader.text("translated_from"),
        )

    def text(self, lang: str) -> FigureText:
        """Returns the figure's texts in `lang`."""
        return self.texts[text_source(lang)]

    def labels(self, lang: str) -> tuple[str, ...]:
        """Returns the words drawn in the diagram in `lang`, in drawing order."""
        shapes = self.diagram.shapes if self.diagram else ()
        return tuple(shape.text.get(lang) for shape in shapes if shape.text)


def read_texts(reader: FieldReader, lang: str) -> FigureText:
    """Reads the `zh:` or `en:` block."""
    block = reader.mapping(lang)
    if block is None:
        return FigureText(caption="", alt="", description="")
    return FigureText(caption=block.text("caption"), alt=block.text("alt"), description=block.text("description"))


def read_drawing(reader: FieldReader) -> tuple[Diagram | None, str]:
    """Reads `diagram:` or `chart:` (the schema allows exactly one of them)."""
    chart, block = reader.mapping("chart"), reader.mapping("diagram")
    if chart is not None:
        measure = chart.text("measure")
        return None, measure if measure in MEASURES else ""
    return (read_diagram(block) if block else None), ""


def numbers(value: Any, count: int) -> tuple[float, ...] | None:
    """Returns `value` as `count` numbers, or None when it is not such a list."""
    if not isinstance(value, list) or len(value) != count:
        return None
    if not all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in value):
        return None
    return tuple(float(item) for item in value)


def read_diagram(reader: FieldReader) -> Diagram | None:
    """Reads `diagram: {size: [w, h], items: [...]}`."""
    size = numbers(reader.data.get("size"), 2)
    items = reader.data.get("items")
    if size is None or not isinstance(items, list):
        return None
    shapes = [read_shape(FieldReader(item, reader.path, reader.issues)) for item in items if isinstance(item, Mapping)]
    return Diagram(width=int(size[0]), height=int(size[1]), shapes=tuple(s for s in shapes if s is not None))


def read_shape(reader: FieldReader) -> Shape | None:
    """Reads one diagram item; its kind is the one key among box, arrow, line and label."""
    kinds = [kind for kind in SHAPE_KINDS if kind in reader.data]
    points = shape_points(kinds[0], reader.data[kinds[0]]) if len(kinds) == 1 else None
    if points is None:
        return None
    text = Localized.of(reader.localized("text")) if "text" in reader.data else None
    options = {name: reader.text(name) for name in ITEM_CHOICES if reader.text(name) in ITEM_CHOICES[name]}
    return Shape(kind=kinds[0], points=points, text=text, line=reader.data.line, dashed=reader.boolean("dashed"),
                 **options)


def shape_points(kind: str, value: Any) -> tuple[Point, ...] | None:
    """Returns the points of a shape's geometry, or None when the form is wrong."""
    if kind == "box":
        box = numbers(value, 4)
        return ((box[0], box[1]), (box[2], box[3])) if box else None
    if kind == "label":
        point = numbers(value, 2)
        return ((point[0], point[1]),) if point else None
    if not isinstance(value, list) or len(value) < 2:
        return None
    points = [numbers(item, 2) for item in value]
    return tuple((p[0], p[1]) for p in points if p) if all(points) else None
