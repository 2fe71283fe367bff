"""llms.txt and llms-full.txt per language (the llmstxt.org convention), from the content model."""

from __future__ import annotations

from primer.content.markdown_refs import HEADING, HEADING_ID, prose_lines, rewrite_body
from primer.figures.placement import figures_as_text
from primer.model import Content
from primer.pages.render import render, ui_strings
from primer.pages.routes import SiteUrls
from primer.pages.sitemap import site_pages


def demote_headings(markdown: str) -> str:
    """Moves headings one level down (the page title becomes `##`) and drops their `{#id}`."""
    lines = markdown.split("\n")
    for number, line in prose_lines(markdown):
        heading = HEADING.match(line)
        if heading:
            lines[number - 1] = "#" + heading.group(1) + " " + HEADING_ID.sub("", heading.group(2)).strip()
    return "\n".join(lines)


def resolved_body(content: Content, lang: str, hosted: SiteUrls, body: str) -> str:
    """Returns a body with internal links made absolute (the hosted site's) and citations as [n] markers."""
    numbers: dict[str, int] = {}

    def cite(source_id: str) -> str:
        numbers.setdefault(source_id, len(numbers) + 1)
        return f"[{numbers[source_id]}]"

    def link(scheme: str, target: str, anchor: str) -> str:
        page, default_anchor = hosted.target(scheme, target)
        return hosted.absolute(page, anchor or default_anchor)

    text = demote_headings(rewrite_body(figures_as_text(body, content, lang), cite=cite, link=link))
    references = "\n".join(f"[{n}] {content.sources[s].title}: {content.sources[s].url}" for s, n in numbers.items()
                           if s in content.sources)
    return text.strip() + ("\n\n" + references if references else "")


def llms_txt(content: Content, lang: str, hosted: SiteUrls) -> str:
    """Returns the llms.txt index of one language, citing the hosted site's URLs."""
    t = ui_strings()[lang]
    home = content.pages["home"]
    book = [page for page in site_pages(content, lang) if page.in_book]
    sections = [(page.title, hosted.absolute(page.uri), page.description) for page in book if page.group == "sections"]
    views = [(page.title, hosted.absolute(page.uri), page.description) for page in book
             if page.id not in ("home", "about") and page.group != "sections"]
    return render("llms.txt.j2", title=home.title.get(lang), summary=home.description.get(lang), t=t,
                  sections=sections, views=views, full=hosted.base + "llms-full.txt",
                  about=hosted.absolute(hosted.uri("about")))


def llms_full_txt(content: Content, lang: str, hosted: SiteUrls) -> str:
    """Returns every section, the glossary and the timeline of one language as one Markdown text."""
    t = ui_strings()[lang]
    sections = [(s.title.get(lang), hosted.absolute(hosted.section(s.id)),
                 resolved_body(content, lang, hosted, s.body(lang))) for s in content.sections]
    terms = sorted(content.terms.values(), key=lambda term: term.id)
    return render("llms-full.txt.j2", title=content.pages["home"].title.get(lang), t=t, lang=lang,
                  summary=content.pages["home"].description.get(lang), sections=sections, terms=terms,
                  events=content.events, sources=content.sources)
