"""The points of the data charts as data: every model's sourced facts, in JSON and CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from primer.content.fields import LANGS
from primer.figures.chart import chart_points
from primer.model import Content
from primer.model.facts import MEASURE_KEYS

CSV_COLUMNS = ("measure", "model", *(f"name_{lang}" for lang in LANGS), "released", "value", "disclosed", "sparse",
               "source", "source_url")


def chart_data(content: Content) -> dict[str, Any]:
    """Returns `charts.json`: per measure, the points in date order (value null when undisclosed)."""
    measures = {}
    for measure in MEASURE_KEYS:
        measures[measure] = [
            {"model": p.term.id, "name": {lang: p.term.text(lang).term for lang in LANGS},
             "released": p.released, "value": p.fact.value, "disclosed": p.fact.value is not None,
             "sparse": p.fact.sparse, "source": p.fact.source,
             "source_url": content.sources[p.fact.source].url if p.fact.source in content.sources else None}
            for p in chart_points(content, measure)]
    return {"version": 1, "units": {"parameters": "count", "training_compute": "FLOP"}, "measures": measures}


def chart_csv(content: Content) -> str:
    """Returns `charts.csv`: one row per model and measure (value empty when undisclosed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for measure, points in chart_data(content)["measures"].items():
        for p in points:
            writer.writerow([measure, p["model"], *(p["name"][lang] for lang in LANGS), p["released"],
                             "" if p["value"] is None else format(p["value"], ".15g"), str(p["disclosed"]).lower(),
                             str(p["sparse"]).lower(), p["source"], p["source_url"] or ""])
    return out.getvalue()
