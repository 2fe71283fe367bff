"""Builds the Markdown of every generated page of one language from the content model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from primer.markdown_refs import rewrite_body
from primer.model import Content, Document, Source
from primer.render import render, ui_strings
from primer.routes import PAGE_URIS, relative, section_uri, target_uri


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """One page of a language's site: where it lives, its Markdown and the files behind it."""

    uri: str
    title: str
    markdown: str
    edit_path: str
    source_paths: tuple[str, ...]


def front_matter(**fields: Any) -> str:
    """Returns a YAML front-matter block (safe_dump: values can never break out of it)."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=True) + "---\n\n"


def cited_sources(content: Content, document: Document, lang: str) -> list[Source]:
    """Returns the references of a document: cited ones in order of citation, then the rest."""
    from primer.markdown_refs import scan_body

    order = [c.source_id for c in scan_body(document.body(lang)).citations]
    order += list(document.sources)
    seen: dict[str, Source] = {}
    for source_id in order:
        if source_id in content.sources and source_id not in seen:
            seen[source_id] = content.sources[source_id]
    return list(seen.values())


def document_body(content: Content, document: Document, lang: str, uri: str) -> tuple[str, list[Source]]:
    """Returns a body with citations numbered and internal links resolved, plus its references."""
    references = cited_sources(content, document, lang)
    numbers = {source.id: index for index, source in enumerate(references, start=1)}

    def cite(source_id: str) -> str:
        number = numbers.get(source_id)
        return f'<sup class="citation">[[{number}]](#ref-{source_id})</sup>' if number else ""

    def link(scheme: str, target: str, anchor: str) -> str:
        page, default_anchor = target_uri(scheme, target)
        return relative(uri, page, anchor or default_anchor)

    return rewrite_body(document.body(lang), cite=cite, link=link), references


def document_page(content: Content, document: Document, lang: str, uri: str, template: str,
                  **extra: Any) -> GeneratedPage:
    """Renders a section or stand-alone page."""
    body, references = document_body(content, document, lang, uri)
    folder = document.body_paths.get(lang).rsplit("/", 1)[0]
    markdown = front_matter(title=document.title.get(lang), description=document.description.get(lang)) + render(
        template, lang=lang, t=ui_strings()[lang], document=document, body=body, references=references,
        **extra,
    )
    return GeneratedPage(uri=uri, title=document.title.get(lang), markdown=markdown,
                         edit_path=document.body_paths.get(lang), source_paths=(folder,))


def home_page(content: Content, lang: str, available: set[str]) -> GeneratedPage:
    """Renders the home page: introduction, reading path and entry points."""
    uri = PAGE_URIS["home"]
    sections = [(section, relative(uri, section_uri(section.id))) for section in content.sections]
    views = [(name, relative(uri, PAGE_URIS[name])) for name in ("glossary", "timeline", "classification")
             if PAGE_URIS[name] in available]
    return document_page(content, content.pages["home"], lang, uri, "home.md.j2",
                         sections=sections, views=views)


def build_pages(content: Content, lang: str) -> list[GeneratedPage]:
    """Returns every generated page of `lang`, in navigation order."""
    available = {PAGE_URIS["home"], PAGE_URIS["about"]}
    pages = [
        document_page(content, section, lang, section_uri(section.id), "section.md.j2")
        for section in content.sections
    ]
    pages.append(document_page(content, content.pages["about"], lang, PAGE_URIS["about"], "page.md.j2"))
    pages.insert(0, home_page(content, lang, available | {page.uri for page in pages}))
    return pages
