"""The site map: one ordered catalogue of a language's pages, each with the function that makes it.
The pages are made, and navigation, the home page's list of views, the downloads page, the language
switcher, the single-file export, the EPUB and llms.txt read their pages and order, from here: to add
a page to the site, add its entry to `site_pages`."""

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
    about_page,
    axis_page,
    classification_page,
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
from primer.pages.routes import PAGE_URIS, SiteUrls, axis_uri, section_uri

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


def site_pages(content: Content, lang: str) -> list[SitePage]:
    """Returns every page of the site in `lang`, in reading (and navigation) order."""
    t = ui_strings()[lang]
    home, about = content.pages["home"], content.pages["about"]
    pages: list[SitePage] = []  # the home page's and the downloads page's makers read the whole list

    def view(name: str, make: Maker, *, group: Group = "", in_book: bool = False, on_home: bool = False) -> SitePage:
        label = t[name.replace("-", "_")]
        return SitePage(id=name, uri=PAGE_URIS[name], title=label, label=label, make=make,
                        description=t.get(f"{name.replace('-', '_')}_blurb", ""), group=group,
                        in_book=in_book, on_home=on_home)

    def home_views(build: PageBuild) -> list[tuple[str, str]]:
        return [(page.id, page.uri) for page in pages if page.on_home and page.uri in build.made]

    pages.append(SitePage(id="home", uri=PAGE_URIS["home"], title=home.title.get(lang), label=t["home"],
                          description=home.description.get(lang), in_book=True,
                          make=lambda build: home_page(build, home_views(build))))
    pages += [SitePage(id=f"section:{section.id}", uri=section_uri(section.id), title=section.title.get(lang),
                       label=section.title.get(lang), description=section.description.get(lang),
                       make=partial(section_page, section), group="sections", in_book=True)
              for section in content.sections]
    pages += [view("glossary", glossary_page, in_book=True, on_home=True),
              view("timeline", timeline_page, in_book=True, on_home=True),
              view("classification", classification_page, group="classification", in_book=True, on_home=True)]
    pages += [SitePage(id=f"axis:{axis.id}", uri=axis_uri(axis.id), title=axis.name.get(lang),
                       label=axis.name.get(lang), description=axis.description.get(lang),
                       make=partial(axis_page, axis), group="classification", in_book=True) for axis in content.axes]
    pages += [view("figures", figures_page),
              view("downloads", lambda build: downloads_page(build, [page for page in pages if page.in_book]),
                   on_home=True),
              SitePage(id="about", uri=PAGE_URIS["about"], title=about.title.get(lang), label=t["about"],
                       description=about.description.get(lang), make=about_page, group="project", in_book=True),
              view("contributing", contributing_page, group="project"),
              view("translation-status", translation_status_page, group="project")]
    return pages


def build_pages(content: Content, lang: str, urls: SiteUrls, hosted: SiteUrls | None = None, root: Path | None = None,
                repository: str = "", written: Content | None = None,
                manifest: dict[str, Any] | None = None) -> list[GeneratedPage]:
    """Returns every page of `lang` that this build has, in site-map order (`content` as `lang`
    shows it; `urls`, where this build puts the pages; `hosted`, where the hosted site does, by
    default `urls`; `root`, the project folder, None for the books; `written`, when it differs, the
    content as contributors wrote it; `manifest`, the exports of this run)."""
    build = PageBuild(content=content, lang=lang, urls=urls, hosted=hosted or urls, root=root,
                      repository=repository, written=written, manifest=manifest)
    pages = published_pages(content, lang, root)
    made = {page.uri: page.make(build) for page in pages if page.id != "home"}
    # The home page lists the views this build has: it is made last, and shown first.
    home = next(page for page in pages if page.id == "home").make(replace(build, made=frozenset(made)))
    return [home, *made.values()]


def site_urls(content: Content, lang: str, directory_urls: bool, base: str = "") -> SiteUrls:
    """Returns where MkDocs puts the site map's pages of `lang` with this `use_directory_urls`
    (`base`: the language root's absolute URL), before or without a build's own file registry."""
    return SiteUrls.computed([page.uri for page in site_pages(content, lang)], directory_urls, base)


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
