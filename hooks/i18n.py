"""MkDocs hook: per-page language alternates (switcher links and hreflang), computed at build time."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from primer.languages import LANGUAGES  # noqa: E402
from primer.pages.i18n import alternates, without_alternate_prefetch  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Gives the theme the site's languages as Material's `extra.alternate` (folder, name, tag): pages
    without a page context (404) list them in the switcher."""
    config.extra["alternate"] = [{"name": language.name, "lang": language.folder, "hreflang": language.tag}
                                 for language in LANGUAGES]
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["primer_alternates"] = alternates(
        page_url=page.url, base_url=context.get("base_url", "."), current=config.extra["primer_lang"],
        languages=LANGUAGES, site_url=config.site_url or "",
    )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Disables Material's sitemap prefetch for hreflang links in the copied bundle."""
    bundles = sorted(Path(config.site_dir, "assets", "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"expected one Material bundle in {config.site_dir}, found {len(bundles)}")
    try:
        patched = without_alternate_prefetch(bundles[0].read_text(encoding="utf-8"))
    except ValueError as error:
        raise PluginError(str(error)) from None
    bundles[0].write_text(patched, encoding="utf-8")
