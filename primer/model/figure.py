"""Figures: a diagram (shapes written once, labels in both languages) or a chart of glossary facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import keys, schema
from primer.languages import text_source
from primer.model.common import Localized, Origin

ITEM_SCHEMA: dict[str, Any] = schema("figure")["$defs"]["item"]["properties"]
SHAPE_KINDS = ("box", "arrow", "line", "label")
TEXT_KEYS = tuple(schema("figure")["$defs"]["texts"]["properties"])
ITEM_CHOICES = {name: tuple(ITEM_SCHEMA[name]["enum"]) for name in ("style", "shape", "align", "anchor", "size")}
MEASURES: tuple[str, ...] = tuple(schema("figure")["properties"]["chart"]["properties"]["measure"]["enum"])
LICENCES: tuple[str, ...] = tuple(schema("figure")["properties"]["licence"]["enum"])
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
class Figure:
    """One `content/figures/<id>.yml`."""

    id: str
    sources: tuple[str, ...]
    licence: str
    illustrative: bool
    texts: dict[str, FigureText] = field(compare=False, hash=False)
    diagram: Diagram | None
    measure: str  # for charts: the glossary fact plotted; '' for diagrams
    origin: Origin
    translated_from: str = ""

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Figure:
        """Reads a figure file; every problem is recorded with its line."""
        reader.check_keys(keys("figure"))
        licence = reader.text("licence")
        if licence and licence not in LICENCES:
            reader.error("licence", f"'licence' must be one of: {', '.join(LICENCES)}")
        diagram, measure = read_drawing(reader)
        return cls(
            id=reader.identifier("id"), sources=reader.ids("sources", required=True, min_items=1),
            licence=licence, illustrative=reader.boolean("illustrative"),
            texts={lang: read_texts(reader, lang) for lang in LANGS}, diagram=diagram, measure=measure,
            origin=Origin.of(reader), translated_from=reader.text("translated_from", required=False, max_length=12),
        )

    def text(self, lang: str) -> FigureText:
        """Returns the figure's texts in `lang`."""
        return self.texts[text_source(lang)]

    def labels(self, lang: str) -> tuple[str, ...]:
        """Returns the words drawn in the diagram in `lang`, in drawing order."""
        shapes = self.diagram.shapes if self.diagram else ()
        return tuple(shape.text.get(lang) for shape in shapes if shape.text)


def read_texts(reader: FieldReader, lang: str) -> FigureText:
    """Reads the `zh:` or `en:` block; a missing block is a missing translation."""
    if lang not in reader.data:
        reader.error(lang, f"missing translation: add '{lang}:' with caption, alt and description")
        return FigureText(caption="", alt="", description="")
    block = reader.mapping(lang)
    if block is None:
        return FigureText(caption="", alt="", description="")
    block.check_keys(TEXT_KEYS)
    return FigureText(caption=block.text("caption", max_length=300), alt=block.text("alt", max_length=300),
                      description=block.text("description", max_length=2000))


def read_drawing(reader: FieldReader) -> tuple[Diagram | None, str]:
    """Reads `diagram:` or `chart:` (exactly one of them)."""
    if ("diagram" in reader.data) == ("chart" in reader.data):
        reader.error("id", "a figure has exactly one of 'diagram:' (shapes) or 'chart:' (a glossary fact)")
        return None, ""
    if "chart" in reader.data:
        chart = reader.mapping("chart")
        if chart is None:
            return None, ""
        chart.check_keys(("measure",))
        measure = chart.text("measure")
        if measure and measure not in MEASURES:
            chart.error("measure", f"'chart.measure' must be one of: {', '.join(MEASURES)}")
        return None, measure
    block = reader.mapping("diagram")
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
    reader.check_keys(("size", "items"))
    size = numbers(reader.data.get("size"), 2)
    if size is None or not all(40 <= value <= 1200 for value in size):
        reader.error("size", "'diagram.size' must be [width, height] in px, each 40–1200")
        return None
    items = reader.data.get("items")
    if not isinstance(items, list) or not items:
        reader.error("items", "'diagram.items' must be a non-empty list of shapes")
        return None
    shapes = [read_shape(FieldReader(item, reader.path, reader.issues, "diagram.items[]."))
              for item in items if _is_mapping(item, reader)]
    return Diagram(width=int(size[0]), height=int(size[1]), shapes=tuple(s for s in shapes if s is not None))


def _is_mapping(item: Any, reader: FieldReader) -> bool:
    from primer.content.yamlsource import Mapping

    if isinstance(item, Mapping):
        return True
    reader.error("items", "each diagram item is a mapping such as {box: [x, y, w, h], text: {zh: …, en: …}}")
    return False


def read_shape(reader: FieldReader) -> Shape | None:
    """Reads one diagram item; its kind is the one key among box, arrow, line and label."""
    reader.check_keys(ITEM_SCHEMA)
    kinds = [kind for kind in SHAPE_KINDS if kind in reader.data]
    if len(kinds) != 1:
        reader.error("text", f"a diagram item has exactly one of: {', '.join(SHAPE_KINDS)}")
        return None
    kind = kinds[0]
    points = shape_points(kind, reader.data[kind])
    if points is None:
        reader.error(kind, f"'{kind}' has the wrong form: {ITEM_SCHEMA[kind]['description']}")
        return None
    text = Localized.of(reader.localized("text")) if "text" in reader.data else None
    if kind == "label" and text is None:
        reader.error(kind, "a label needs 'text: {zh: …, en: …}'")
    options = {name: choice(reader, name) for name in ITEM_CHOICES if name in reader.data}
    return Shape(kind=kind, points=points, text=text, line=reader.data.line, dashed=reader.boolean("dashed"),
                 **options)


def shape_points(kind: str, value: Any) -> tuple[Point, ...] | None:
    """Returns the points of a shape's geometry, or None when the form is wrong."""
    if kind == "box":
        box = numbers(value, 4)
        return ((box[0], box[1]), (box[2], box[3])) if box and box[2] > 0 and box[3] > 0 else None
    if kind == "label":
        point = numbers(value, 2)
        return ((point[0], point[1]),) if point else None
    if not isinstance(value, list) or len(value) < 2:
        return None
    points = [numbers(item, 2) for item in value]
    return tuple((p[0], p[1]) for p in points if p) if all(points) else None


def choice(reader: FieldReader, name: str) -> str:
    """Returns an option from its fixed vocabulary (the default after reporting another value)."""
    value = reader.text(name)
    if value not in ITEM_CHOICES[name]:
        reader.error(name, f"'{name}' must be one of: {', '.join(ITEM_CHOICES[name])}")
        return str(ITEM_SCHEMA[name]["enum"][0])
    return value
