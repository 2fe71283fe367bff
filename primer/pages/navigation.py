"""The navigation of one language's site, derived from the content model."""

from __future__ import annotations

from typing import Any

from primer.model import Content
from primer.pages.generate import GeneratedPage, theme_text
from primer.pages.render import ui_strings
from primer.pages.routes import PAGE_URIS, section_uri


def navigation(content: Content, pages: list[GeneratedPage], lang: str) -> list[Any]:
    """Returns an MkDocs `nav`: home, the sections, generated views, about."""
    t = ui_strings()[lang]
    available = {page.uri: page.title for page in pages}
    nav: list[Any] = [{t["home"]: PAGE_URIS["home"]}]
    sections = [{theme_text(section.title.get(lang)): section_uri(section.id)} for section in content.sections]
    nav.append({t["sections"]: sections})
    for name in ("glossary", "timeline"):
        if PAGE_URIS[name] in available:
            nav.append({t[name]: PAGE_URIS[name]})
    classification = [uri for uri in available if uri.startswith("classification/")]
    if classification:
        nav.append({t["classification"]: [{theme_text(available[uri]): uri} for uri in classification]})
    if PAGE_URIS["figures"] in available:
        nav.append({t["figures"]: PAGE_URIS["figures"]})
    if PAGE_URIS["downloads"] in available:
        nav.append({t["downloads"]: PAGE_URIS["downloads"]})
    about = [{t[name.replace("-", "_")]: PAGE_URIS[name]} for name in ("about", "contributing", "translation-status")
             if PAGE_URIS[name] in available]
    nav.append({t["project"]: about})
    return nav
