"""The navigation of one language's site: the site map's pages that this build generates."""

from __future__ import annotations

from typing import Any

from primer.model import Content
from primer.pages.generate import GeneratedPage, theme_text
from primer.pages.render import ui_strings
from primer.pages.sitemap import site_pages

ESCAPED_GROUPS = ("sections", "classification")  # labels from content, which Material prints raw


def navigation(content: Content, pages: list[GeneratedPage], lang: str) -> list[Any]:
    """Returns an MkDocs `nav` in site-map order; a group sits where its first page does."""
    t = ui_strings()[lang]
    available = {page.uri for page in pages}
    nav: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for page in site_pages(content, lang):
        if page.group and page.group not in groups:
            groups[page.group] = []
            nav.append({t[page.group]: groups[page.group]})
        if page.uri in available:
            label = theme_text(page.label) if page.group in ESCAPED_GROUPS else page.label
            (groups[page.group] if page.group else nav).append({label: page.uri})
    return [entry for entry in nav if all(entry.values())]  # no empty groups
