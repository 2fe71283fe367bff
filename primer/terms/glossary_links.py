"""Glue between the cross-linker and a page: term links with tooltips, and "appears in" lists."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from primer.model import Content
from primer.pages.render import environment, plain_text

APPEARS_IN_LIMIT = 10
APPEARS_IN = re.compile(r'(<dd\b[^>]*\bdata-appears-in="([a-z0-9-]+)"[^>]*>)(.*?)(</dd>)', re.S)


@lru_cache(maxsize=65536)
def _link_html(href: str, tooltip: str, term_id: str, text: str) -> str:
    template = environment().get_template("term-link.html.j2")
    return template.render(href=href, tooltip=tooltip, term_id=term_id, text=text).strip()


class TermLinker:
    """Renders term links for pages of one language."""

    def __init__(self, content: Content, lang: str, glossary_url: str) -> None:
        self.tooltips = {term.id: plain_text(term.text(lang).definition) for term in content.terms.values()}
        self.glossary_url = glossary_url

    def for_page(self, page_url: str):  # type: ignore[no-untyped-def]
        """Returns a `render_link(term_id, text)` for a page at `page_url`."""
        base = "" if page_url == self.glossary_url else _relative(self.glossary_url, page_url)

        def render_link(term_id: str, text: str) -> str:
            # On the glossary itself the definition is on the page: primer.js reads it from the
            # entry, and repeating every definition in titles made the page the largest of the site.
            tooltip = self.tooltips[term_id] if base else ""
            return _link_html(f"{base}#{term_id}", tooltip, term_id, text)

        return render_link


def _relative(url: str, from_url: str) -> str:
    """Returns a relative link; a bare '..' becomes '../' so it names the folder."""
    link = get_relative_url(url, from_url)
    return link + "/" if link.endswith("..") else link


def fill_appears_in(html: str, mentions: dict[str, dict[str, str]], page_url: str, strings: Mapping[str, str],
                    limit: int = APPEARS_IN_LIMIT) -> str:
    """Fills each term's "appears in" list with links to the pages that mention it.

    A term mentioned on hundreds of pages would make the glossary grow with terms × pages, so
    a list shows the first `limit` pages (in build order) and then says how many more there are
    (at least two: a list one page over the limit is shown whole).

    Arguments:
        mentions: term id -> {page URL: page title}.
        page_url: the URL of the page being filled (the glossary).
        strings: the page language's interface words: `appears_more` (after a cut list, with a
            `{count}` placeholder) and `list_separator` (、 in Chinese).
    """
    template = environment().get_template("appears-in.html.j2")

    def fill(match: re.Match[str]) -> str:
        pages = mentions.get(match.group(2))
        if not pages:
            return match.group(0)
        shown = list(pages.items())[:limit] if len(pages) > limit + 1 else list(pages.items())  # never "1 more"
        links = [(_relative(url, page_url), Markup.escape(title)) for url, title in shown]
        hidden = len(pages) - len(shown)
        rest = strings["appears_more"].format(count=hidden) if hidden else ""
        rendered = template.render(pages=links, rest=rest, separator=strings["list_separator"]).strip()
        return match.group(1) + rendered + match.group(4)

    return APPEARS_IN.sub(fill, html)
