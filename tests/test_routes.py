"""Page URLs come from MkDocs: a build's Files, or MkDocs' File class where none exist (pages made in
on_config, JSON-LD, exports); every output's links to a page land on it, the nested
`classification/index.md` too, in both URL styles."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.structure.files import File, Files

from primer.pages.routes import SiteUrls

SITE_MAP = {"home": "index.md", "about": "about.md", "glossary": "glossary.md",
            "classification": "classification/index.md", "axis:level": "classification/level.md"}
PAGES = list(SITE_MAP.values())
HOSTED_ROOT = "https://large-model-primer.github.io/"  # the sites' configured root (mkdocs*.yml site_url)
HOSTED_URL = re.compile(re.escape(HOSTED_ROOT) + r"[A-Za-z0-9/#._~%-]*[A-Za-z0-9/#_~%-]")  # not a sentence's full stop


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, ["", "about/", "glossary/", "classification/", "classification/level/"]),
    (False, ["index.html", "about.html", "glossary.html", "classification/index.html", "classification/level.html"]),
])
def test_urls_are_the_ones_mkdocs_gives_a_nested_index_page(directory_urls: bool, expected: list[str]) -> None:
    """A folder's index.md is the folder itself with directory URLs and its index.html without them."""
    urls = SiteUrls.computed(SITE_MAP, directory_urls)
    assert [urls.url(uri) for uri in PAGES] == expected


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, ["../glossary/#rlhf", "level/", "#top", "../"]),
    (False, ["../glossary.html#rlhf", "level.html", "#top", "../index.html"]),
])
def test_links_from_a_nested_index_page_follow_the_url_style(directory_urls: bool, expected: list[str]) -> None:
    """From classification/index.md: up to the glossary, across to an axis, on the page, home."""
    urls, start = SiteUrls.computed(SITE_MAP, directory_urls), "classification/index.md"
    found = [urls.href(start, "glossary.md", "rlhf"), urls.href(start, "classification/level.md"),
             urls.href(start, start, "top"), urls.href(start, "index.md")]
    assert found == expected


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_builds_files_and_the_file_class_agree(tmp_path: Path, directory_urls: bool) -> None:
    """The registry read from a build's Files equals the computed one; pages it lacks are left out."""
    files = Files([File(uri, str(tmp_path), str(tmp_path / "site"), directory_urls) for uri in PAGES[1:]])
    read = SiteUrls.from_files(files, SITE_MAP, directory_urls)
    assert dict(read.urls) == {uri: url for uri, url in SiteUrls.computed(SITE_MAP, directory_urls).urls.items()
                               if uri != "index.md"}


def test_a_link_target_names_its_page_by_source_or_by_url() -> None:
    """`classification/index.md` and `classification/index.html` are the same page; an image is none."""
    offline = SiteUrls.computed(SITE_MAP, directory_urls=False)
    assert offline.resolve("classification/index.md") == offline.resolve("classification/index.html")
    assert offline.resolve("classification/index.html") == "classification/index.md"
    assert offline.resolve("assets/images/social.png") is None


def cited_hosted_urls(real_site: Path, real_dist: Path) -> dict[str, set[str]]:
    """Returns every hosted-site URL that an output cites, by output: the single files, the EPUBs'
    chapters, llms.txt and llms-full.txt, and the site's own pages (JSON-LD, hreflang, canonical)."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(real_dist.glob("*.html"))}
    texts |= {str(path.relative_to(real_dist)): path.read_text(encoding="utf-8")
              for path in sorted(real_dist.glob("llms/*/*.txt"))}
    for book in sorted(real_dist.glob("*.epub")):
        with zipfile.ZipFile(book) as archive:
            texts[book.name] = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                                       if name.endswith(".xhtml"))
    texts["site pages"] = "".join(page.read_text(encoding="utf-8") for page in sorted(real_site.rglob("*.html")))
    return {name: set(HOSTED_URL.findall(text)) for name, text in texts.items()}


def missing_target(real_site: Path, url: str) -> str | None:
    """Returns why a hosted URL does not reach a file (and anchor) of the built site, or None."""
    parts = urlsplit(url)
    path = real_site / parts.path.lstrip("/")
    target = path / "index.html" if url.split("#")[0].endswith("/") else path
    if not target.is_file():
        return f"no file {target.relative_to(real_site)}"
    if parts.fragment and f'id="{parts.fragment}"' not in target.read_text(encoding="utf-8"):
        return f"no id {parts.fragment} in {target.relative_to(real_site)}"
    return None


@pytest.mark.slow
def test_every_hosted_url_an_output_cites_reaches_a_page_of_the_hosted_site(real_dist: Path, real_site: Path) -> None:
    """Single files, EPUBs, llms.txt and the site's JSON-LD and hreflang cite hosted pages (the
    classification overview among them) at URLs and anchors the hosted build made."""
    cited = cited_hosted_urls(real_site, real_dist)
    assert any(f"{HOSTED_ROOT}en/classification/" in urls for urls in cited.values())
    broken = {(name, url, why) for name, urls in cited.items() for url in urls
              if (why := missing_target(real_site, url)) is not None}
    assert sorted(broken) == []
