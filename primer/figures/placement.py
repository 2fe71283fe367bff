"""Where figures are placed and how they are numbered.

A figure is placed by a line of its own, `[[figure:<id>]]`, in a section body (or in the template of
the timeline or classification page) and referenced from any text by `[](figure:<id>)`, which
shows its number. Figures are numbered per section in placement order: 图 3-2 / Figure 3.2."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from primer.content.markdown_refs import prose_lines
from primer.issues import Spot
from primer.languages import DEFAULT
from primer.model import Content
from primer.pages.render import TEMPLATES, ui_strings

PLACEMENT = re.compile(r"^(\s*)\[\[figure:([^\]]*)\]\]\s*$")
PLACEMENT_LINE = re.compile(r"^([ \t]*)\[\[figure:([^\]\n]*)\]\][ \t]*$", re.M)
EMPTY_REFERENCE = re.compile(r"(?<![!\]])\[\]\(figure:([a-z0-9-]+)\)")
# Generated pages that place figures from their template (by site-map id), with the letter that numbers them.
VIEW_TEMPLATES = (("T", "timeline.md.j2", "timeline"), ("C", "classification.md.j2", "classification"))
GALLERY = "figures"  # the site-map id of the page that shows every figure


@dataclass(frozen=True, slots=True, kw_only=True)
class Placement(Spot):
    """One `[[figure:<id>]]` line: the id as written, where it stands."""

    figure_id: str


@dataclass(frozen=True, slots=True)
class FigureIndex:
    """Every placed figure's chapter, number within it and page, by site-map id (unplaced figures
    live only in the figures page)."""

    chapters: dict[str, tuple[str, int]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)

    def label(self, figure_id: str, lang: str) -> str:
        """Returns 图 3-2 / Figure 3.2, or '' for a figure no page places."""
        if figure_id not in self.chapters:
            return ""
        chapter, number = self.chapters[figure_id]
        return ui_strings()[lang]["figure_number"].format(chapter=chapter, n=number)

    def page(self, figure_id: str) -> str:
        """Returns the site-map id of the page showing the figure in its context."""
        return self.pages.get(figure_id, GALLERY)


def placements(text: str) -> list[Placement]:
    """Returns the placement lines of a Markdown text (outside fenced code)."""
    found = []
    for number, line in prose_lines(text):
        match = PLACEMENT.match(line)
        if match:
            found.append(Placement(figure_id=match.group(2), line=number, column=len(match.group(1)) + 10))
    return found


@dataclass(frozen=True, slots=True)
class ViewPlacements:
    """The figures a generated page's template places: its chapter letter, template, page (site-map id)."""

    letter: str
    template: str
    page: str
    found: list[Placement]


def view_placements(templates: Path = TEMPLATES) -> list[ViewPlacements]:
    """Returns the placements of each generated page that places figures."""
    return [ViewPlacements(letter, name, page, placements((templates / name).read_text(encoding="utf-8")))
            for letter, name, page in VIEW_TEMPLATES]


def figure_index(content: Content, templates: Path = TEMPLATES) -> FigureIndex:
    """Numbers the figures each section (its zh body) and generated page places, in order."""
    index = FigureIndex()
    pages = [(str(section.order), f"section:{section.id}", placements(section.body(DEFAULT.code)))
             for section in content.sections]
    views = [(view.letter, view.page, view.found) for view in view_placements(templates)]
    for chapter, page, found in [*pages, *views]:
        number = 0
        for placement in found:
            if placement.figure_id in content.figures and placement.figure_id not in index.chapters:
                number += 1
                index.chapters[placement.figure_id] = (chapter, number)
                index.pages[placement.figure_id] = page
    return index


def figures_as_text(text: str, content: Content, lang: str) -> str:
    """Replaces placement lines by the figure's number, caption and description as a quote, and
    fills empty references: for plain-text outputs (llms-full.txt) that cannot show the drawing."""
    index = figure_index(content)

    def describe(match: re.Match[str]) -> str:
        figure = content.figures.get(match.group(2))
        if figure is None:
            return match.group(0)
        words = figure.text(lang)
        label = index.label(figure.id, lang) or ui_strings()[lang]["figure"]
        t = ui_strings()[lang]
        return f"{match.group(1)}> {label}{t['colon']}{words.caption}{t['sentence_gap']}{words.description}"

    return fill_references(PLACEMENT_LINE.sub(describe, text), index, lang)


def fill_references(text: str, index: FigureIndex, lang: str) -> str:
    """Gives each empty `[](figure:<id>)` reference the figure's number as its text."""
    def number(match: re.Match[str]) -> str:
        label = index.label(match.group(1), lang) or ui_strings()[lang]["figure"]
        return f"[{label}](figure:{match.group(1)})"

    return EMPTY_REFERENCE.sub(number, text)
