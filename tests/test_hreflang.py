"""Language alternates as served: one absolute, reciprocal hreflang link per language plus
x-default on every page, read from the language registry; Material's sitemap prefetch for them is off."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from primer.languages import LANGUAGES, Language
from primer.pages.i18n import ALTERNATE_PREFETCH, NO_PREFETCH, LanguageSwitcher, without_alternate_prefetch
from tests.browser import Tab

HANT = Language(code="zh-Hant", name="繁體中文", tag="zh-Hant", folder="zh-hant", locale="zh_TW",
                config="mkdocs.zh-Hant.yml", search=("zh", "en"), collation="stroke", date_format="%Y年%-m月%-d日",
                thousands="", pdf_fonts=(), contributing="CONTRIBUTING.zh.md", derived_from="zh")
THREE = [language for language in LANGUAGES if language.code != HANT.code] + [HANT]


class AlternateLinks(HTMLParser):
    """Collects (hreflang, href) of every `<link rel="alternate">` in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "alternate" in (values.get("rel") or "").lower().split():
            self.links.append((values.get("hreflang") or "", values.get("href") or ""))


def alternate_links(page: Path) -> list[tuple[str, str]]:
    parser = AlternateLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_a_third_language_gets_its_own_alternate_from_the_config() -> None:
    """The list grows with the registry: a zh-Hant entry gives a third link with its tag and folder."""
    pages = {language.code: {"home": "", "glossary": "glossary/"} for language in THREE}
    switcher = LanguageSwitcher(pages, {"glossary.md": "glossary"}, "en", THREE, "https://example.org/primer/en/")
    found = switcher.alternates("glossary.md", "..")
    assert [(a.hreflang, a.url, a.href) for a in found] == [
        ("zh-Hans", "https://example.org/primer/zh/glossary/", "../../zh/glossary/"),
        ("en", "https://example.org/primer/en/glossary/", "../../en/glossary/"),
        ("zh-Hant", "https://example.org/primer/zh-hant/glossary/", "../../zh-hant/glossary/"),
    ]
    assert [a.current for a in found] == [False, True, False]


def test_a_page_a_language_lacks_switches_to_that_languages_home() -> None:
    """The switcher names the same site-map page in each language, or that language's home page
    where it has none (here the offline URL style, as MkDocs' files give it)."""
    pages = {"zh": {"home": "index.html", "contributing": "contributing.html"},
             "en": {"home": "index.html"}, "zh-Hant": {"home": "index.html", "contributing": "contributing.html"}}
    switcher = LanguageSwitcher(pages, {"contributing.md": "contributing"}, "zh", THREE, "")
    found = switcher.alternates("contributing.md", ".")
    assert [a.href for a in found] == ["./../zh/contributing.html", "./../en/index.html",
                                       "./../zh-hant/contributing.html"]
    assert [a.url for a in found] == [a.href for a in found]  # no site_url: hreflang stays relative


def test_a_page_outside_the_site_map_switches_to_each_home() -> None:
    """A page the site map does not list (none has a counterpart) leads to every language's home."""
    pages = {language.code: {"home": "", "glossary": "glossary/"} for language in THREE}
    found = LanguageSwitcher(pages, {"glossary.md": "glossary"}, "en", THREE, "").alternates("extra.md", "..")
    assert [a.href for a in found] == ["../../zh/", "../../en/", "../../zh-hant/"]


def test_the_sitemap_prefetch_is_disabled_once_and_a_changed_bundle_is_refused() -> None:
    """The bundle's one alternate prefetch selector is replaced (idempotently); a bundle without it is an error."""
    bundle = f"x;{ALTERNATE_PREFETCH};y"
    patched = without_alternate_prefetch(bundle)
    assert patched == f"x;{NO_PREFETCH};y"
    assert without_alternate_prefetch(patched) == patched
    with pytest.raises(ValueError, match=r"update primer/pages/i18n\.py"):
        without_alternate_prefetch("x;y")


@pytest.mark.slow
def test_every_page_has_one_absolute_reciprocal_alternate_per_language(real_site: Path) -> None:
    """Every page of every language names each language once and x-default (the first language),
    absolute, and the pages it names name it back."""
    languages = list(LANGUAGES)
    tags = [language.tag for language in languages]
    url_to_file: dict[str, Path] = {}
    found: dict[Path, list[tuple[str, str]]] = {}
    for language in languages:
        for page in sorted((real_site / language.folder).rglob("*.html")):
            if page.name == "404.html":
                continue
            links = found[page] = alternate_links(page)
            assert [tag for tag, _ in links] == [*tags, "x-default"], page
            assert all(urlsplit(href).scheme == "https" and urlsplit(href).netloc for _, href in links), page
            assert links[-1][1] == links[0][1], page  # x-default is the default language's page
            own = dict(links)[tags[languages.index(language)]]
            url_to_file[own] = page
    assert len(found) > 20
    for page, links in found.items():
        for _, href in links[:-1]:
            assert href in url_to_file, (page, href)
            assert alternate_links(url_to_file[href]) == links, (page, href)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/zh/sections/history/", "/en/glossary/"])
def test_no_sitemap_request_and_no_console_error(new_tab: Callable[..., Tab], path: str) -> None:
    """With hreflang links in the page, Material requests no sitemap.xml and logs nothing."""
    tab = new_tab()
    requests: list[str] = []
    tab.page.on("request", lambda request: requests.append(request.url))
    tab.open(path, wait="networkidle")
    assert [url for url in requests if "sitemap" in url] == []
    assert tab.offsite == [] and tab.problems == []
