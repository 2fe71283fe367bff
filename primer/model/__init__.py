"""The content model: typed, immutable objects built from contributors' YAML and Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field

from primer.content.fields import LANGS
from primer.model.common import Document, Localized, Origin, Source
from primer.model.figure import Figure
from primer.model.glossary import TERM_KINDS, Term, TermText
from primer.model.history import EVENT_TAGS, Era, TimelineEvent, era_of
from primer.model.taxonomy import TaxonomyAxis, TaxonomyClass

Lang = str  # a language code of primer.languages.LANGUAGES


@dataclass(frozen=True, slots=True, kw_only=True)
class Content:
    """Everything contributors wrote, loaded once per build."""

    sources: dict[str, Source] = field(hash=False)
    sections: tuple[Document, ...]
    pages: dict[str, Document] = field(hash=False)
    terms: dict[str, Term] = field(hash=False)
    eras: tuple[Era, ...]
    events: tuple[TimelineEvent, ...]
    axes: tuple[TaxonomyAxis, ...]
    # Proper names per language (content/names.yml) that contain a term but are not it.
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    names_origin: Origin | None = None
    figures: dict[str, Figure] = field(default_factory=dict, hash=False)

    def section(self, section_id: str) -> Document | None:
        """Returns the section with `section_id`, if any."""
        return next((s for s in self.sections if s.id == section_id), None)

    def era_of(self, event: TimelineEvent) -> str:
        """Returns the id of the era the event's date falls in (the check ensures there is one)."""
        return era_of(event.year, self.eras)

    def known_names(self, lang: str) -> tuple[str, ...]:
        """Returns the proper names a term must not be linked inside: the reviewed list and every
        model's organization ("Stability AI" holds the term AI)."""
        organizations = sorted({name.strip() for term in self.terms.values()
                                for name in term.organization.split(",") if name.strip()})
        return tuple(dict.fromkeys((*self.names.get(lang, ()), *organizations)))

    def models(self) -> tuple[Term, ...]:
        """Returns the glossary entries that classification pages list."""
        return tuple(term for term in self.terms.values() if term.kind == "model")


__all__ = [
    "EVENT_TAGS",
    "LANGS",
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
