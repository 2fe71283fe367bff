"""Builds the Markdown of every generated page of one language from the content model."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from primer.content.markdown_refs import rewrite_body
from primer.content.translation import STATUS_ORDER, translation_states
from primer.figures.placement import GALLERY_URI, figure_index, fill_references
from primer.languages import language
from primer.model import Content, Document, Source
from primer.pages.downloads import downloads_markdown
from primer.pages.glossary_page import glossary_markdown
from primer.pages.reading_time import reading_minutes
from primer.pages.render import render, ui_strings
from primer.pages.routes import PAGE_URIS, SiteUrls, axis_uri, relative, section_uri, target_uri
from primer.pages.sitemap import site_pages
from primer.pages.views import (
    axis_markdown,
    classification_markdown,
    glossary_jsonld,
    timeline_jsonld,
    timeline_markdown,
)

SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """One page of a language's site: where it lives, its Markdown and the files behind it."""

    uri: str
    title: str
    markdown: str
    edit_path: str
    source_paths: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict)  # page.meta added by the plugin (e.g. JSON-LD)


def theme_text(text: str) -> str:
    """Escapes plain text that Material's templates print without escaping (title, description, nav)."""
    return str(escape(text))


def front_matter(*, title: str | None, description: str, **fields: Any) -> str:
    """Returns a YAML front-matter block (safe_dump: values can never break out of it).

    Title and description are HTML-escaped here because the theme inserts them raw into
    `<title>`, `<meta content="…">` and the navigation. The home page has no title: the
    theme then uses the site name alone instead of "name - name"."""
    fields.update(description=theme_text(description))
    if title is not None:
        fields["title"] = theme_text(title)
    return "---\n" + yaml.dump(fields, Dumper=SafeDumper, allow_unicode=True, sort_keys=True) + "---\n\n"


def cited_sources(content: Content, document: Document, lang: str) -> list[Source]:
    """Returns the references of a document: cited ones in order of citation, then the rest."""
    from primer.content.markdown_refs import scan_body

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

    figures = figure_index(content)

    def link(scheme: str, target: str, anchor: str) -> str:
        if scheme == "figure":
            return relative(uri, figures.page(target), f"fig-{target}")
        page, default_anchor = target_uri(scheme, target)
        return relative(uri, page, anchor or default_anchor)

    body = fill_references(document.body(lang), figures, lang)
    return rewrite_body(body, cite=cite, link=link), references


def document_page(content: Content, document: Document, lang: str, uri: str, template: str,
                  **extra: Any) -> GeneratedPage:
    """Renders a section or stand-alone page."""
    body, references = document_body(content, document, lang, uri)
    folder = document.body_paths.get(lang).rsplit("/", 1)[0]
    title = None if uri == PAGE_URIS["home"] else document.title.get(lang)
    opt_out = {} if document.crosslink else {"crosslink": False}
    markdown = front_matter(title=title, description=document.description.get(lang), **opt_out) + render(
        template, lang=lang, t=ui_strings()[lang], document=document, body=body, references=references,
        **extra,
    )
    return GeneratedPage(uri=uri, title=document.title.get(lang), markdown=markdown,
                         edit_path=document.body_paths.get(lang), source_paths=(folder,))


def home_page(content: Content, lang: str, available: set[str]) -> GeneratedPage:
    """Renders the home page: introduction, reading path and entry points."""
    uri = PAGE_URIS["home"]
    sections = [(section, relative(uri, section_uri(section.id)), reading_minutes(section.body(lang)))
                for section in content.sections]
    views = [(page.id, relative(uri, page.uri)) for page in site_pages(content, lang)
             if page.on_home and page.uri in available]
    return document_page(content, content.pages["home"], lang, uri, "home.md.j2",
                         sections=sections, views=views)


def view_page(uri: str, title: str, description: str, markdown: str, edit_path: str,
              meta: dict[str, Any] | None = None, **fields: Any) -> GeneratedPage:
    """Wraps the body of a generated view with its front matter (`meta` goes to page.meta directly)."""
    return GeneratedPage(uri=uri, title=title, markdown=front_matter(title=title, description=description, **fields)
                         + markdown, edit_path=edit_path, source_paths=(edit_path.rstrip("/"),), meta=meta or {})


def generated_views(content: Content, lang: str, urls: SiteUrls, hosted: SiteUrls) -> list[GeneratedPage]:
    """Returns the glossary, timeline and classification pages (`urls`: this build's, `hosted`: the
    hosted site's, which JSON-LD cites)."""
    t = ui_strings()[lang]
    axis_links = {axis.id: urls.href(PAGE_URIS["glossary"], axis_uri(axis.id)) for axis in content.axes}
    pages = [
        view_page(PAGE_URIS["glossary"], t["glossary"], t["glossary_blurb"],
                  glossary_markdown(content, lang, axis_links), "content/glossary/",
                  meta={"jsonld": glossary_jsonld(content, lang, hosted)}),
        view_page(PAGE_URIS["timeline"], t["timeline"], t["timeline_blurb"],
                  timeline_markdown(content, lang, urls), "content/timeline/",
                  meta={"jsonld": timeline_jsonld(content, lang, hosted)}),
        view_page(PAGE_URIS["classification"], t["classification"], t["classification_blurb"],
                  classification_markdown(content, lang, urls), "content/taxonomy.yml"),
    ]
    if content.figures:
        pages.append(figures_page(content, lang))
    for axis in content.axes:
        pages.append(view_page(axis_uri(axis.id), axis.name.get(lang), axis.description.get(lang),
                               axis_markdown(content, axis, lang, urls), "content/taxonomy.yml"))
    return pages


def figures_page(content: Content, lang: str) -> GeneratedPage:
    """Lists every figure (placed ones numbered, with a link to where the text shows them)."""
    t = ui_strings()[lang]
    index = figure_index(content)
    order = sorted(content.figures, key=lambda fid: (fid not in index.chapters, _chapter_key(index, fid), fid))
    entries = [(fid, relative(GALLERY_URI, index.page(fid), f"fig-{fid}") if fid in index.chapters else "")
               for fid in order]
    body = render("figures.md.j2", t=t, entries=entries)
    return view_page(GALLERY_URI, t["figures"], t["figures_blurb"], body, "content/figures/")


def _chapter_key(index: Any, figure_id: str) -> tuple[int, str, int]:
    chapter, number = index.chapters.get(figure_id, ("", 0))
    return (int(chapter) if chapter.isdigit() else 1000, chapter, number)


def shown_text(root: Path, lang: str, text: str, *, code_too: bool = False) -> str:
    """Returns Markdown written in `lang`'s source language as `lang` shows it (converted when
    derived; `code_too` converts code blocks as well, for the guide whose code comments are prose)."""
    from primer.content.derived import text_converter  # the converter loads OpenCC: only derived builds need it

    return text if language(lang).written else text_converter(root, lang, code_too=code_too)(text)


def project_pages(content: Content, lang: str, root: Path, repository: str,
                  written: Content | None = None) -> list[GeneratedPage]:
    """Returns the pages about the project: contributing guide and translation status (of the
    `written` content: a derived language's texts are converted, not translated)."""
    t = ui_strings()[lang]
    guide = language(lang).contributing
    pages = []
    if (root / guide).is_file():
        text = shown_text(root, lang, (root / guide).read_text(encoding="utf-8"), code_too=True)
        pages.append(GeneratedPage(uri=PAGE_URIS["contributing"], title=t["contributing"], edit_path=guide,
                                   markdown=front_matter(title=t["contributing"], description=t["contributing_blurb"])
                                   + text, source_paths=(guide,)))
    states = sorted(translation_states(written or content), key=lambda s: (STATUS_ORDER.index(s.status), s.kind, s.id))
    body = shown_text(root, lang, render("translation-status.md.j2", t=t, states=states, order=STATUS_ORDER,
                  counts={name: sum(s.status == name for s in states) for name in STATUS_ORDER},
                  repo=f"{repository.rstrip('/')}/blob/main/"))  # titles as written, shown converted
    pages.append(view_page(PAGE_URIS["translation-status"], t["translation_status"], t["translation_status_blurb"],
                           body, "content/", search={"exclude": True}))
    return pages


def downloads_page(content: Content, lang: str, manifest: dict[str, Any] | None, urls: SiteUrls, hosted: SiteUrls,
                   repository: str) -> GeneratedPage:
    """Lists the exports of this run and the pages its books hold (see primer.pages.downloads)."""
    t = ui_strings()[lang]
    book = [page for page in site_pages(content, lang) if page.in_book]
    body = downloads_markdown(lang, manifest, urls, hosted, repository, book)
    # Its file names (large-model-primer-en.pdf, …) would put it first for "large model" queries;
    # Material multiplies its search score by the boost, so it still tops "PDF" or "offline".
    return view_page(PAGE_URIS["downloads"], t["downloads"], t["downloads_blurb"], body, "templates/downloads.md.j2",
                     meta={"search": {"boost": 0.1}})


def build_pages(content: Content, lang: str, urls: SiteUrls, hosted: SiteUrls | None = None, root: Path | None = None,
                repository: str = "", written: Content | None = None,
                manifest: dict[str, Any] | None = None) -> list[GeneratedPage]:
    """Returns every generated page of `lang`, in navigation order (`content` as `lang` shows it;
    `urls`, where this build puts the site map's pages; `hosted`, where the hosted site does (by
    default `urls`); `written`, when it differs, as contributors wrote it; `manifest`, the exports
    of this run)."""
    hosted = hosted or urls
    pages = [
        document_page(content, section, lang, section_uri(section.id), "section.md.j2",
                      minutes=reading_minutes(section.body(lang)))
        for section in content.sections
    ]
    pages.extend(generated_views(content, lang, urls, hosted))
    pages.append(document_page(content, content.pages["about"], lang, PAGE_URIS["about"], "page.md.j2"))
    if root is not None:
        pages.append(downloads_page(content, lang, manifest, urls, hosted, repository))
        pages.extend(project_pages(content, lang, root, repository, written))
    pages.insert(0, home_page(content, lang, {page.uri for page in pages}))
    return pages
