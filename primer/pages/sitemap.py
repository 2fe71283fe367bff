"""The site map: one ordered catalogue of a language's pages, each with its id, source URI and the
function that makes it. The pages are made, and navigation, the home page's list of views, the
downloads page, the language switcher, the single-file export, the EPUB and llms.txt read their
pages and order, from here; every other stage finds a page by its id in the `SiteUrls` made from
it (`[text](page:<id>)` links and `check`, figures, JSON-LD, exports). To add a page to the site,
add its entry to `SITE_MAP`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

from primer.languages import language
from primer.model import Content
from primer.pages.generate import (
    GeneratedPage,
    PageBuild,
    axis_page,
    classification_page,
    content_page,
    contributing_page,
    downloads_page,
    figures_page,
    glossary_page,
    home_page,
    section_page,
    timeline_page,
    translation_status_page,
)
from primer.pages.render import ui_strings
from primer.pages.routes import SiteUrls

Group = Literal["", "sections", "classification", "project"]
Maker = Callable[[PageBuild], GeneratedPage]  # makes a page's Markdown (primer/pages/generate.py)


@dataclass(frozen=True, slots=True, kw_only=True)
class SitePage:
    """One page of the site map, in one language."""

    id: str  # `home`, `glossary`, `section:history`, `axis:architecture`
    uri: str  # source URI in MkDocs' file registry (`sections/history.md`); the URL is MkDocs' File.url
    title: str  # the page's title in this language
    label: str  # its name in the navigation (the interface word for views: "Glossary", "Home")
    description: str
    make: Maker = field(compare=False, repr=False)  # primer/pages/generate.py's function that writes it
    group: Group = ""  # the navigation group it sits in ("" for top level)
    in_book: bool = False  # part of the reading order of the single file, the EPUB and llms.txt
    on_home: bool = False  # listed among the home page's views
    teaches: bool = False  # a page of the subject: a glossary entry's "appears in" list sends readers to it


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One page of the site map as every language has it; called with a language's content, it
    gives the page its words in that language (its id is also its `[text](page:<id>)` name)."""

    id: str
    uri: str  # its source URI: the file MkDocs gets, which gives it its URL
    make: Maker = field(compare=False, repr=False)
    group: Group = ""
    in_book: bool = False
    on_home: bool = False
    teaches: bool = False
    document: bool = False  # its title and description are a content document's (content/pages/<id>/)

    def __call__(self, content: Content, lang: str) -> list[SitePage]:
        t, key = ui_strings()[lang], self.id.replace("-", "_")
        if self.document:
            document = content.pages[self.id]
            title, description = document.title.get(lang), document.description.get(lang)
            label = t.get(key, title)  # the interface word where there is one ("Home"), else its title
        else:
            title = label = t[key]
            description = t.get(f"{key}_blurb", "")
        return [SitePage(id=self.id, uri=self.uri, title=title, label=label, description=description,
                         make=self.make, group=self.group, in_book=self.in_book, on_home=self.on_home,
                         teaches=self.teaches)]


def sections(content: Content, lang: str) -> list[SitePage]:
    """Returns the pages of the article sections, in their order."""
    return [SitePage(id=f"section:{section.id}", uri=f"sections/{section.id}.md", title=section.title.get(lang),
                     label=section.title.get(lang), description=section.description.get(lang),
                     make=partial(section_page, section), group="sections", in_book=True, teaches=True)
            for section in content.sections]


def axes(content: Content, lang: str) -> list[SitePage]:
    """Returns the pages of the classification axes, in their order."""
    return [SitePage(id=f"axis:{axis.id}", uri=f"classification/{axis.id}.md", title=axis.name.get(lang),
                     label=axis.name.get(lang), description=axis.description.get(lang),
                     make=partial(axis_page, axis), group="classification", in_book=True, teaches=True)
            for axis in content.axes]


# The site map, in reading (and navigation) order: single pages and the families of pages content makes.
SITE_MAP: tuple[Callable[[Content, str], list[SitePage]], ...] = (
    Entry(id="home", uri="index.md", make=home_page, in_book=True, document=True),
    sections,
    Entry(id="glossary", uri="glossary.md", make=glossary_page, in_book=True, on_home=True),
    Entry(id="timeline", uri="timeline.md", make=timeline_page, in_book=True, on_home=True, teaches=True),
    Entry(id="classification", uri="classification/index.md", make=classification_page, group="classification",
          in_book=True, on_home=True, teaches=True),
    axes,
    Entry(id="figures", uri="figures.md", make=figures_page),
    Entry(id="downloads", uri="downloads.md", make=downloads_page, on_home=True),
    Entry(id="about", uri="about.md", make=partial(content_page, "about"), group="project", in_book=True,
          document=True),
    Entry(id="contributing", uri="contributing.md", make=contributing_page, group="project"),
    Entry(id="translation-status", uri="translation-status.md", make=translation_status_page, group="project"),
)


def site_pages(content: Content, lang: str) -> list[SitePage]:
    """Returns every page of the site in `lang`, in reading (and navigation) order."""
    return [page for line in SITE_MAP for page in line(content, lang)]


def page_names() -> set[str]:
    """Returns the names `[text](page:<name>)` may use: the ids of the site map's single pages."""
    return {line.id for line in SITE_MAP if isinstance(line, Entry)}


def build_pages(content: Content, lang: str, urls: SiteUrls, hosted: SiteUrls | None = None, root: Path | None = None,
                repository: str = "", written: Content | None = None,
                manifest: dict[str, Any] | None = None) -> list[GeneratedPage]:
    """Returns every page of `lang` that this build has, in site-map order (`content` as `lang`
    shows it; `urls`, where this build puts the pages; `hosted`, where the hosted site does, by
    default `urls`; `root`, the project folder, None for the books; `written`, when it differs, the
    content as contributors wrote it; `manifest`, the exports of this run)."""
    build = PageBuild(content=content, lang=lang, urls=urls, hosted=hosted or urls, root=root,
                      repository=repository, written=written, manifest=manifest,
                      site_map=tuple(site_pages(content, lang)))
    pages = published_pages(content, lang, root)
    made = {page.uri: page.make(build) for page in pages if page.id != "home"}
    # The home page lists the views this build has: it is made last, and shown first.
    home = next(page for page in pages if page.id == "home").make(replace(build, made=frozenset(made)))
    return [home, *made.values()]


def site_urls(content: Content, lang: str, directory_urls: bool, base: str = "") -> SiteUrls:
    """Returns where MkDocs puts the site map's pages of `lang` with this `use_directory_urls`
    (`base`: the language root's absolute URL), before or without a build's own file registry."""
    return SiteUrls.computed(catalogue(site_pages(content, lang)), directory_urls, base)


def hosted_site_urls(content: Content, lang: str, base: str) -> SiteUrls:
    """Returns where the hosted site of `lang` (rooted at `base`) puts the site map's pages, for
    outputs made without its build: the hosted configs keep MkDocs' directory URLs (a test of the
    plugin checks it); only the offline edition turns them off."""
    return site_urls(content, lang, directory_urls=True, base=base)


def published_pages(content: Content, lang: str, root: Path | None) -> list[SitePage]:
    """Returns the pages of the site map that a build of `lang` has (`root`: its project folder;
    None for the books, which hold no pages about the project): the figures page only with figures,
    the contributor guide only where the language's guide file exists."""
    missing = set() if content.figures else {"figures"}
    if root is None:
        missing |= {"downloads", "contributing", "translation-status"}
    elif not (root / language(lang).contributing).is_file():
        missing.add("contributing")
    return [page for page in site_pages(content, lang) if page.id not in missing]


def urls_by_id(pages: list[SitePage], urls: SiteUrls) -> dict[str, str]:
    """Returns site-map page id -> URL of the `pages` that `urls` holds."""
    return {page.id: urls.url(page.uri) for page in pages if page.uri in urls.urls}


def catalogue(pages: list[SitePage]) -> dict[str, str]:
    """Returns site-map page id -> source URI of `pages`, the ids a `SiteUrls` finds pages by."""
    return {page.id: page.uri for page in pages}
