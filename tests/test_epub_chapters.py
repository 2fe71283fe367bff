"""EPUB chapters: XHTML serialization (inline SVG included), links between chapter files, the site's
Markdown extensions; the package declares SVG where a chapter holds it."""

from __future__ import annotations

import pytest
from lxml import etree

from primer.exports.edition import Book, Edition
from primer.exports.epub import package_files
from primer.exports.epub_chapters import EpubChapter, as_xhtml, link_target, markdown_setup, rendered_html
from primer.pages.generate import GeneratedPage
from primer.pages.routes import SiteUrls
from tests.helpers import ROOT

NAMES = {"sections/history.html": "sections-history.xhtml", "glossary.html": "glossary.xhtml",
         "index.html": "index.xhtml"}
ONLINE = "https://example.org/en/"
PAGES = {"section:history": "sections/history.md", "glossary": "glossary.md", "home": "index.md",
         "downloads": "downloads.md", "axis:level": "classification/level.md"}
OFFLINE, HOSTED = SiteUrls.computed(PAGES, directory_urls=False), SiteUrls.computed(PAGES, True, ONLINE)
SVG = '<figure><svg viewBox="0 0 10 10" role="img"><title>A</title><path d="M0 0L10 10"/></svg></figure>'


def test_inline_svg_stays_svg_with_its_default_namespace_and_case() -> None:
    """An inline SVG is written as `<svg xmlns="…svg">` with viewBox intact, and reported."""
    body, has_svg = as_xhtml(f"<p>x</p>{SVG}", "sections/history.html", NAMES, OFFLINE, HOSTED)
    assert has_svg
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img">' in body
    assert "<path d=" in body and "ns0" not in body
    etree.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>')  # well-formed XML


def test_html_void_elements_and_entities_become_well_formed_xml() -> None:
    """`<br>`, `&nbsp;` and boolean attributes parse as XML after serialization."""
    body, has_svg = as_xhtml("<p>a<br>b&nbsp;c</p><details open><summary>s</summary></details>", "index.html",
                             NAMES, OFFLINE, HOSTED)
    assert not has_svg and "<br/>" in body and "\u00a0" in body
    etree.fromstring(f"<div>{body}</div>")


def test_permalink_signs_are_dropped_and_the_text_after_them_kept() -> None:
    """The site's "¶" anchors go; text that followed them stays."""
    html = '<h2 id="a">Title<a class="headerlink" href="#a">¶</a> tail</h2>'
    body, _ = as_xhtml(html, "index.html", NAMES, OFFLINE, HOSTED)
    assert body == '<h2 id="a">Title tail</h2>'


@pytest.mark.parametrize(("href", "expected"), [
    ("../glossary.html#rlhf", "glossary.xhtml#rlhf"),
    ("../glossary.md#rlhf", "glossary.xhtml#rlhf"),
    ("../index.html", "index.xhtml"),
    ("#references", "#references"),
    ("../downloads.html", "https://example.org/en/downloads/"),
    ("../classification/level.md#l0", "https://example.org/en/classification/level/#l0"),
    ("https://arxiv.org/abs/1706.03762", "https://arxiv.org/abs/1706.03762"),
    ("mailto:a@example.org", "mailto:a@example.org"),
])
def test_links_point_at_chapter_files_or_the_website(href: str, expected: str) -> None:
    """Pages in the book become chapter files; pages it lacks become the hosted site's URLs."""
    assert link_target(href, "sections/history.html", NAMES, OFFLINE, HOSTED) == expected


def test_pages_render_with_the_extensions_the_mkdocs_config_declares() -> None:
    """Admonitions and attribute lists (declared in mkdocs.yml) render as on the site."""
    setup = markdown_setup(ROOT / "mkdocs.yml")
    page = GeneratedPage(uri="about.md", title="t", markdown="---\ntitle: t\n---\n\n## H {#h}\n\n!!! note\n    n\n",
                         edit_path="x", source_paths=())
    html, meta = rendered_html(page, setup)
    assert meta == {"title": "t"}
    assert '<h2 id="h">' in html and 'class="admonition note"' in html


def book() -> Book:
    return Book(lang="en", language="en", identifier=ONLINE, title="T", author="A", subject="S", rights="R",
                edition=Edition(commit="", epoch=315532800))


def test_package_declares_svg_only_for_chapters_that_hold_it() -> None:
    """The manifest item of a chapter with inline SVG has properties="svg"; others have none."""
    chapters = [EpubChapter(name="index.xhtml", title="Home", body="<p>x</p>", headings=(), has_svg=False),
                EpubChapter(name="sections-a.xhtml", title="A", body=SVG, headings=(), has_svg=True)]
    package = dict(package_files(book(), chapters, "en"))["EPUB/package.opf"].decode()
    assert '<item id="chapter-1" href="index.xhtml" media-type="application/xhtml+xml"/>' in package
    assert '<item id="chapter-2" href="sections-a.xhtml" media-type="application/xhtml+xml" properties="svg"/>' \
        in package
