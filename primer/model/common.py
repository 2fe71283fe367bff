"""Shared pieces of the content model: origins, bilingual text, sources, documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from primer.content.fields import FieldReader
from primer.content.schemas import node
from primer.languages import text_source

MIN_SECTION_SOURCES = 2  # pages cite what they like; a section of the article cites two or more
WEB_URL = node("source", "url")["pattern"]


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
class Record:
    """What every record read from content has: its id (`[a-z0-9-]`, what links and citations name)
    and where it was read (for `path:line:col` messages)."""

    id: str
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Record):
    """A bibliography entry that sections, terms and events cite by id."""

    kind: str
    title: str
    authors: tuple[str, ...]
    year: int | None
    venue: str
    url: str

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Source:
        """Reads a `content/sources/<id>.yml` mapping."""
        url = reader.text("url")
        return cls(
            id=reader.identifier("id"), kind=reader.text("kind"), title=reader.text("title"),
            authors=reader.strings("authors"), year=reader.integer("year"), venue=reader.text("venue"),
            # the schema reports another URL; the model never carries it into a link
            url=url if re.match(WEB_URL, url) else "", origin=Origin.of(reader),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Record):
    """An article section or a stand-alone page: metadata plus a Markdown body per language."""

    order: int
    title: Localized
    description: Localized
    terms: tuple[str, ...]
    sources: tuple[str, ...]
    bodies: Localized
    body_paths: Localized
    translated_from: str = ""
    crosslink: bool = True

    @classmethod
    def from_yaml(cls, reader: FieldReader, *, bodies: Localized, body_paths: Localized,
                  is_section: bool) -> Document:
        """Reads a section's or page's `meta.yml`; the Markdown bodies are read by the loader."""
        sources = reader.ids("sources")
        if is_section and "order" not in reader.data:
            reader.error("order", "missing required field 'order' (sections are numbered)")
        if is_section and len(reader.strings("sources")) < MIN_SECTION_SOURCES:
            reader.error("sources", f"'sources' must list at least {MIN_SECTION_SOURCES} item(s)")
        return cls(
            id=reader.identifier("id"), order=reader.integer("order") or 0,
            title=Localized.of(reader.localized("title")),
            description=Localized.of(reader.localized("description")),
            terms=reader.ids("terms"), sources=sources,
            bodies=bodies, body_paths=body_paths, origin=Origin.of(reader),
            translated_from=reader.text("translated_from"), crosslink=reader.boolean("crosslink", default=True),
        )

    def body(self, lang: str) -> str:
        """Returns the Markdown body in `lang`."""
        return self.bodies.get(lang)
