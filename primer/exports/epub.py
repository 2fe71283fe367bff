"""EPUB 3 per language: the chapters of `primer.exports.epub_chapters` packaged with a cover, a
table of contents in the site's order and metadata, as a reproducible zip (mimetype first, stored)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from primer.exports.archive import zip_entries
from primer.exports.edition import Book
from primer.exports.epub_chapters import EpubChapter, MarkdownSetup, epub_chapters
from primer.model import Content
from primer.pages.render import TEMPLATES, render, ui_strings

MIMETYPE = b"application/epub+zip"
FOLDER = "EPUB/"


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the table of contents: a chapter (href) or a group of them (no href)."""

    title: str
    href: str = ""
    children: list[TocEntry] = field(default_factory=list)


def toc(chapters: list[EpubChapter], lang: str) -> list[TocEntry]:
    """Returns the table of contents, grouped as the site's navigation is."""
    t = ui_strings()[lang]
    groups = {"sections-": TocEntry(t["sections"]), "classification-": TocEntry(t["classification"])}
    entries: list[TocEntry] = []
    for chapter in chapters:
        group = next((g for prefix, g in groups.items() if chapter.name.startswith(prefix)), None)
        children = [TocEntry(text, f"{chapter.name}#{anchor}") for anchor, text in chapter.headings]
        entry = TocEntry(chapter.title, chapter.name, children if chapter.name.startswith("sections-") else [])
        if group is None:
            entries.append(entry)
            continue
        if group not in entries:
            entries.append(group)
        group.children.append(entry)
    return entries


def chapter_kind(chapter: EpubChapter) -> str:
    """Returns the structural semantics of a chapter (EPUB's epub:type vocabulary)."""
    return {"glossary.xhtml": "glossary", "index.xhtml": "introduction"}.get(chapter.name, "chapter")


def package_files(book: Book, chapters: list[EpubChapter], lang: str) -> list[tuple[str, bytes]]:
    """Returns every file of the book (name, bytes) in the order they are zipped."""
    t = ui_strings()[lang]
    common: dict[str, Any] = {"book": book, "t": t}
    files = [
        ("mimetype", MIMETYPE),
        ("META-INF/container.xml", render("epub/container.xml.j2").encode()),
        (FOLDER + "package.opf", render("epub/package.opf.j2", chapters=chapters, **common).encode()),
        (FOLDER + "nav.xhtml", render("epub/nav.xhtml.j2", toc=toc(chapters, lang), start=chapters[1].name,
                                      **common).encode()),
        (FOLDER + "cover.xhtml", render("epub/cover.xhtml.j2", **common).encode()),
        (FOLDER + "cover.svg", render("epub/cover.svg.j2", **common).encode()),
        (FOLDER + "style.css", (TEMPLATES / "epub" / "style.css").read_bytes()),
    ]
    for chapter in chapters:
        xhtml = render("epub/chapter.xhtml.j2", chapter=chapter, body=Markup(chapter.body),
                       kind=chapter_kind(chapter), **common)
        files.append((FOLDER + chapter.name, xhtml.encode()))
    return files


def write_epub(path: Path, content: Content, book: Book, setup: MarkdownSetup) -> int:
    """Writes one language's EPUB; returns its number of chapters."""
    chapters = epub_chapters(content, book.lang, setup, book.identifier)
    zip_entries(path, package_files(book, chapters, book.lang), book.edition.epoch,
                stored=lambda name: name == "mimetype")
    return len(chapters)
