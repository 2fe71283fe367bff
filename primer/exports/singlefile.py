"""One self-contained HTML file per language, assembled from the offline build: every page's
article in reading order, ids prefixed per page, links rewritten to in-file anchors, CSS inlined."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from primer.figures.render import figure_stylesheet
from primer.languages import language
from primer.model import Content
from primer.pages.render import render, ui_strings
from primer.pages.routes import SiteUrls
from primer.pages.sitemap import hosted_site_urls, site_pages, site_urls

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
EDIT_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S)
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
ID_ATTR = re.compile(r'\bid="([^"]*)"')
HREF_ATTR = re.compile(r'\bhref="([^"]*)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


@dataclass(frozen=True, slots=True)
class Chapter:
    """One page of the single file: its anchor prefix, its offline URL and its article HTML."""

    slug: str
    url: str
    html: str


def reading_order(content: Content, lang: str) -> list[str]:
    """Returns the source URIs of the pages in the single file: the site map's book, in its order."""
    return [page.uri for page in site_pages(content, lang) if page.in_book]


def slug_of(url: str) -> str:
    """Returns a page's anchor prefix: `sections/history.html` -> `sections-history`."""
    return url.removesuffix(".html").replace("/", "-")


def chapter(site: Path, url: str) -> Chapter:
    """Extracts one page's article and makes its ids unique within the file."""
    page = (site / url).read_text(encoding="utf-8")
    found = ARTICLE.search(page)
    if not found:
        raise ValueError(f"{url}: no article element")
    slug = slug_of(url)
    html = SCRIPT.sub("", EDIT_BUTTON.sub("", found.group(1)))
    html = ID_ATTR.sub(lambda m: f'id="{slug}--{m.group(1)}"', html)
    return Chapter(slug=slug, url=url, html=html)


def rewrite_links(chapter_: Chapter, slugs: set[str], offline: SiteUrls, hosted: SiteUrls) -> str:
    """Points links at anchors inside the file, or at the hosted site for pages it does not hold
    (a file that is no page keeps its path there)."""

    def replace(match: re.Match[str]) -> str:
        href = match.group(1)
        if re.match(r"^[a-z]+:", href) or href.startswith("//"):
            return match.group(0)
        path, _, fragment = href.partition("#")
        if not path:
            return f'href="#{chapter_.slug}--{fragment}"'
        target = posixpath.normpath(posixpath.join(posixpath.dirname(chapter_.url), path))
        slug = slug_of(target)
        if slug not in slugs:
            uri = offline.resolve(target)
            online = hosted.absolute(uri) if uri is not None and uri in hosted.urls else hosted.base + target
            return f'href="{online}{"#" + fragment if fragment else ""}"'
        return f'href="#{slug}--{fragment}"' if fragment else f'href="#{slug}"'

    return HREF_ATTR.sub(replace, chapter_.html)


def inline_css(site: Path, page_html: str) -> str:
    """Returns the stylesheets a page links to, concatenated (fonts are system fonts: nothing to fetch)."""
    css = []
    for href in STYLESHEET.findall(page_html):
        css.append((site / href).read_text(encoding="utf-8"))
    return "\n".join(css)


def single_file(site: Path, content: Content, lang: str, online_base: str) -> str:
    """Returns the single-file HTML of one language from its offline build at `site`."""
    offline, hosted = site_urls(content, lang, directory_urls=False), hosted_site_urls(content, lang, online_base)
    chapters = [chapter(site, offline.url(uri)) for uri in reading_order(content, lang)]
    slugs = {c.slug for c in chapters}
    body = [(c.slug, Markup(rewrite_links(c, slugs, offline, hosted))) for c in chapters]
    home = content.pages["home"]
    css = inline_css(site, (site / "index.html").read_text(encoding="utf-8")) + "\n" + figure_stylesheet()
    toc = [(c.slug, title_of(c.html)) for c in chapters]
    return render("single.html.j2", lang=lang, t=ui_strings()[lang], fonts=language(lang).pdf_fonts,
                  title=home.title.get(lang), description=home.description.get(lang),
                  css=Markup(css.replace("</style", "<\\/style")),
                  chapters=body, toc=toc, online=online_base)


def title_of(html: str) -> str:
    """Returns the plain text of a chapter's first heading."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return Markup(heading.group(1) if heading else "").striptags().replace("¶", "").strip()
