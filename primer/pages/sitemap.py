"""The site map: one ordered catalogue of a language's pages. Navigation, the home page's list of
views, the single-file export, the EPUB and llms.txt all read their pages and their order from here; to add a
page to the site, add it to `site_pages` (and generate it in primer/pages/generate.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from primer.languages import language
from primer.model import Content
from primer.pages.render import ui_strings
from primer.pages.routes import PAGE_URIS, SiteUrls, axis_uri, section_uri

Group = Literal["", "sections", "classification", "project"]


@dataclass(frozen=True, slots=True)
class SitePage:
    """One page of the site map, in one language."""

    id: str  # `home`, `glossary`, `section:history`, `axis:architecture`
    uri: str  # source URI in MkDocs' file registry (`sections/history.md`); the URL is MkDocs' File.url
    title: str  # the page's title in this language
    label: str  # its name in the navigation (the interface word for views: "Glossary", "Home")
    description: str
    group: Group = ""  # the navigation group it sits in ("" for top level)
    in_book: bool = False  # part of the reading order of the single file, the EPUB and llms.txt
    on_home: bool = False  # listed among the home page's views


def site_pages(content: Content, lang: str) -> list[SitePage]:
    """Returns every page of the site in `lang`, in reading (and navigation) order."""
    t = ui_strings()[lang]
    home = content.pages["home"]

    def view(name: str, *, group: Group = "", in_book: bool = False, on_home: bool = False) -> SitePage:
        label = t[name.replace("-", "_")]
        return SitePage(id=name, uri=PAGE_URIS[name], title=label, label=label,
                        description=t.get(f"{name.replace('-', '_')}_blurb", ""), group=group,
                        in_book=in_book, on_home=on_home)

    pages = [SitePage(id="home", uri=PAGE_URIS["home"], title=home.title.get(lang), label=t["home"],
                      description=home.description.get(lang), in_book=True)]
    pages += [SitePage(id=f"section:{section.id}", uri=section_uri(section.id), title=section.title.get(lang),
                       label=section.title.get(lang), description=section.description.get(lang),
                       group="sections", in_book=True) for section in content.sections]
    pages += [view("glossary", in_book=True, on_home=True), view("timeline", in_book=True, on_home=True),
              view("classification", group="classification", in_book=True, on_home=True)]
    pages += [SitePage(id=f"axis:{axis.id}", uri=axis_uri(axis.id), title=axis.name.get(lang),
                       label=axis.name.get(lang), description=axis.description.get(lang),
                       group="classification", in_book=True) for axis in content.axes]
    about = content.pages["about"]
    pages += [view("figures"), view("downloads", on_home=True),
              SitePage(id="about", uri=PAGE_URIS["about"], title=about.title.get(lang), label=t["about"],
                       description=about.description.get(lang), group="project", in_book=True),
              view("contributing", group="project"), view("translation-status", group="project")]
    return pages


def site_urls(content: Content, lang: str, directory_urls: bool, base: str = "") -> SiteUrls:
    """Returns where MkDocs puts the site map's pages of `lang` with this `use_directory_urls`
    (`base`: the language root's absolute URL), before or without a build's own file registry."""
    return SiteUrls.computed([page.uri for page in site_pages(content, lang)], directory_urls, base)


def hosted_site_urls(content: Content, lang: str, base: str) -> SiteUrls:
    """Returns where the hosted site of `lang` (rooted at `base`) puts the site map's pages, for
    outputs made without its build: the hosted configs keep MkDocs' directory URLs (a test of the
    plugin checks it); only the offline edition turns them off."""
    return site_urls(content, lang, directory_urls=True, base=base)


def published_pages(content: Content, lang: str, root: Path) -> list[SitePage]:
    """Returns the pages of the site map that `lang`'s site publishes (as primer/pages/generate.py
    makes them): the contributor guide only where its file exists, the figures page only with figures."""
    missing = {"figures"} if not content.figures else set()
    if not (root / language(lang).contributing).is_file():
        missing.add("contributing")
    return [page for page in site_pages(content, lang) if page.id not in missing]


def urls_by_id(pages: list[SitePage], urls: SiteUrls) -> dict[str, str]:
    """Returns site-map page id -> URL of the `pages` that `urls` holds."""
    return {page.id: urls.url(page.uri) for page in pages if page.uri in urls.urls}
