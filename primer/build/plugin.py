"""The MkDocs plugin `primer`: one object per language build that loads the content, generates the
pages, sanitizes and cross-links their HTML, adds the language switcher and sharing tags, and
finishes the search index. `mkdocs.yml` names it under `plugins:`; the package registers it as an
entry point (pyproject.toml), so nothing patches `sys.path`.

Events are written in the order MkDocs fires them. State lives on the plugin and is rebuilt in
`on_config`: one object may see several builds (MkDocs 1.6 re-creates a plugin per `mkdocs serve`
rebuild unless it has `on_startup`, which this one may gain; tests call it twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from primer.build.state import BuildState
from primer.exports.llms import llms_full_txt, llms_txt
from primer.issues import ContentError
from primer.languages import CODES, LANGUAGES
from primer.pages.downloads import read_manifest
from primer.pages.i18n import LanguageSwitcher, without_alternate_prefetch
from primer.pages.navigation import navigation
from primer.pages.render import template_cache, ui_strings
from primer.pages.routes import SiteUrls
from primer.pages.sanitize import sanitize_html
from primer.pages.sitemap import SitePage, published_pages, site_pages, site_urls, urls_by_id
from primer.pages.social import sharing
from primer.search.index import rewrite_search_index
from primer.search.segmentation import SegmentationMemo, install_memo, jieba_user_dictionary
from primer.terms.crosslink import link_terms
from primer.terms.glossary_links import TermLinker, fill_appears_in

OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


# MkDocs' Config and BasePlugin set their subclasses up in an untyped __init_subclass__.
class CrosslinkConfig(base.Config):  # type: ignore[no-untyped-call]
    """How glossary terms are linked in page text."""

    first_only = c.Type(bool, default=True)  # link a term's first mention on a page only


class PrimerConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in `mkdocs.yml` (`plugins: primer: …`)."""

    lang = c.Choice(CODES)  # the language this config builds (primer/languages.py)
    # The file:// edition: directory URLs off, search inlined (Material's offline plugin, which
    # this option switches), our vendored iframe-worker shim. The exports' builds set it per run.
    offline = c.Type(bool, default=False)
    # The folder of the exports this run made (its manifest.json fills the downloads page); unset,
    # the page says this build made none. `build.py build --with-exports` sets it per run.
    exports = c.Optional(c.Type(str))
    crosslink = c.SubConfig(CrosslinkConfig)


class PrimerPlugin(BasePlugin[PrimerConfig]):  # type: ignore[no-untyped-call]
    """Generates and finishes one language's site from `content/`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state: BuildState | None = None
        self.linker: TermLinker | None = None
        self.segmentation: SegmentationMemo | None = None
        self.urls: SiteUrls | None = None  # this build's URL registry, read from MkDocs' Files
        self.switcher: LanguageSwitcher | None = None
        self.site_map: dict[str, SitePage] = {}  # this language's site map by source URI

    @property
    def build(self) -> BuildState:
        """Returns this build's state (set in `on_config`)."""
        if self.state is None:
            raise PluginError("primer: an event ran before on_config")
        return self.state

    @event_priority(100)  # before Material's search and offline plugins read their settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        lang, offline, exports = self.config.lang, self.config.offline, self.config.exports
        config.plugins["material/offline"].config.enabled = offline  # it turns directory URLs off after us
        try:
            self.state = BuildState.load(Path(config.config_file_path).parent, lang,
                                         directory_urls=config.use_directory_urls and not offline,
                                         hosted_directory_urls=config.use_directory_urls,
                                         site_url=config.site_url or "",
                                         repository=config.extra.get("repository", ""),
                                         manifest=read_manifest(Path(exports)) if exports else None)
        except ContentError as error:
            raise PluginError(f"content has {len(error.issues)} error(s):\n{error}") from None
        config.nav = navigation(self.state.content, self.state.pages, lang)
        if offline:  # our vendored copy; Material's offline plugin would otherwise add a CDN URL
            config.extra["polyfills"] = [OFFLINE_SHIM]
        # Pages without a page context (404) list the site's languages in the switcher.
        config.extra["alternate"] = [{"name": language.name, "lang": language.folder, "hreflang": language.tag}
                                     for language in LANGUAGES]
        # Both languages: English pages show every term's Chinese name, searchable whole.
        search = config.plugins["material/search"].config
        search.jieba_dict_user = str(jieba_user_dictionary(self.state.content, lang))
        # Material's search calls its module's `jieba.cut` directly and offers no hook for the
        # segmenter (only its dictionaries), so the memo stands in for that module attribute.
        self.segmentation = install_memo(lang, "offline" if self.config.offline else "hosted")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for generated in self.build.pages:
            file = File.generated(config, generated.uri, content=generated.markdown)
            file.edit_uri = generated.edit_path
            files.append(file)
        self.site_map = {page.uri: page for page in site_pages(self.build.content, self.build.lang)}
        self.urls = self._read_urls(files, config)
        self.switcher = self._language_switcher(config)
        self.build.mentions.clear()
        self.linker = TermLinker(self.build.content, self.build.lang, self._glossary_url())
        return files

    def _site_page(self, page: Page) -> SitePage | None:
        """Returns the site map's entry of a page (None for one it does not list)."""
        return self.site_map.get(page.file.src_uri)

    def _glossary_url(self) -> str:
        """Returns the glossary's URL in this build ('' before on_files or in a build without it)."""
        if self.urls is None or "glossary" not in self.urls.pages:
            return ""
        return self.urls.url(self.urls.uri("glossary"))

    def _read_urls(self, files: Files, config: MkDocsConfig) -> SiteUrls:
        """Returns where MkDocs put the site map's pages; refuses a build where that is not where the
        pages' links (made in on_config by MkDocs' File class) assumed, e.g. another plugin moved one."""
        urls = SiteUrls.from_files(files, self.build.urls.pages, config.use_directory_urls, config.site_url or "")
        moved = [uri for uri, url in urls.urls.items() if self.build.urls.url(uri) != url]
        if moved:
            raise PluginError(f"primer: MkDocs put {', '.join(moved)} elsewhere than the generated links assume")
        return urls

    def _language_switcher(self, config: MkDocsConfig) -> LanguageSwitcher:
        """Returns every language's page URLs by site-map id: this build's from its Files, the other
        languages' from MkDocs' File class with the same URL style."""
        content, lang, urls = self.build.content, self.build.lang, self.urls
        assert urls is not None
        own = list(self.site_map.values())
        pages = {lang: urls_by_id(own, urls)}
        for other in LANGUAGES:
            if other.code != lang:
                published = published_pages(content, other.code, self.build.root)
                pages[other.code] = urls_by_id(published, site_urls(content, other.code, config.use_directory_urls))
        return LanguageSwitcher(pages, {page.uri: page.id for page in own}, lang, LANGUAGES, config.site_url or "")

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Lets the theme's templates (Material's and our overrides) be compiled once, not every build."""
        env.bytecode_cache = template_cache()
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.build.page(page.file.src_uri)
        if generated is not None:
            page.meta.update(generated.meta)
            date = self.build.revision_date(generated)
            if date:
                page.meta["revision_date"] = date
            if generated.edit_path.endswith("/"):  # a folder: GitHub browses it under tree/, not edit/
                page.edit_url = f"{config.extra['repository']}/tree/main/{generated.edit_path}"
        return markdown

    @event_priority(50)  # before cross-linking adds our own markup
    def _sanitize(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return sanitize_html(html)

    def _link_terms(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.linker is None or page.meta.get("crosslink") is False:
            return html
        result = link_terms(html, self.build.matcher, self.linker.for_page(page.url),
                            first_only=self.config.crosslink.first_only)
        entry = self._site_page(page)
        if entry is not None and entry.teaches:  # "appears in" lists only pages that teach
            for term_id in result.mentioned:
                self.build.mentions.setdefault(term_id, {})[page.url] = page.title or ""
        return result.html

    on_page_content = CombinedEvent(_sanitize, _link_terms)

    @event_priority(50)  # before the search plugin indexes the page
    def _fill_appears_in(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                         nav: Navigation) -> dict[str, Any]:
        if self.linker is not None and page.url == self.linker.glossary_url and page.content:
            page.content = fill_appears_in(page.content, self.build.mentions, page.url,
                                           ui_strings()[self.build.lang])
        return context

    def _page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                      nav: Navigation) -> dict[str, Any]:
        """Adds the per-page language alternates (switcher links, hreflang), the sharing tags and the
        term help's words."""
        lang, site_url, entry = self.config.lang, config.site_url or "", self._site_page(page)
        if self.switcher is not None:
            context["primer_alternates"] = self.switcher.alternates(page.file.src_uri, context.get("base_url", "."))
        context["primer_term_help"] = ui_strings()[lang]["term_help_open"]  # primer.js's onward link
        meta = page.meta or {}
        context["primer_sharing"] = sharing(
            page_title="" if page.is_homepage else str(meta.get("title") or page.title or ""),
            description=str(meta.get("description") or config.site_description or ""),
            canonical_url=page.canonical_url or "", site_url=site_url, site_name=config.site_name,
            current=lang, languages=LANGUAGES, repository=config.extra["repository"],
            strings=ui_strings()[lang], is_article=entry is not None and entry.group == "sections",
        )
        return context

    on_page_context = CombinedEvent(_fill_appears_in, _page_context)

    def _finish_site(self, *, config: MkDocsConfig) -> None:
        """Keeps the search segmentation memo, writes llms.txt of the hosted site, and turns off
        Material's sitemap prefetch for hreflang links in its copied bundle."""
        if self.segmentation is not None:
            self.segmentation.save()
        site = Path(config.site_dir)
        if not self.config.offline and self.urls is not None:
            self._write_llms(site, self.urls)
        bundles = sorted(site.glob("assets/javascripts/bundle.*.min.js"))
        if len(bundles) != 1:
            raise PluginError(f"expected one Material bundle in {site}, found {len(bundles)}")
        try:
            patched = without_alternate_prefetch(bundles[0].read_text(encoding="utf-8"))
        except ValueError as error:
            raise PluginError(str(error)) from None
        bundles[0].write_text(patched, encoding="utf-8")

    def _write_llms(self, site: Path, hosted: SiteUrls) -> None:
        content, lang = self.build.content, self.build.lang
        short, full = self.build.reuse("llms", lambda: (llms_txt(content, lang, hosted),
                                                        llms_full_txt(content, lang, hosted)))
        (site / "llms.txt").write_text(short, encoding="utf-8")
        (site / "llms-full.txt").write_text(full, encoding="utf-8")

    @event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it (-100)
    def _finish_search_index(self, *, config: MkDocsConfig) -> None:
        """Gives the search index every glossary name (for ranking), written in UTF-8."""
        glossary = self._glossary_url()
        rewrite_search_index(Path(config.site_dir), self.build.content, glossary)

    on_post_build = CombinedEvent(_finish_site, _finish_search_index)
