"""The site map: one ordered catalogue of a language's pages. Navigation, the home page's list of
views, the single-file export, the EPUB and llms.txt all read their pages and their order from here; to add a
page to the site, add it to `site_pages` (and generate it in primer/pages/generate.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from primer.model import Content
from primer.pages.render import ui_strings
from primer.pages.routes import PAGE_URIS, axis_uri, section_uri

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
