"""Glossary entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import vocabulary
from primer.languages import text_source
from primer.model.common import Origin, Record
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
        return cls(term=reader.text("term"), aliases=reader.strings("aliases"), definition=reader.text("definition"))

    def names(self) -> tuple[str, ...]:
        """Returns the term and its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True, slots=True, kw_only=True)
class Term(Record):
    """A glossary entry (one `content/glossary/<id>.yml`)."""

    kind: str
    abbr: str
    year: int | None
    texts: dict[str, TermText] = field(hash=False)
    related: tuple[str, ...]
    sources: tuple[str, ...]
    organization: str
    classes: dict[str, tuple[str, ...]] = field(hash=False)
    translated_from: str = ""
    facts: ModelFacts | None = None  # models: release month, parameters, training compute

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Term:
        """Reads a `content/glossary/<id>.yml` mapping."""
        texts = {}
        for lang in LANGS:
            block = reader.mapping(lang)
            texts[lang] = TermText.from_yaml(block) if block else TermText(term="", aliases=(), definition="")
        return cls(
            id=reader.identifier("id"), kind=reader.text("kind"), abbr=reader.text("abbr"),
            year=reader.integer("year"), texts=texts, related=reader.ids("related"), sources=reader.ids("sources"),
            organization=reader.text("organization"), classes=_read_classes(reader), origin=Origin.of(reader),
            facts=read_facts(reader), translated_from=reader.text("translated_from"),
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
    block = reader.mapping("classes")
    if block is None:
        return {}
    return {str(axis): block.ids(str(axis)) for axis in block.data}
