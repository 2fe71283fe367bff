"""Checks a built site: every relative link and resource names an existing file, every fragment an
existing id, and every page parses as HTML without errors."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    """Collects a page's ids and the URLs it links to or loads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for name in ("href", "src"):
            url = values.get(name)
            if url and not (tag == "link" and "alternate" in (values.get("rel") or "")):
                self.urls.append(url)


@lru_cache(maxsize=4096)
def parse(path: Path) -> _Page:
    """Parses one HTML file (cached: targets are parsed once)."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_of(site: Path, page: Path, url: str) -> Path:
    """Returns the file a relative or root-relative URL points at (folders mean index.html)."""
    path = unquote(urlsplit(url).path)
    if not path:
        return page
    base = site if path.startswith("/") else page.parent
    resolved = Path(posixpath.normpath(str(base / path.lstrip("/"))))
    return resolved / "index.html" if path.endswith("/") or resolved.is_dir() else resolved


def broken_links(site: Path, root_paths_from: Path | None = None) -> Iterator[str]:
    """Yields `page: url (why)` for each relative URL that does not resolve.

    Arguments:
        root_paths_from: where URLs starting with '/' are resolved (default: `site`).
    """
    root = root_paths_from or site
    for page in sorted(site.rglob("*.html")):
        for url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue
            target = target_of(root if url.startswith("/") else site, page, url)
            shown = page.relative_to(site).as_posix()
            if not target.exists():
                yield f"{shown}: {url} (no such file)"
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                yield f"{shown}: {url} (no such anchor)"
