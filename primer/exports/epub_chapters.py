"""The chapters of an EPUB, made the way the site makes its pages: the generated Markdown of
`primer.pages.generate`, rendered with the Markdown extensions the MkDocs config declares, sanitized, and
cross-linked to the glossary; then serialized as XHTML with links pointing between chapter files."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import html5lib
import markdown
from lxml import etree
from mkdocs.utils.meta import get_data

from primer.model import Content
from primer.pages.generate import GeneratedPage
from primer.pages.render import ui_strings
from primer.pages.routes import SiteUrls
from primer.pages.sanitize import sanitize_html
from primer.pages.sitemap import build_pages, hosted_site_urls, site_pages, site_urls
from primer.terms.crosslink import link_terms
from primer.terms.glossary_links import TermLinker, fill_appears_in
from primer.terms.termmatch import term_matcher

SVG_NS = "http://www.w3.org/2000/svg"
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.I)


@dataclass(frozen=True, slots=True)
class MarkdownSetup:
    """The Markdown extensions (and their settings) a language's MkDocs config declares."""

    extensions: list[Any]
    configs: dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class EpubChapter:
    """One chapter file of the book: its name in the package, title, XHTML body and headings."""

    name: str
    title: str
    body: str
    headings: tuple[tuple[str, str], ...]  # (id, text) of its second-level headings
    has_svg: bool


def markdown_setup(config_file: Path) -> MarkdownSetup:
    """Reads the Markdown extensions of a MkDocs config (MkDocs' loader, as the build reads it)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return MarkdownSetup(extensions=list(config.markdown_extensions), configs=dict(config.mdx_configs))


def chapter_name(url: str) -> str:
    """Returns the file of the page at offline URL `url`: `sections/history.html` -> `sections-history.xhtml`."""
    return url.removesuffix(".html").replace("/", "-") + ".xhtml"


def book_pages(content: Content, lang: str) -> list[GeneratedPage]:
    """Returns the pages a book holds: the site map's book pages, in its order."""
    generated = {page.uri: page for page in build_pages(content, lang, site_urls(content, lang, directory_urls=False))}
    return [generated[page.uri] for page in site_pages(content, lang) if page.in_book]


def rendered_html(page: GeneratedPage, setup: MarkdownSetup) -> tuple[str, dict[str, Any]]:
    """Renders a page's Markdown as the site does (same extensions), then sanitizes it."""
    source, meta = get_data(page.markdown)
    converter = markdown.Markdown(extensions=setup.extensions, extension_configs=setup.configs)
    return sanitize_html(converter.convert(source)), meta


def chapter_html(content: Content, lang: str, setup: MarkdownSetup) -> dict[str, str]:
    """Returns each book page's HTML keyed by offline URL, cross-linked, the glossary's
    "appears in" lists filled, as the site's hooks do."""
    offline = site_urls(content, lang, directory_urls=False)
    glossary = offline.url(offline.uri("glossary"))
    linker = TermLinker(content, lang, glossary)
    matcher = term_matcher(content, lang)
    mentions: dict[str, dict[str, str]] = {}
    html: dict[str, str] = {}
    for page in book_pages(content, lang):
        url = offline.url(page.uri)
        text, meta = rendered_html(page, setup)
        if meta.get("crosslink") is not False:
            result = link_terms(text, matcher, linker.for_page(url))
            text = result.html
            if url != glossary:
                for term_id in result.mentioned:
                    mentions.setdefault(term_id, {})[url] = page.title
        html[url] = text
    html[glossary] = fill_appears_in(html[glossary], mentions, glossary, ui_strings()[lang])
    return html


def link_target(href: str, url: str, names: dict[str, str], offline: SiteUrls, hosted: SiteUrls) -> str:
    """Points a link of the page at offline URL `url` to a chapter file (`names`: offline URL ->
    file), or to the hosted site for pages the book lacks (a file that is no page keeps its path)."""
    if EXTERNAL.match(href) or href.startswith("#"):
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(url), path))
    suffix = f"#{fragment}" if fragment else ""
    uri = offline.resolve(target)
    if uri is None:
        return hosted.base + target + suffix
    if offline.urls.get(uri) in names:
        return names[offline.url(uri)] + suffix
    return hosted.absolute(uri, fragment)


def as_xhtml(html: str, url: str, names: dict[str, str], offline: SiteUrls, hosted: SiteUrls) -> tuple[str, bool]:
    """Returns the body of a chapter as well-formed XHTML (links rewritten) and whether it holds SVG."""
    root = html5lib.parseFragment(f"<div>{html}</div>", treebuilder="lxml", namespaceHTMLElements=False)[0]
    for permalink in root.xpath("//a[@class='headerlink']"):  # the site's "¶": nothing to share in a book
        drop(permalink)
    for link in root.iter("a"):
        if link.get("href"):
            link.set("href", link_target(link.get("href"), url, names, offline, hosted))
    has_svg = False
    for svg in list(root.iter(f"{{{SVG_NS}}}svg")):
        has_svg = True
        if svg.getparent() is not None and not svg.getparent().tag.startswith(f"{{{SVG_NS}}}"):
            _declare_svg_default_namespace(svg)
    wrapped = etree.tostring(root, encoding="unicode", method="xml")
    return wrapped.removeprefix("<div>").removesuffix("</div>"), has_svg


def drop(element: etree._Element) -> None:
    """Removes an element but keeps the text that follows it (lxml stores it on the element)."""
    parent, previous = element.getparent(), element.getprevious()
    assert parent is not None
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _declare_svg_default_namespace(svg: etree._Element) -> None:
    """Re-creates an inline SVG root with SVG as its default namespace (`<svg xmlns=…>`, not `ns0:`)."""
    fresh = etree.Element(svg.tag, attrib=dict(svg.attrib), nsmap={None: SVG_NS})
    fresh.text, fresh.tail = svg.text, svg.tail
    fresh.extend(list(svg))
    parent = svg.getparent()
    assert parent is not None
    parent.replace(svg, fresh)


def headings(body: str) -> tuple[tuple[str, str], ...]:
    """Returns (id, text) of a chapter's second-level headings."""
    root = etree.fromstring(f"<div>{body}</div>")
    found = []
    for heading in root.iter("h2"):
        if heading.get("id"):
            found.append((heading.get("id", ""), "".join(heading.itertext()).strip()))
    return tuple(found)


def epub_chapters(content: Content, lang: str, setup: MarkdownSetup, online: str) -> list[EpubChapter]:
    """Returns the book's chapters in reading order (`online`: the hosted site, for pages it lacks)."""
    html = chapter_html(content, lang, setup)
    names = {url: chapter_name(url) for url in html}
    offline, hosted = site_urls(content, lang, directory_urls=False), hosted_site_urls(content, lang, online)
    titles = {offline.url(page.uri): page.title for page in book_pages(content, lang)}
    chapters = []
    for url, text in html.items():
        body, has_svg = as_xhtml(text, url, names, offline, hosted)
        chapters.append(EpubChapter(name=names[url], title=titles[url], body=body, headings=headings(body),
                                    has_svg=has_svg))
    return chapters
