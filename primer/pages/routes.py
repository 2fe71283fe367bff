"""Where each generated page lives in a language's site, and relative links between them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

PAGE_URIS = {
    "home": "index.md",
    "about": "about.md",
    "glossary": "glossary.md",
    "timeline": "timeline.md",
    "classification": "classification/index.md",
    "figures": "figures.md",
    "downloads": "downloads.md",
    "contributing": "contributing.md",
    "translation-status": "translation-status.md",
}


def is_reading_page(uri: str) -> bool:
    """Whether a page teaches the subject (sections, timeline, classification): the pages a
    glossary entry's "appears in" list sends readers to, unlike home, about, downloads or the
    project's own pages."""
    return uri.startswith(("sections/", "classification/")) or uri == PAGE_URIS["timeline"]


def section_uri(section_id: str) -> str:
    """Returns the source URI of an article section's page."""
    return f"sections/{section_id}.md"


def axis_uri(axis_id: str) -> str:
    """Returns the source URI of a classification axis page."""
    return f"classification/{axis_id}.md"


def target_uri(scheme: str, target: str) -> tuple[str, str]:
    """Returns (page URI, anchor) that an internal link `scheme:target` points at."""
    if scheme == "section":
        return section_uri(target), ""
    if scheme == "term":
        return PAGE_URIS["glossary"], target
    if scheme == "event":
        return PAGE_URIS["timeline"], target
    if scheme == "figure":  # the figures page shows every figure; section pages link in context
        return PAGE_URIS["figures"], f"fig-{target}"
    return PAGE_URIS[target], ""


def relative(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Returns a link from one source URI to another, as MkDocs resolves `.md` links."""
    path = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{path}#{anchor}" if anchor else path


def page_url(uri: str, directory_urls: bool) -> str:
    """Returns the URL MkDocs gives the page at source URI `uri` (relative to the language root)."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def hosted_url(site_url: str, uri: str, anchor: str = "") -> str:
    """Returns the absolute URL of a page on the hosted site (directory URLs), as JSON-LD, llms.txt
    and the exports cite it: the same for every build of the page, the offline one included."""
    url = site_url + page_url(uri, directory_urls=True)
    return f"{url}#{anchor}" if anchor else url


@dataclass(frozen=True, slots=True)
class Router:
    """Final relative URLs between generated pages, for HTML that MkDocs does not rewrite."""

    directory_urls: bool = True

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """Returns the link from one page to another (and an anchor on it)."""
        source, target = page_url(from_uri, self.directory_urls), page_url(to_uri, self.directory_urls)
        if source == target:
            return f"#{anchor}" if anchor else "./"
        start = posixpath.dirname(source.rstrip("/")) if not self.directory_urls else source.rstrip("/")
        path = posixpath.relpath(target.rstrip("/") or ".", start or ".")
        if self.directory_urls and (target.endswith("/") or not target):
            path = path.rstrip("/") + "/"
        return f"{path}#{anchor}" if anchor else path
