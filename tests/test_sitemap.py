"""The site map: one ordered catalogue that navigation, the home page, the single file, the EPUB and llms.txt read."""

from __future__ import annotations

import re
from typing import Any

from primer.exports.epub_chapters import book_pages
from primer.exports.llms import llms_txt
from primer.exports.singlefile import reading_order
from primer.model import Content
from primer.pages.navigation import navigation
from primer.pages.routes import PAGE_URIS, section_uri
from primer.pages.sitemap import build_pages, hosted_site_urls, published_pages, site_pages, site_urls
from tests.helpers import ROOT


def nav_uris(nav: list[Any]) -> list[str]:
    """Returns the page URIs of an MkDocs nav, depth first."""
    uris: list[str] = []
    for entry in nav:
        for value in entry.values():
            uris += nav_uris(value) if isinstance(value, list) else [value]
    return uris


def test_reading_order_starts_home_then_sections_then_views(content: Content) -> None:
    """Home, every section in order, glossary, timeline, classification and its axes, then the rest."""
    uris = [page.uri for page in site_pages(content, "en")]
    sections = [section_uri(section.id) for section in content.sections]
    assert uris[: len(sections) + 4] == [PAGE_URIS["home"], *sections, PAGE_URIS["glossary"], PAGE_URIS["timeline"],
                                         PAGE_URIS["classification"]]
    assert uris[-3:] == [PAGE_URIS["about"], PAGE_URIS["contributing"], PAGE_URIS["translation-status"]]
    assert len(set(uris)) == len(uris)


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
    assert book[0] == PAGE_URIS["home"] and book[-1] == PAGE_URIS["about"]


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
    assert hosted.absolute(PAGE_URIS["timeline"], "gpt-3") == "https://x.org/en/timeline/#gpt-3"
    assert hosted.absolute(PAGE_URIS["home"]) == "https://x.org/en/"
    assert hosted.absolute(PAGE_URIS["classification"]) == "https://x.org/en/classification/"


def test_the_epub_reads_the_site_maps_book(content: Content) -> None:
    """The EPUB's chapters are the site map's book pages, in its order (the single file's too)."""
    book = [page.uri for page in site_pages(content, "en") if page.in_book]
    assert [page.uri for page in book_pages(content, "en")] == book == reading_order(content, "en")


def test_each_entry_makes_its_page_in_site_map_order(content: Content) -> None:
    """One entry is one page: the build makes, in the site map's order, the page at each published entry's URI."""
    pages = build_pages(content, "en", site_urls(content, "en", directory_urls=True), root=ROOT)
    assert [page.uri for page in pages] == [page.uri for page in published_pages(content, "en", ROOT)]
    assert PAGE_URIS["contributing"] in {page.uri for page in pages}


def test_the_books_build_has_no_pages_about_the_project(content: Content) -> None:
    """Without a project folder (the EPUB's build) the downloads, contributing and translation-status
    pages are not published, and the home page lists no downloads."""
    pages = build_pages(content, "en", site_urls(content, "en", directory_urls=False))
    uris = {page.uri for page in pages}
    assert not uris & {PAGE_URIS["downloads"], PAGE_URIS["contributing"], PAGE_URIS["translation-status"]}
    assert "downloads.md" not in pages[0].markdown and "glossary.md" in pages[0].markdown
