"""No page of the built site, in either language, nor of the offline archive makes the browser
fetch anything from another host: every element and attribute that loads a file is checked."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from primer.languages import LANGUAGES

LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                "prerender", "manifest", "dns-prefetch", "preconnect", "mask-icon"}
URL_ATTRIBUTES = {"src", "poster", "data", "background", "xlink:href", "lowsrc", "ping"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)


def is_remote(url: str) -> bool:
    """A URL with a host (`https://…`, `//…`) or another scheme than data: leaves the site."""
    parts = urlsplit(url.strip().replace("\\", "/"))
    return bool(parts.netloc) or parts.scheme not in ("", "data")


class Loads(HTMLParser):
    """Collects every URL a browser would fetch on its own while showing a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.in_style = tag == "style"
        for name, value in values.items():
            if name in URL_ATTRIBUTES or (name == "href" and tag not in ("a", "area", "link")):
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls += [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
            elif name == "style":
                self.urls += css_urls(value)
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [first or second for first, second in CSS_URL.findall(css)]


def remote_loads(html: str) -> list[str]:
    """Returns the URLs on other hosts that a page would load."""
    parser = Loads()
    parser.feed(html)
    return [url for url in parser.urls if is_remote(url)]


def site_pages(site: Path) -> Iterator[tuple[str, str]]:
    for lang in LANGUAGES:  # every edition of the registry
        for page in sorted((site / lang.folder).rglob("*.html")):
            yield str(page.relative_to(site)), page.read_text(encoding="utf-8")


@pytest.mark.parametrize(("html", "expected"), [
    ('<img src="https://example.com/p.png"><img src="../p.png">', ["https://example.com/p.png"]),
    ('<img srcset="a.png 1x, //example.com/p.png 2x">', ["//example.com/p.png"]),
    ('<video poster="https://example.com/p.jpg"><track src="https://example.com/t.vtt"></video>',
     ["https://example.com/p.jpg", "https://example.com/t.vtt"]),
    ('<svg><use href="https://example.com/s.svg#a"/></svg>', ["https://example.com/s.svg#a"]),
    ('<p style="background:url(&quot;https://example.com/b.png&quot;)">', ["https://example.com/b.png"]),
    ('<style>@import "https://example.com/s.css";</style>', ["https://example.com/s.css"]),
    ('<link rel="stylesheet" href="https://example.com/s.css"><link rel="alternate" href="https://example.com/">'
     '<a href="https://example.com/">x</a>', ["https://example.com/s.css"]),
])
def test_the_oracle_finds_every_kind_of_load(html: str, expected: list[str]) -> None:
    """The test's own parser sees images, srcset, media, SVG, CSS and <link> loads, and not plain links."""
    assert remote_loads(html) == expected


@pytest.mark.slow
def test_no_page_of_either_language_loads_from_another_host(real_site: Path) -> None:
    """Every page of the built site (zh and en, 404s included) loads only the site's own files."""
    found = {name: urls for name, html in site_pages(real_site) if (urls := remote_loads(html))}
    assert len(list(site_pages(real_site))) > 20
    assert found == {}


@pytest.mark.slow
def test_no_page_of_the_offline_archive_loads_from_another_host(real_dist: Path) -> None:
    """Every HTML page in the offline zip loads only files inside the archive."""
    with zipfile.ZipFile(real_dist / "large-model-primer-offline.zip") as archive:
        pages = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".html")}
    assert len(pages) > 20
    assert {name: urls for name, html in pages.items() if (urls := remote_loads(html))} == {}
