"""Machine-readable exports of the glossary, timeline and taxonomy (both languages, stable ids)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from primer.content.fields import LANGS
from primer.figures.data import chart_csv, chart_data
from primer.model import Content, Source, Term
from primer.pages.render import plain_text

CSV_COLUMNS = ("id", "kind", "abbr", "year", "organization", "term_zh", "term_en", "aliases_zh", "aliases_en",
               "definition_zh", "definition_en", "related", "classes", "source_urls")


def source_record(source: Source) -> dict[str, Any]:
    """Returns a source as exported: id, title, authors, year, url."""
    return {"id": source.id, "title": source.title, "authors": list(source.authors), "year": source.year,
            "url": source.url}


def term_record(term: Term, content: Content) -> dict[str, Any]:
    """Returns one glossary entry with both languages."""
    return {
        "id": term.id, "kind": term.kind, "abbr": term.abbr or None, "year": term.year,
        "organization": term.organization or None,
        **{lang: {"term": term.text(lang).term, "aliases": list(term.text(lang).aliases),
                  "definition": term.text(lang).definition,
                  "definition_text": plain_text(term.text(lang).definition)} for lang in LANGS},
        "related": list(term.related),
        "classes": {axis: list(ids) for axis, ids in sorted(term.classes.items())},
        "sources": [source_record(content.sources[s]) for s in term.sources],
    }


def glossary_data(content: Content) -> dict[str, Any]:
    """Returns the glossary export."""
    terms = sorted(content.terms.values(), key=lambda t: t.id)
    return {"version": 1, "terms": [term_record(term, content) for term in terms]}


def timeline_data(content: Content) -> dict[str, Any]:
    """Returns the timeline export: eras and events in date order."""
    return {
        "version": 1,
        "eras": [{"id": era.id, "start": era.start, "end": era.end,
                  **{lang: {"name": era.name.get(lang), "description": era.description.get(lang)}
                     for lang in LANGS}} for era in content.eras],
        "events": [{"id": e.id, "date": e.date, "approximate": e.approximate, "era": content.era_of(e),
                    "tags": list(e.tags),
                    **{lang: {"title": e.title.get(lang), "summary": e.summary.get(lang)} for lang in LANGS},
                    "terms": list(e.terms), "sources": [source_record(content.sources[s]) for s in e.sources]}
                   for e in content.events],
    }


def taxonomy_data(content: Content) -> dict[str, Any]:
    """Returns the classification export: axes, classes and the models in each class."""
    return {"version": 1, "axes": [
        {"id": axis.id, **{lang: {"name": axis.name.get(lang), "description": axis.description.get(lang)}
                           for lang in LANGS},
         "classes": [{"id": cls.id, **{lang: {"name": cls.name.get(lang), "description": cls.description.get(lang)}
                                       for lang in LANGS},
                      "models": sorted(m.id for m in content.models() if cls.id in m.classes.get(axis.id, ()))}
                     for cls in axis.classes]}
        for axis in content.axes]}


def glossary_csv(content: Content) -> str:
    """Returns the glossary as CSV (one row per term; lists joined with '; ')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for term in sorted(content.terms.values(), key=lambda t: t.id):
        writer.writerow([
            term.id, term.kind, term.abbr, term.year or "", term.organization, term.text("zh").term,
            term.text("en").term, "; ".join(term.text("zh").aliases), "; ".join(term.text("en").aliases),
            term.text("zh").definition, term.text("en").definition, "; ".join(term.related),
            "; ".join(f"{axis}:{cls}" for axis, ids in sorted(term.classes.items()) for cls in ids),
            "; ".join(content.sources[s].url for s in term.sources),
        ])
    return out.getvalue()


def write_data(content: Content, folder: Path) -> list[Path]:
    """Writes the data files (and their schemas) into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = {"glossary.json": glossary_data(content), "timeline.json": timeline_data(content),
                 "taxonomy.json": taxonomy_data(content), "charts.json": chart_data(content)}
    written = []
    for name, data in documents.items():
        path = folder / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    (folder / "glossary.csv").write_text(glossary_csv(content), encoding="utf-8")
    written.append(folder / "glossary.csv")
    (folder / "charts.csv").write_text(chart_csv(content), encoding="utf-8")  # the data charts' points
    written.append(folder / "charts.csv")
    schemas = Path(__file__).resolve().parent.parent.parent / "schemas" / "export"
    for schema in sorted(schemas.glob("*.schema.json")):
        target = folder / schema.name
        target.write_bytes(schema.read_bytes())
        written.append(target)
    return written
