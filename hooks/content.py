"""MkDocs hook: load and validate content/, generate this language's pages, sanitize their HTML."""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the package sits beside them
    sys.path.insert(0, str(ROOT))

from primer.build.state import BuildState  # noqa: E402
from primer.exports.llms import llms_full_txt, llms_txt  # noqa: E402
from primer.issues import ContentError  # noqa: E402
from primer.pages.navigation import navigation  # noqa: E402
from primer.pages.render import template_cache  # noqa: E402
from primer.pages.sanitize import sanitize_html  # noqa: E402
from primer.search.segmentation import SegmentationMemo, install_memo, jieba_user_dictionary  # noqa: E402

state: BuildState | None = None
segmentation: SegmentationMemo | None = None
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


@event_priority(100)  # before Material's search plugin reads its jieba settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global state, segmentation
    lang = config.extra["primer_lang"]
    offline = config.plugins["material/offline"].config.enabled  # it turns directory URLs off after us
    try:
        state = BuildState.load(ROOT, lang, directory_urls=config.use_directory_urls and not offline,
                                site_url=config.site_url or "", repository=config.extra.get("repository", ""))
    except ContentError as error:
        raise PluginError(f"content has {len(error.issues)} error(s):\n{error}") from None
    config.nav = navigation(state.content, state.pages, lang)
    if offline:
        # Our vendored copy; Material's offline plugin would otherwise add a CDN URL.
        config.extra["polyfills"] = [OFFLINE_SHIM]
    # Both languages: English pages show every term's Chinese name, searchable whole.
    config.plugins["material/search"].config.jieba_dict_user = str(jieba_user_dictionary(state.content, lang))
    segmentation = install_memo(lang)
    config["primer_state"] = state  # shared with the other hooks of this build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert state is not None
    for generated in state.pages:
        file = File.generated(config, generated.uri, content=generated.markdown)
        file.edit_uri = generated.edit_path
        files.append(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Lets the theme's templates (Material's and our overrides) be compiled once, not every build."""
    env.bytecode_cache = template_cache()
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert state is not None
    generated = state.page(page.file.src_uri)
    if generated is not None:
        page.meta.update(generated.meta)
        date = state.revision_date(generated)
        if date:
            page.meta["revision_date"] = date
        if generated.edit_path.endswith("/"):  # a folder: GitHub browses it under tree/, not edit/
            page.edit_url = f"{config.extra['repository']}/tree/main/{generated.edit_path}"
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Keeps the search segmentation memo; writes llms.txt and llms-full.txt of the hosted site
    (this build knows its own URL)."""
    assert state is not None
    if segmentation is not None:
        segmentation.save()
    if config.plugins["material/offline"].config.enabled:
        return
    site = Path(config.site_dir)
    base = config.site_url or ""
    content, lang = state.content, state.lang
    short, full = state.reuse("llms", lambda: (llms_txt(content, lang, base), llms_full_txt(content, lang, base)))
    (site / "llms.txt").write_text(short, encoding="utf-8")
    (site / "llms-full.txt").write_text(full, encoding="utf-8")


@event_priority(50)  # before cross-linking adds our own markup
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitize_html(html)
