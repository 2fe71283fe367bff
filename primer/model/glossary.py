"""Glossary entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import keys, vocabulary
from primer.languages import text_source
from primer.model.common import Origin
from primer.model.facts import ModelFacts, read_facts

TERM_KINDS = vocabulary("term", "kind")


@dataclass(frozen=True, slots=True, kw_only=True)
class TermText:
    """A term's name, aliases and definition in one language."""

    term: str
    aliases: tuple[str, ...]
    definition: str

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> TermText:
        """Reads the `zh:` or `en:` block of a glossary entry."""
        reader.check_keys(keys("term", "zh"))
        return cls(
            term=reader.text("term", max_length=120),
            aliases=reader.strings("aliases"),
            definition=reader.text("definition", max_length=1200),
        )

    def names(self) -> tuple[str, ...]:
        """Returns the term and its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """A glossary entry (one `content/glossary/<id>.yml`)."""

    id: str
    kind: str
    abbr: str
    year: int | None
    texts: dict[str, TermText] = field(hash=False)
    related: tuple[str, ...]
    sources: tuple[str, ...]
    organization: str
    classes: dict[str, tuple[str, ...]] = field(hash=False)
    origin: Origin
    translated_from: str = ""
    facts: ModelFacts | None = None  # models: release month, parameters, training compute

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Term:
        """Reads a `content/glossary/<id>.yml` mapping."""
        reader.check_keys(keys("term"))
        kind = reader.text("kind")
        if kind and kind not in TERM_KINDS:
            reader.error("kind", f"'kind' must be one of: {', '.join(TERM_KINDS)}")
        texts = {}
        for lang in LANGS:
            block = reader.mapping(lang)
            texts[lang] = TermText.from_yaml(block) if block else TermText(term="", aliases=(), definition="")
        return cls(
            id=reader.identifier("id"), kind=kind, abbr=reader.text("abbr", required=False, max_length=30),
            year=reader.integer("year", required=False, low=1800, high=2100), texts=texts,
            related=reader.ids("related"), sources=reader.ids("sources", required=True, min_items=1),
            organization=reader.text("organization", required=False, max_length=120),
            classes=_read_classes(reader), origin=Origin.of(reader), facts=read_facts(reader),
            translated_from=reader.text("translated_from", required=False, max_length=12),
        )

    def text(self, lang: str) -> TermText:
        """Returns the term's texts in `lang`."""
        return self.texts[text_source(lang)]

    def names(self, lang: str) -> tuple[str, ...]:
        """Returns every surface form to match in `lang`: term, aliases and abbreviation."""
        names = list(self.text(lang).names())
        if self.abbr and self.abbr not in names:
            names.append(self.abbr)
        return tuple(name for name in names if name)


def _read_classes(reader: FieldReader) -> dict[str, tuple[str, ...]]:
    """Reads `classes: {axis-id: [class-id, ...]}`; the axes and classes are checked later."""
    block = reader.mapping("classes", required=False)
    if block is None:
        return {}
    return {str(axis): block.ids(str(axis), required=True, min_items=1) for axis in block.data}
