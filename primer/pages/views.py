"""Generated views built from data: the timeline and the classification pages, with JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from primer.languages import language
from primer.model import EVENT_TAGS, Content, Era, TaxonomyAxis, Term, TimelineEvent
from primer.pages.render import first_sentence, json_ld, plain_text, render, ui_strings
from primer.pages.routes import SiteUrls


@dataclass(frozen=True, slots=True)
class EraGroup:
    """An era with its events in date order."""

    era: Era
    events: tuple[TimelineEvent, ...]


def era_groups(content: Content) -> list[EraGroup]:
    """Returns every era with its events (eras without events are kept: they still have intros)."""
    return [EraGroup(era, tuple(e for e in content.events if content.era_of(e) == era.id)) for era in content.eras]


def timeline_jsonld(content: Content, lang: str, hosted: SiteUrls) -> str:
    """Returns schema.org ItemList-of-Event JSON for the timeline page (citing the hosted site's URLs)."""
    items = [
        {"@type": "ListItem", "position": position, "item": {
            "@type": "Event", "@id": hosted.absolute(hosted.uri("timeline"), event.id),
            "name": event.title.get(lang), "description": plain_text(event.summary.get(lang)),
            "startDate": event.date, "url": hosted.absolute(hosted.uri("timeline"), event.id),
        }}
        for position, event in enumerate(content.events, start=1)
    ]
    data = {"@context": "https://schema.org", "@type": "ItemList", "name": ui_strings()[lang]["timeline"],
            "inLanguage": language(lang).tag, "itemListElement": items}
    return str(json_ld(data))


def glossary_jsonld(content: Content, lang: str, hosted: SiteUrls) -> str:
    """Returns schema.org DefinedTermSet JSON for the glossary page; each description is the
    definition's first sentence (the whole ones are on the page: repeating them made the glossary
    the only page past 300 KB of HTML)."""
    set_id = hosted.absolute(hosted.uri("glossary"))
    terms = [
        {"@type": "DefinedTerm", "@id": f"{set_id}#{term.id}", "termCode": term.id, "name": term.text(lang).term,
         "alternateName": list(term.text(lang).aliases) + ([term.abbr] if term.abbr else []),
         "description": first_sentence(plain_text(term.text(lang).definition)), "inDefinedTermSet": set_id}
        for term in sorted(content.terms.values(), key=lambda t: t.id)
    ]
    data = {"@context": "https://schema.org", "@type": "DefinedTermSet", "@id": set_id,
            "name": ui_strings()[lang]["glossary"], "inLanguage": language(lang).tag,
            "hasDefinedTerm": terms}
    return str(json_ld(data))


def timeline_markdown(content: Content, lang: str, urls: SiteUrls) -> str:
    """Renders the timeline page body."""
    uri = urls.uri("timeline")
    used_tags = [tag for tag in EVENT_TAGS if any(tag in event.tags for event in content.events)]
    return render(
        "timeline.md.j2", lang=lang, t=ui_strings()[lang], groups=era_groups(content), tags=used_tags,
        terms=content.terms, sources=content.sources, count=len(content.events),
        glossary=urls.href(uri, urls.uri("glossary")), figures=content.figures,
    )


def models_in(content: Content, axis_id: str, class_id: str) -> list[Term]:
    """Returns the models declaring `class_id` on `axis_id`, sorted by year then id."""
    return sorted((m for m in content.models() if class_id in m.classes.get(axis_id, ())),
                  key=lambda m: (m.year or 0, m.id))


def matrix(content: Content) -> dict[str, Any] | None:
    """Returns the modality × level grid, or None when the taxonomy lacks two axes."""
    if len(content.axes) < 2:
        return None
    rows, columns = content.axes[0], content.axes[1]
    cells = {(r.id, c.id): [m for m in models_in(content, rows.id, r.id) if c.id in m.classes.get(columns.id, ())]
             for r in rows.classes for c in columns.classes}
    return {"rows": rows, "columns": columns, "cells": cells}


def classification_markdown(content: Content, lang: str, urls: SiteUrls) -> str:
    """Renders the classification overview: the axes and the matrix."""
    uri = urls.uri("classification")
    return render("classification.md.j2", lang=lang, t=ui_strings()[lang], axes=content.axes,
                  matrix=matrix(content), glossary=urls.href(uri, urls.uri("glossary")), figures=content.figures,
                  axis_links={axis.id: urls.href(uri, urls.axis(axis.id)) for axis in content.axes})


def axis_markdown(content: Content, axis: TaxonomyAxis, lang: str, urls: SiteUrls) -> str:
    """Renders one axis page: each class, its description and example models."""
    uri = urls.axis(axis.id)
    examples = {cls.id: models_in(content, axis.id, cls.id) for cls in axis.classes}
    return render("axis.md.j2", lang=lang, t=ui_strings()[lang], axis=axis, examples=examples,
                  sources=content.sources, glossary=urls.href(uri, urls.uri("glossary")))
