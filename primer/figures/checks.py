"""Checks of figures and their placements; each yields Issues located in the file to fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from primer.content.fields import ID_PATTERN, LANGS
from primer.figures.chart import chart_points
from primer.figures.diagram import layout_issues
from primer.figures.eras import eras_issues
from primer.figures.placement import Placement, placements, view_placements
from primer.issues import Issue
from primer.model import Content, Figure
from primer.pages.render import TEMPLATES, ui_strings


def check_figures(content: Content, templates: Path = TEMPLATES) -> Iterator[Issue]:
    """Yields every problem of the figures, the facts they plot and the places that show them."""
    for figure in content.figures.values():
        yield from check_figure(content, figure)
    yield from check_facts(content)
    yield from check_placements(content, templates)


def check_figure(content: Content, figure: Figure) -> Iterator[Issue]:
    """Sources exist, every text is there in both languages, labels fit, charts have data."""
    path, origin = figure.origin.path, figure.origin
    for source_id in figure.sources:
        if source_id not in content.sources:
            yield Issue(path=path, line=origin.line_of("sources"),
                        message=f"unknown source '{source_id}' in 'sources'; check the id or add it")
    if figure.diagram is not None:
        for shape in figure.diagram.shapes:
            if shape.text is not None and not all(shape.text.get(lang) for lang in LANGS):
                yield Issue(path=path, line=shape.line, message="missing translation: a label needs zh and en text")
        yield from layout_issues(figure)
    elif figure.measure == "eras":
        for lang in LANGS:
            for era_id in eras_issues(content, lang, ui_strings()[lang]):
                yield Issue(path=path, line=origin.line_of("chart"),
                            message=f"the {lang} name of era '{era_id}' is too long for its band; shorten it")
    elif figure.measure and not chart_points(content, figure.measure):
        yield Issue(path=path, line=origin.line_of("chart"),
                    message=f"no glossary model has 'facts.{figure.measure}'; the chart would be empty")


def check_facts(content: Content) -> Iterator[Issue]:
    """The sources behind every plotted number exist."""
    for term in content.terms.values():
        if term.facts is None:
            continue
        for fact in term.facts.measures.values():
            if fact.source and fact.source not in content.sources:
                yield Issue(path=term.origin.path, line=fact.line,
                            message=f"unknown source '{fact.source}' for a fact; check the id or add it")
        if term.kind not in ("model", "architecture"):
            yield Issue(path=term.origin.path, line=term.facts.line,
                        message="only terms of kind 'model' or 'architecture' have 'facts'")


def check_placements(content: Content, templates: Path) -> Iterator[Issue]:
    """Placed figures exist, appear once, and both languages of a section place the same ones."""
    seen: dict[str, str] = {}
    places: list[tuple[str, list[Placement]]] = []
    for section in content.sections:
        zh, en = (placements(section.body(lang)) for lang in LANGS)
        places.append((section.body_paths.zh, zh))
        if [p.figure_id for p in zh] != [p.figure_id for p in en]:
            line = en[0].line if en else 1
            yield Issue(path=section.body_paths.en, line=line,
                        message="figures differ from zh.md: place the same figures in the same order in both languages")
    for view in view_placements(templates):
        # Templates place a figure only when the content has it ({% if "<id>" in figures %}).
        places.append((f"templates/{view.template}", [p for p in view.found if p.figure_id in content.figures]))
    for path, found in places:
        for placement in found:
            yield from check_placement(content, placement, path, seen)


def check_placement(content: Content, placement: Placement, path: str, seen: dict[str, str]) -> Iterator[Issue]:
    """One placement line: a known figure, shown nowhere else."""
    figure_id = placement.figure_id
    if not ID_PATTERN.match(figure_id) or figure_id not in content.figures:
        yield placement.issue(path, f"unknown figure '{figure_id}'; add content/figures/{figure_id}.yml "
                              "(build.py new figure) or fix the id")
    elif figure_id in seen and seen[figure_id] != path:
        yield placement.issue(path, f"figure '{figure_id}' is already placed in {seen[figure_id]}; "
                              "a figure has one place (refer to it with [](figure:id))")
    seen.setdefault(figure_id, path)

