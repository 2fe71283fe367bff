"""Renders one figure to HTML in one language: the SVG, the numbered caption with its sources,
the long description and, for charts, the same points as a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from primer.figures.chart import NARROW, STRIP_TOP, WIDE, chart_points, format_value, layout_chart
from primer.figures.diagram import draw, fmt
from primer.figures.eras import BASELINE, NARROW_WIDTH, layout_eras
from primer.figures.eras import WIDTH as ERAS_WIDTH
from primer.model import Content, Figure
from primer.pages.render import environment, ui_strings

# Captions do not take a term's first-mention link from the paragraph the figure illustrates.
FIGURE_CLASS = "primer-figure no-crosslink"


CHART_FRAMES = (("wide", WIDE), ("narrow", NARROW))
STYLESHEET = Path(__file__).resolve().parent.parent.parent / "overrides" / "assets" / "stylesheets" / "figures.css"


def figure_stylesheet() -> str:
    """Returns the figures' CSS (pages inline it; exports that assemble their own <head> add it)."""
    return STYLESHEET.read_text(encoding="utf-8")


def figure_html(content: Content, figure: Figure, lang: str, number: str = "") -> str:
    """Returns the `<figure>` element of `figure` in `lang` (`number` such as 图 3-2, or '')."""
    body = figure_body(content, figure, lang, number)
    return f'<figure class="{FIGURE_CLASS}" id="fig-{figure.id}">\n{body}</figure>\n'


def figure_body(content: Content, figure: Figure, lang: str, number: str = "") -> str:
    """Returns what goes inside the `<figure>` element: drawing, caption, description, table."""
    t = ui_strings()[lang]
    texts = figure.text(lang)
    common: dict[str, Any] = {"lang": lang, "alt": texts.alt, "description": texts.description, "t": t, "fmt": fmt}
    rows: list[dict[str, str]] = []
    if figure.diagram is not None:
        svg = environment().get_template("figures/diagram.svg.j2").render(
            width=figure.diagram.width, height=figure.diagram.height, shapes=draw(figure.diagram, lang), **common)
    elif figure.measure == "eras":
        svg = "".join(environment().get_template("figures/eras.svg.j2").render(
            variant=variant, layout=layout_eras(content, lang, t, width), baseline=BASELINE, **common)
            for variant, width in (("wide", ERAS_WIDTH), ("narrow", NARROW_WIDTH)))
    else:
        points = chart_points(content, figure.measure)
        # Two drawings of the same points: the stylesheet shows the narrow one on phones, whose
        # labels the wide one would shrink below reading size (hidden with display: none, so
        # screen readers meet one of them; search indexes only the wide one's words).
        svg = "".join(environment().get_template("figures/chart.svg.j2").render(
            variant=variant, layout=layout_chart(points, figure.measure, lang, t, frame), strip_top=STRIP_TOP,
            axis_label=t[f"measure_{figure.measure}"], **common) for variant, frame in CHART_FRAMES)
        rows = [{"model": p.term.text(lang).term, "released": p.released,
                 "value": format_value(p.fact, figure.measure, lang, t),
                 "source": content.sources[p.fact.source].title if p.fact.source in content.sources else p.fact.source,
                 "url": content.sources[p.fact.source].url if p.fact.source in content.sources else ""}
                for p in points]
    sources = [content.sources[s] for s in figure.sources if s in content.sources]
    return environment().get_template("figures/figure.html.j2").render(
        figure=figure, svg=Markup(compact(svg)), number=number, texts=texts, sources=sources, rows=rows, **common)


def compact(svg: str) -> str:
    """Drops the template's line breaks between elements (fewer bytes; Markdown never sees them)."""
    return "".join(line.strip() for line in svg.split("\n"))
