"""Where each page of the site map lives: its source URI, and its URL as MkDocs' file registry gives it."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url


def relative(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Returns a link from one source URI to another, as MkDocs resolves `.md` links."""
    path = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{path}#{anchor}" if anchor else path


@dataclass(frozen=True, slots=True)
class SiteUrls:
    """One language's URL registry: where MkDocs puts each page of the site map, by its id.

    The site map (primer/pages/sitemap.py) names every page and its source URI; every stage asks
    this registry for a page by id (`uri`), so `[text](page:name)` links, figures, JSON-LD and
    exports follow the site map. MkDocs is the authority for URLs. In a build the plugin reads the
    registry from MkDocs' own `Files` (`from_files`, in on_files); where they do not exist yet (the
    pages generated in on_config, JSON-LD) or at all (the exports), MkDocs' `File` class computes
    each URL for the build's `use_directory_urls` (`computed`), and on_files checks the two agree."""

    pages: Mapping[str, str]  # site-map id -> source URI (`glossary` -> `glossary.md`)
    urls: Mapping[str, str]  # source URI -> URL relative to the language root, as `Page.url` gives it
    directory_urls: bool
    base: str = ""  # the absolute URL of the language root, for `absolute`

    @classmethod
    def computed(cls, pages: Mapping[str, str], directory_urls: bool, base: str = "") -> SiteUrls:
        """Returns the URLs MkDocs' File class gives the `pages` (id -> source URI) with this
        `use_directory_urls`."""
        urls = {uri: mkdocs_url(uri, directory_urls) for uri in pages.values()}
        return cls(dict(pages), urls, directory_urls, base)

    @classmethod
    def from_files(cls, files: Files, pages: Mapping[str, str], directory_urls: bool, base: str = "") -> SiteUrls:
        """Returns the URLs of `pages` (id -> source URI) in a build's file registry (those it lacks
        are left out)."""
        found = {page_id: file for page_id, uri in pages.items() if (file := files.get_file_from_path(uri)) is not None}
        return cls({page_id: file.src_uri for page_id, file in found.items()},
                   {file.src_uri: url_of(file) for file in found.values()}, directory_urls, base)

    def uri(self, page_id: str) -> str:
        """Returns the source URI of the site map's page `page_id` (`timeline` -> `timeline.md`)."""
        return self.pages[page_id]

    def section(self, section_id: str) -> str:
        """Returns the source URI of an article section's page (site-map id `section:<id>`)."""
        return self.uri(f"section:{section_id}")

    def axis(self, axis_id: str) -> str:
        """Returns the source URI of a classification axis page (site-map id `axis:<id>`)."""
        return self.uri(f"axis:{axis_id}")

    def target(self, scheme: str, target: str) -> tuple[str, str]:
        """Returns (page URI, anchor) that an internal link `scheme:target` points at (`page:`
        names a page of the site map by its id)."""
        if scheme == "section":
            return self.section(target), ""
        if scheme == "term":
            return self.uri("glossary"), target
        if scheme == "event":
            return self.uri("timeline"), target
        if scheme == "figure":  # the figures page shows every figure; section pages link in context
            return self.uri("figures"), f"fig-{target}"
        return self.uri(target), ""

    def url(self, uri: str) -> str:
        """Returns the URL of the page at source URI `uri`, relative to the language root."""
        return self.urls[uri]

    def absolute(self, uri: str, anchor: str = "") -> str:
        """Returns the absolute URL of a page (and an anchor on it) under `base`."""
        url = self.base + self.urls[uri]
        return f"{url}#{anchor}" if anchor else url

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """Returns the relative link from one page to another (and an anchor on it), for HTML that
        MkDocs does not rewrite; `#anchor` (or `./`) on the page itself."""
        source, target = self.urls[from_uri], self.urls[to_uri]
        if source == target:
            return f"#{anchor}" if anchor else "./"
        path = get_relative_url(target or "./", source or "./")
        return f"{path}#{anchor}" if anchor else path

    def uri_at(self, url: str) -> str | None:
        """Returns the source URI of the page at `url`, if the registry holds one."""
        return next((uri for uri, found in self.urls.items() if found == url), None)

    def resolve(self, target: str) -> str | None:
        """Returns the source URI a link target names: a source URI itself (`glossary.md`, as
        Markdown links are written) or the URL of a page in this registry."""
        return target if target.endswith(".md") else self.uri_at(target)


def mkdocs_url(uri: str, directory_urls: bool) -> str:
    """Returns the URL MkDocs gives the source file `uri` with this `use_directory_urls`, asked of
    MkDocs' own File class (where a build's Files do not exist)."""
    return url_of(File(uri, src_dir=None, dest_dir="", use_directory_urls=directory_urls))


def url_of(file: File) -> str:
    """Returns the URL of a page's file as MkDocs' `Page.url` gives it (the home page's `./` is '')."""
    return "" if file.url in (".", "./") else file.url
