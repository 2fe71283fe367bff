"""The site map: one ordered catalogue that navigation, the home page, the single file, the EPUB and llms.txt read."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from primer.content.loader import load_content
from primer.exports.epub_chapters import book_pages
from primer.exports.llms import llms_txt
from primer.exports.singlefile import reading_order
from primer.issues import errors_only
from primer.model import Content
from primer.pages import sitemap
from primer.pages.generate import content_page
from primer.pages.navigation import navigation
from primer.pages.sitemap import Entry, build_pages, hosted_site_urls, published_pages, site_pages, site_urls
from tests.helpers import FIXTURES, ROOT


def nav_uris(nav: list[Any]) -> list[str]:
    """Returns the page URIs of an MkDocs nav, depth first."""
    uris: list[str] = []
    for entry in nav:
        for value in entry.values():
            uris += nav_uris(value) if isinstance(value, list) else [value]
    return uris


def test_reading_order_starts_home_then_sections_then_views(content: Content) -> None:
    """Home, every section in order, glossary, timeline, classification and its axes, then the rest."""
    pages = site_pages(content, "en")
    ids, uris = [page.id for page in pages], [page.uri for page in pages]
    sections = [f"section:{section.id}" for section in content.sections]
    assert ids[: len(sections) + 4] == ["home", *sections, "glossary", "timeline", "classification"]
    assert ids[-3:] == ["about", "contributing", "translation-status"]
    assert len(set(uris)) == len(uris) and len(set(ids)) == len(ids)


def test_navigation_lists_the_generated_pages_in_site_map_order(content: Content) -> None:
    """Navigation holds exactly the site map's pages this build generates, in the same order."""
    pages = build_pages(content, "en", site_urls(content, "en", directory_urls=True))
    generated = {page.uri for page in pages}
    expected = [page.uri for page in site_pages(content, "en") if page.uri in generated]
    assert nav_uris(navigation(content, pages, "en")) == expected


def test_single_file_reads_the_site_maps_book(content: Content) -> None:
    """The single file's chapters are the site map's book pages, in its order."""
    book = [page.uri for page in site_pages(content, "zh") if page.in_book]
    assert reading_order(content, "zh") == book
    assert book[0] == "index.md" and book[-1] == "about.md"


def test_llms_txt_lists_the_book_in_site_map_order(content: Content) -> None:
    """llms.txt names the book's sections and views in the site map's order, with hosted URLs."""
    base = "https://example.org/en/"
    hosted = hosted_site_urls(content, "en", base)
    text = llms_txt(content, "en", hosted)
    listed = re.findall(r"\]\((https://example\.org/en/[^)]*)\)", text)
    book = [hosted.absolute(page.uri) for page in site_pages(content, "en")
            if page.in_book and page.id != "home"]
    assert [url for url in listed if url in book] == book


def test_hosted_urls_are_directory_urls_with_anchors(content: Content) -> None:
    """JSON-LD and llms.txt cite the hosted page (directory URL), whatever build cites it."""
    hosted = hosted_site_urls(content, "en", "https://x.org/en/")
    assert hosted.absolute(hosted.uri("timeline"), "gpt-3") == "https://x.org/en/timeline/#gpt-3"
    assert hosted.absolute(hosted.uri("home")) == "https://x.org/en/"
    assert hosted.absolute(hosted.uri("classification")) == "https://x.org/en/classification/"


def test_the_epub_reads_the_site_maps_book(content: Content) -> None:
    """The EPUB's chapters are the site map's book pages, in its order (the single file's too)."""
    book = [page.uri for page in site_pages(content, "en") if page.in_book]
    assert [page.uri for page in book_pages(content, "en")] == book == reading_order(content, "en")


def test_each_entry_makes_its_page_in_site_map_order(content: Content) -> None:
    """One entry is one page: the build makes, in the site map's order, the page at each published entry's URI."""
    pages = build_pages(content, "en", site_urls(content, "en", directory_urls=True), root=ROOT)
    assert [page.uri for page in pages] == [page.uri for page in published_pages(content, "en", ROOT)]
    assert "contributing.md" in {page.uri for page in pages}


def test_the_books_build_has_no_pages_about_the_project(content: Content) -> None:
    """Without a project folder (the EPUB's build) the downloads, contributing and translation-status
    pages are not published, and the home page lists no downloads."""
    pages = build_pages(content, "en", site_urls(content, "en", directory_urls=False))
    uris = {page.uri for page in pages}
    assert not uris & {"downloads.md", "contributing.md", "translation-status.md"}
    assert "downloads.md" not in pages[0].markdown and "glossary.md" in pages[0].markdown


def faq_project(root: Path, links: str) -> Path:
    """Copies the mini fixture's content with a stand-alone page `faq` (content/pages/faq/) and
    `links` added to the first line of its section's bodies that links a page."""
    shutil.copytree(FIXTURES / "mini" / "content", root / "content")
    pages = root / "content" / "pages"
    shutil.copytree(pages / "about", pages / "faq")
    meta = pages / "faq" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("about", "faq"), encoding="utf-8")
    for body in (root / "content/sections/01-basics").glob("*.md"):
        text = body.read_text(encoding="utf-8")
        body.write_text(text.replace("(page:timeline)", f"(page:timeline) {links}", 1), encoding="utf-8")
    return root


def with_faq_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adds the page `faq` to the site map: the one line a contributor writes to add a page."""
    entry = Entry(id="faq", uri="faq.md", make=partial(content_page, "faq"), group="project", document=True)
    monkeypatch.setattr(sitemap, "SITE_MAP", (*sitemap.SITE_MAP, entry))


def test_one_site_map_entry_makes_a_page_name_that_check_accepts(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """With the entry, `page:faq` passes `check`; an unknown page name is still a path:line:col error."""
    with_faq_entry(monkeypatch)
    _, issues = load_content(faq_project(tmp_path, "[FAQ](page:faq) [x](page:no-such-page)"))
    assert [issue.format() for issue in errors_only(issues)] == [
        f"content/sections/01-basics/{lang}.md:14:{column}: unknown page 'no-such-page' in link; use one of the existing ids"
        for lang, column in (("en", 80), ("zh", 53))]


def test_one_site_map_entry_makes_the_page_and_links_reach_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the entry, the build makes faq.md from content/pages/faq/ and a section's `page:faq` link points at it."""
    with_faq_entry(monkeypatch)
    content, _ = load_content(faq_project(tmp_path, "[FAQ](page:faq)"))
    pages = {page.uri: page for page in build_pages(content, "en", site_urls(content, "en", directory_urls=True))}
    assert "Page faq" in pages["faq.md"].title
    assert "[FAQ](../faq.md)" in pages["sections/basics.md"].markdown
