"""The content model: typed, immutable objects built from contributors' YAML and Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from primer.fields import LANGS
from primer.model.common import SOURCE_KINDS, Document, Localized, Origin, Source
from primer.model.figure import Figure
from primer.model.glossary import TERM_KINDS, Term, TermText
from primer.model.history import EVENT_TAGS, Era, TimelineEvent
from primer.model.taxonomy import TaxonomyAxis, TaxonomyClass

Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Content:
    """Everything contributors wrote, loaded once per build."""

    sources: dict[str, Source] = field(compare=False, hash=False)
    sections: tuple[Document, ...]
    pages: dict[str, Document] = field(compare=False, hash=False)
    terms: dict[str, Term] = field(compare=False, hash=False)
    eras: tuple[Era, ...]
    events: tuple[TimelineEvent, ...]
    axes: tuple[TaxonomyAxis, ...]
    figures: dict[str, Figure] = field(default_factory=dict, compare=False, hash=False)

    def section(self, section_id: str) -> Document | None:
        """Returns the section with `section_id`, if any."""
        return next((s for s in self.sections if s.id == section_id), None)

    def models(self) -> tuple[Term, ...]:
        """Returns the glossary entries that classification pages list."""
        return tuple(term for term in self.terms.values() if term.kind == "model")


__all__ = [
    "EVENT_TAGS",
    "LANGS",
    "SOURCE_KINDS",
    "TERM_KINDS",
    "Content",
    "Document",
    "Era",
    "Figure",
    "Lang",
    "Localized",
    "Origin",
    "Source",
    "TaxonomyAxis",
    "TaxonomyClass",
    "Term",
    "TermText",
    "TimelineEvent",
]
