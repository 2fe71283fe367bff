"""Shared pieces of the content model: origins, bilingual text, sources, documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from primer.content.fields import FieldReader
from primer.content.schemas import keys, node, vocabulary
from primer.languages import text_source

SOURCE_KINDS = vocabulary("source", "kind")
MAX_SECTION_ORDER: int = node("document", "order")["maximum"]

@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where an object was defined: its file and the line of each of its fields."""

    path: str
    line: int = 1
    lines: dict[str, int] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, reader: FieldReader) -> Origin:
        """Returns the origin of the mapping `reader` reads."""
        return cls(path=reader.path, line=reader.data.line, lines=dict(reader.data.key_lines))

    def line_of(self, key: str) -> int:
        """Returns the line of a field, or of the object when the field is absent."""
        return self.lines.get(key, self.line)


@dataclass(frozen=True, slots=True, kw_only=True)
class Localized:
    """One text in both languages."""

    zh: str
    en: str

    @classmethod
    def of(cls, values: dict[str, str]) -> Localized:
        """Builds from a `{zh, en}` dict."""
        return cls(zh=values["zh"], en=values["en"])

    def get(self, lang: str) -> str:
        """Returns the text in `lang` (a derived language reads the written one it comes from)."""
        return str(getattr(self, text_source(lang)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A bibliography entry that sections, terms and events cite by id."""

    id: str
    kind: str
    title: str
    authors: tuple[str, ...]
    year: int | None
    venue: str
    url: str
    origin: Origin

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Source:
        """Reads a `content/sources/<id>.yml` mapping."""
        reader.check_keys(keys("source"))
        kind = reader.text("kind")
        if kind and kind not in SOURCE_KINDS:
            reader.error("kind", f"'kind' must be one of: {', '.join(SOURCE_KINDS)}")
        url = reader.text("url", max_length=500)
        if url and not url.startswith(("https://", "http://")):
            reader.error("url", "'url' must start with https:// or http://")
            url = ""
        return cls(
            id=reader.identifier("id"), kind=kind, title=reader.text("title", max_length=400),
            authors=reader.strings("authors", required=True, min_items=1),
            year=reader.integer("year", required=False, low=1800, high=2100),
            venue=reader.text("venue", required=False),
            url=url, origin=Origin.of(reader),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """An article section or a stand-alone page: metadata plus a Markdown body per language."""

    id: str
    order: int
    title: Localized
    description: Localized
    terms: tuple[str, ...]
    sources: tuple[str, ...]
    bodies: Localized
    body_paths: Localized
    origin: Origin
    is_section: bool
    translated_from: str = ""
    crosslink: bool = True

    @classmethod
    def from_yaml(cls, reader: FieldReader, *, bodies: Localized, body_paths: Localized,
                  is_section: bool) -> Document:
        """Reads a section's or page's `meta.yml`; the Markdown bodies are read by the loader."""
        reader.check_keys(keys("document"))
        return cls(
            id=reader.identifier("id"),
            order=(reader.integer("order", required=is_section, low=1, high=MAX_SECTION_ORDER) or 0),
            title=Localized.of(reader.localized("title")),
            description=Localized.of(reader.localized("description")),
            terms=reader.ids("terms"),
            sources=reader.ids("sources", required=is_section, min_items=2 if is_section else 0),
            bodies=bodies, body_paths=body_paths, origin=Origin.of(reader), is_section=is_section,
            translated_from=reader.text("translated_from", required=False, max_length=12),
            crosslink=reader.boolean("crosslink", default=True),
        )

    def body(self, lang: str) -> str:
        """Returns the Markdown body in `lang`."""
        return self.bodies.get(lang)


