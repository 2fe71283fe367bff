"""Python-Markdown extension: a `[[figure:<id>]]` line becomes the figure, in the page's language.

Any renderer that uses the site's `markdown_extensions` (MkDocs for both languages, an e-book
export) gets the same figures. Configured with `lang` (zh or en) and optionally `root` (the
project folder whose content/ holds the figures)."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from primer.build.cache import content_version
from primer.content.derived import text_converter
from primer.content.loader import load_content_cached
from primer.figures.placement import PLACEMENT, FigureIndex, figure_index
from primer.figures.render import FIGURE_CLASS, figure_body
from primer.languages import text_source
from primer.model import Content

PROJECT = Path(__file__).resolve().parent.parent.parent


class FigureLibrary:
    """The figures of one content tree, rendered at most once per figure and language."""

    def __init__(self, content: Content, index: FigureIndex, root: Path = PROJECT) -> None:
        self.root = root
        self.content = content
        self.index = index
        self.rendered: dict[tuple[str, str], str] = {}

    def html(self, figure_id: str, lang: str) -> str:
        """Returns the figure's HTML; an unknown id stops the build (the check names the file)."""
        if figure_id not in self.content.figures:
            raise ValueError(f"unknown figure '{figure_id}' in [[figure:{figure_id}]]; run build.py check")
        key = (figure_id, lang)
        if key not in self.rendered:
            # A derived language's figure is its source language's, converted: numbers, units and
            # punctuation follow the source language's conventions, the characters the edition's.
            source = text_source(lang)
            figure, label = self.content.figures[figure_id], self.index.label(figure_id, source)
            html = figure_body(self.content, figure, source, label)
            self.rendered[key] = html if source == lang else text_converter(self.root, lang)(html)
        return self.rendered[key]


@lru_cache(maxsize=2)
def _library(root: Path, version: str) -> FigureLibrary:
    content, _issues = load_content_cached(root, version)  # problems are the check's to report
    return FigureLibrary(content, figure_index(content), root)


def figure_library(root: Path) -> FigureLibrary:
    """Returns the library of `root`'s content as it is now (reloaded when a file changed)."""
    return _library(root, content_version(root))


class FigureBlockProcessor(BlockProcessor):  # type: ignore[misc]  # Python-Markdown ships no types
    """Replaces a block that is exactly one placement line with the figure's HTML."""

    def __init__(self, parser: BlockParser, lang: str, root: Path) -> None:
        super().__init__(parser)
        self.lang = lang
        self.root = root
        self._library: FigureLibrary | None = None

    @property
    def library(self) -> FigureLibrary:
        """Returns the figure library, looked up once per Markdown run (a page): the lookup stats
        every file under content/, and a page may place several figures."""
        if self._library is None:
            self._library = figure_library(self.root)
        return self._library

    def test(self, parent: etree.Element, block: str) -> bool:
        return "\n" not in block.strip() and PLACEMENT.match(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = PLACEMENT.match(blocks.pop(0).strip())
        assert match is not None
        figure_id = match.group(2)
        html = self.library.html(figure_id, self.lang)
        # The <figure> is an element of the tree (so MkDocs sees its id as a link anchor); its
        # drawing and caption are stashed raw HTML that Markdown leaves as it is.
        element = etree.SubElement(parent, "figure", {"class": FIGURE_CLASS, "id": f"fig-{figure_id}"})
        element.text = self.parser.md.htmlStash.store(html)
        return True


class FigureExtension(Extension):  # type: ignore[misc]
    """Registers the placement syntax."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"lang": ["zh", "language code of the labels and captions (primer/languages.py)"],
                       "root": ["", "project folder holding content/ (default: this package's project)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        root = Path(self.getConfig("root")) if self.getConfig("root") else PROJECT
        md.parser.blockprocessors.register(FigureBlockProcessor(md.parser, self.getConfig("lang"), root),
                                           "primer_figure", 75)


def makeExtension(**kwargs: Any) -> FigureExtension:
    """Returns the extension (Python-Markdown looks this name up)."""
    return FigureExtension(**kwargs)
