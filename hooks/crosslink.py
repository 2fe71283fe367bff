"""MkDocs hook: link glossary terms in every page's HTML and fill the glossary's "appears in" lists."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from primer.build.state import BuildState  # noqa: E402
from primer.pages.render import ui_strings  # noqa: E402
from primer.pages.routes import PAGE_URIS, is_reading_page  # noqa: E402
from primer.terms.crosslink import link_terms  # noqa: E402
from primer.terms.glossary_links import TermLinker, fill_appears_in  # noqa: E402

linker: TermLinker | None = None


def _state(config: MkDocsConfig) -> BuildState:
    state: BuildState = config["primer_state"]
    return state


def _glossary_url(files: Files) -> str:
    file = files.get_file_from_path(PAGE_URIS["glossary"])
    return file.url if file else ""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global linker
    state = _state(config)
    state.mentions.clear()
    linker = TermLinker(state.content, state.lang, _glossary_url(files))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if linker is None or page.meta.get("crosslink") is False:
        return html
    state = _state(config)
    options = config.extra.get("primer_crosslink", {})
    result = link_terms(html, state.matcher, linker.for_page(page.url),
                        first_only=options.get("first_only", True))
    if is_reading_page(page.file.src_uri):  # "appears in" lists only pages that teach
        for term_id in result.mentioned:
            state.mentions.setdefault(term_id, {})[page.url] = page.title or ""
    return result.html


@event_priority(50)  # before the search plugin indexes the page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if linker is not None and page.url == linker.glossary_url and page.content:
        state = _state(config)
        page.content = fill_appears_in(page.content, state.mentions, page.url, ui_strings()[state.lang]["appears_more"])
    return context
