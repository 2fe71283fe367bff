"""MkDocs hook: Open Graph / Twitter card fields and the "report an error" link of every page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from primer.languages import LANGUAGES  # noqa: E402
from primer.pages.render import ui_strings  # noqa: E402
from primer.pages.social import sharing  # noqa: E402


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    meta = page.meta or {}
    lang = config.extra["primer_lang"]
    context["primer_sharing"] = sharing(
        page_title="" if page.is_homepage else str(meta.get("title") or page.title or ""),
        description=str(meta.get("description") or config.site_description or ""),
        canonical_url=page.canonical_url or "", site_url=config.site_url or "", site_name=config.site_name,
        current=lang, languages=LANGUAGES, repository=config.extra["repository"],
        strings=ui_strings()[lang], is_article=page.url.startswith("sections/"),
    )
    return context
