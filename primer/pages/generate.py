"""Builds the Markdown of every generated page of one language from the content model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import escape

from primer.content.markdown_refs import rewrite_body
from primer.content.translation import STATUS_ORDER, translation_states
from primer.figures.placement import figure_index, fill_references
from primer.languages import language
from primer.model import Content, Document, Source, TaxonomyAxis
from primer.pages.downloads import downloads_markdown
from primer.pages.glossary_page import glossary_markdown
from primer.pages.reading_time import reading_minutes
from primer.pages.render import render, ui_strings
from primer.pages.routes import SiteUrls, relative
from primer.pages.views import (
    axis_markdown,
    classification_markdown,
    glossary_jsonld,
    timeline_jsonld,
    timeline_markdown,
)

if TYPE_CHECKING:
    from primer.pages.sitemap import SitePage

SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True, slots=True)
class PageBuild:
    """What making one language's pages reads."""

    content: Content  # as `lang` shows it
    lang: str
    urls: SiteUrls  # where this build puts the site map's pages
    hosted: SiteUrls  # where the hosted site puts them (JSON-LD cites it)
    root: Path | None = None  # the project folder; None for the books, which hold no project pages
    repository: str = ""
    written: Content | None = None  # as contributors wrote it, when that differs
    manifest: dict[str, Any] | None = None  # the exports of this run
    made: frozenset[str] = frozenset()  # source URIs of the pages made before the home page
    site_map: Sequence[SitePage] = ()  # every page of `lang`'s site map (the home and downloads pages list some)

    @property
    def project(self) -> Path:
        """Returns the project folder, which the pages about the project read (the site map
        publishes them only in builds that have one)."""
        if self.root is None:
            raise ValueError("a page about the project was made without the project folder")
        return self.root


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


def document_body(content: Content, document: Document, lang: str, uri: str,
                  urls: SiteUrls) -> tuple[str, list[Source]]:
    """Returns a body with citations numbered and internal links resolved (to the site map's pages
    in `urls`), plus its references."""
    references = cited_sources(content, document, lang)
    numbers = {source.id: index for index, source in enumerate(references, start=1)}

    def cite(source_id: str) -> str:
        number = numbers.get(source_id)
        return f'<sup class="citation">[[{number}]](#ref-{source_id})</sup>' if number else ""

    figures = figure_index(content)

    def link(scheme: str, target: str, anchor: str) -> str:
        if scheme == "figure":
            return relative(uri, urls.uri(figures.page(target)), f"fig-{target}")
        page, default_anchor = urls.target(scheme, target)
        return relative(uri, page, anchor or default_anchor)

    body = fill_references(document.body(lang), figures, lang)
    return rewrite_body(body, cite=cite, link=link), references


def document_page(build: PageBuild, document: Document, uri: str, template: str, **extra: Any) -> GeneratedPage:
    """Renders a section or stand-alone page."""
    content, lang = build.content, build.lang
    body, references = document_body(content, document, lang, uri, build.urls)
    folder = document.body_paths.get(lang).rsplit("/", 1)[0]
    title = None if uri == build.urls.uri("home") else document.title.get(lang)
    opt_out = {} if document.crosslink else {"crosslink": False}
    markdown = front_matter(title=title, description=document.description.get(lang), **opt_out) + render(
        template, lang=lang, t=ui_strings()[lang], document=document, body=body, references=references,
        **extra,
    )
    return GeneratedPage(uri=uri, title=document.title.get(lang), markdown=markdown,
                         edit_path=document.body_paths.get(lang), source_paths=(folder,))


def home_page(build: PageBuild) -> GeneratedPage:
    """Renders the home page: introduction, reading path and entry points (the site map's views
    listed on it that this build made)."""
    content, lang, uri = build.content, build.lang, build.urls.uri("home")
    views = [(page.id, page.uri) for page in build.site_map if page.on_home and page.uri in build.made]
    sections = [(section, relative(uri, build.urls.section(section.id)), reading_minutes(section.body(lang)))
                for section in content.sections]
    return document_page(build, content.pages["home"], uri, "home.md.j2", sections=sections,
                         views=[(view_id, relative(uri, target)) for view_id, target in views])


def section_page(section: Document, build: PageBuild) -> GeneratedPage:
    """Renders an article section."""
    return document_page(build, section, build.urls.section(section.id), "section.md.j2",
                         minutes=reading_minutes(section.body(build.lang)))


def content_page(page_id: str, build: PageBuild) -> GeneratedPage:
    """Renders a stand-alone page written in `content/pages/<page_id>/` (the page about the site)."""
    return document_page(build, build.content.pages[page_id], build.urls.uri(page_id), "page.md.j2")


def view_page(uri: str, title: str, description: str, markdown: str, edit_path: str,
              meta: dict[str, Any] | None = None, **fields: Any) -> GeneratedPage:
    """Wraps the body of a generated view with its front matter (`meta` goes to page.meta directly)."""
    return GeneratedPage(uri=uri, title=title, markdown=front_matter(title=title, description=description, **fields)
                         + markdown, edit_path=edit_path, source_paths=(edit_path.rstrip("/"),), meta=meta or {})


def glossary_page(build: PageBuild) -> GeneratedPage:
    """Renders the glossary, with its JSON-LD (citing the hosted site's URLs)."""
    content, lang, t, uri = build.content, build.lang, ui_strings()[build.lang], build.urls.uri("glossary")
    axis_links = {axis.id: build.urls.href(uri, build.urls.axis(axis.id)) for axis in content.axes}
    return view_page(uri, t["glossary"], t["glossary_blurb"],
                     glossary_markdown(content, lang, axis_links), "content/glossary/",
                     meta={"jsonld": glossary_jsonld(content, lang, build.hosted)})


def timeline_page(build: PageBuild) -> GeneratedPage:
    """Renders the timeline, with its JSON-LD (citing the hosted site's URLs)."""
    content, lang, t = build.content, build.lang, ui_strings()[build.lang]
    return view_page(build.urls.uri("timeline"), t["timeline"], t["timeline_blurb"],
                     timeline_markdown(content, lang, build.urls), "content/timeline/",
                     meta={"jsonld": timeline_jsonld(content, lang, build.hosted)})


def classification_page(build: PageBuild) -> GeneratedPage:
    """Renders the classification overview."""
    t = ui_strings()[build.lang]
    return view_page(build.urls.uri("classification"), t["classification"], t["classification_blurb"],
                     classification_markdown(build.content, build.lang, build.urls), "content/taxonomy.yml")


def axis_page(axis: TaxonomyAxis, build: PageBuild) -> GeneratedPage:
    """Renders one classification axis."""
    lang = build.lang
    return view_page(build.urls.axis(axis.id), axis.name.get(lang), axis.description.get(lang),
                     axis_markdown(build.content, axis, lang, build.urls), "content/taxonomy.yml")


def figures_page(build: PageBuild) -> GeneratedPage:
    """Lists every figure (placed ones numbered, with a link to where the text shows them)."""
    content, t, uri = build.content, ui_strings()[build.lang], build.urls.uri("figures")
    index = figure_index(content)
    order = sorted(content.figures, key=lambda fid: (fid not in index.chapters, _chapter_key(index, fid), fid))
    entries = [(fid, relative(uri, build.urls.uri(index.page(fid)), f"fig-{fid}") if fid in index.chapters else "")
               for fid in order]
    body = render("figures.md.j2", t=t, entries=entries)
    return view_page(uri, t["figures"], t["figures_blurb"], body, "content/figures/")


def _chapter_key(index: Any, figure_id: str) -> tuple[int, str, int]:
    chapter, number = index.chapters.get(figure_id, ("", 0))
    return (int(chapter) if chapter.isdigit() else 1000, chapter, number)


def shown_text(root: Path, lang: str, text: str, *, code_too: bool = False) -> str:
    """Returns Markdown written in `lang`'s source language as `lang` shows it (converted when
    derived; `code_too` converts code blocks as well, for the guide whose code comments are prose)."""
    from primer.content.derived import text_converter  # the converter loads OpenCC: only derived builds need it

    return text if language(lang).written else text_converter(root, lang, code_too=code_too)(text)


def contributing_page(build: PageBuild) -> GeneratedPage:
    """Shows the contributor guide of the page's language."""
    t, guide, root = ui_strings()[build.lang], language(build.lang).contributing, build.project
    text = shown_text(root, build.lang, (root / guide).read_text(encoding="utf-8"), code_too=True)
    return GeneratedPage(uri=build.urls.uri("contributing"), title=t["contributing"], edit_path=guide,
                         markdown=front_matter(title=t["contributing"], description=t["contributing_blurb"]) + text,
                         source_paths=(guide,))


def translation_status_page(build: PageBuild) -> GeneratedPage:
    """Lists the translation state of the `written` content (a derived language's texts are
    converted, not translated)."""
    t = ui_strings()[build.lang]
    states = sorted(translation_states(build.written or build.content),
                    key=lambda s: (STATUS_ORDER.index(s.status), s.kind, s.id))
    body = shown_text(build.project, build.lang, render(
        "translation-status.md.j2", t=t, states=states, order=STATUS_ORDER,
        counts={name: sum(s.status == name for s in states) for name in STATUS_ORDER},
        repo=f"{build.repository.rstrip('/')}/blob/main/"))  # titles as written, shown converted
    return view_page(build.urls.uri("translation-status"), t["translation_status"], t["translation_status_blurb"],
                     body, "content/", search={"exclude": True})


def downloads_page(build: PageBuild) -> GeneratedPage:
    """Lists the exports of this run and the pages its books hold (see primer.pages.downloads)."""
    t, book = ui_strings()[build.lang], [page for page in build.site_map if page.in_book]
    body = downloads_markdown(build.lang, build.manifest, build.urls, build.hosted, build.repository, book)
    # Its file names (large-model-primer-en.pdf, …) would put it first for "large model" queries;
    # Material multiplies its search score by the boost, so it still tops "PDF" or "offline".
    return view_page(build.urls.uri("downloads"), t["downloads"], t["downloads_blurb"], body,
                     "templates/downloads.md.j2", meta={"search": {"boost": 0.1}})
