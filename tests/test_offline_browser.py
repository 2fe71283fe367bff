"""The offline archive opened from disk: Chromium reads file:// URLs and every other request is
blocked. Search in both languages, the language switch, term tooltips and the timeline filter work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from primer.languages import LANGUAGES, language
from tests.browser import hrefs, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser(chromium: Browser) -> Browser:
    """The session's Chromium; pages from disk get a longer expect() timeout in this module."""
    expect.set_options(timeout=8_000)
    return chromium


class OfflineTab:
    """A page that may load file:// URLs only; it records anything else it tried and console errors."""

    def __init__(self, browser: Browser, root: Path) -> None:
        self.context = browser.new_context(locale="en-US")
        self.page = self.context.new_page()
        self.root = root
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self.only_files)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def only_files(self, route: Route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: str) -> Page:
        self.page.goto((self.root / path).as_uri())
        return self.page


@pytest.fixture()
def tab(browser: Browser, unzipped: Path) -> Iterator[OfflineTab]:
    opened = OfflineTab(browser, unzipped)
    yield opened
    assert opened.blocked == []
    opened.context.close()


def test_top_index_sends_the_reader_to_a_language(tab: OfflineTab) -> None:
    """index.html at the top of the archive redirects to a language's home page."""
    page = tab.open("index.html")
    page.wait_for_url("**/en/index.html")
    expect(page.locator("article h1").first).to_be_visible()


def test_english_search_from_disk_finds_a_chinese_term_name(tab: OfflineTab) -> None:
    """The English archive loads lunr's Chinese support from its own files, not a CDN."""
    page = tab.open("en/index.html")
    found = hrefs(search(page, "幻觉"))
    assert any(urlsplit(href).path.endswith("/en/glossary.html") and urlsplit(href).fragment == "hallucination"
               for href in found), found
    assert tab.errors == []


@pytest.mark.parametrize(("lang", "query"), [("zh", "什么是微调"), ("en", "what fine-tuning is"), ("zh-Hant", "什麼是微調")])
def test_search_works_from_disk_and_its_results_open(tab: OfflineTab, lang: str, query: str) -> None:
    """The inlined index and the vendored iframe-worker run search without a server."""
    folder = language(lang).folder
    page = tab.open(f"{folder}/index.html")
    first = search(page, query).first
    path = urlsplit(first.get_attribute("href") or "").path
    answer = next((name for name in ("glossary.html", "sections/generalization.html")
                   if path.endswith(f"/{folder}/{name}")), None)
    assert answer, path
    first.click()
    page.wait_for_url(f"**/{folder}/{answer}*")
    assert tab.errors == []


def test_language_switch_on_a_deep_page(tab: OfflineTab) -> None:
    """The header menu opens the same page in the other language, from disk."""
    page = tab.open("zh/sections/history.html")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__list a[data-lang="en"]').click()
    page.wait_for_url("**/en/sections/history.html")
    assert page.locator("html").get_attribute("lang") == "en"


def test_hovering_a_term_shows_its_definition(tab: OfflineTab) -> None:
    """Term tooltips need no network either."""
    page = tab.open("en/sections/definition.html")
    term = page.locator("article a.primer-term").first
    term.hover()
    tooltip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(tooltip).to_be_visible()
    assert (term.get_attribute("title") or tooltip.inner_text()).strip()


def test_tapping_a_term_from_disk_shows_its_definition(browser: Browser, unzipped: Path) -> None:
    """On a 360 px touch screen a tap shows the definition in place, from the page alone."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto((unzipped / "zh/sections/definition.html").as_uri())
        url = page.url
        page.locator("article a.primer-term").first.tap()
        expect(page.locator(".primer-popover")).to_be_visible()
        assert page.url == url and page.locator(".primer-popover__text").inner_text().strip()
    finally:
        context.close()


def test_dark_mode_survives_the_language_switch_from_disk(tab: OfflineTab) -> None:
    """Dark mode chosen on a Chinese page stays on after the header switches to English."""
    page = tab.open("zh/sections/history.html")
    page.locator('form[data-md-component="palette"] label:visible').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__list a[data-lang="en"]').click()
    page.wait_for_url("**/en/sections/history.html")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_timeline_filter_works_from_disk(tab: OfflineTab) -> None:
    """The tag filter hides events without the tag and shows them again."""
    page = tab.open("zh/timeline.html")
    events = page.locator("li.primer-event")
    total = events.count()
    page.locator('[data-primer-filter] button[data-tag="product"]').click()
    visible = page.eval_on_selector_all("li.primer-event", "es => es.filter(e => e.checkVisibility()).length")
    assert 0 < visible < total
    page.locator('[data-primer-filter] button[data-tag=""]').click()
    assert page.eval_on_selector_all("li.primer-event", "es => es.filter(e => e.checkVisibility()).length") == total


def test_archive_holds_exactly_what_its_pages_load(browser: Browser, unzipped: Path) -> None:
    """Every page opened from disk and a search in each language read every file of the archive but the
    vendored code's licence notices, and nothing the archive lacks."""
    read: set[str] = set()
    context = browser.new_context()

    def record(route: Route) -> None:
        if route.request.url.startswith("file:"):
            read.add(unquote(urlsplit(route.request.url).path))
            route.continue_()
        else:
            route.abort()

    context.route("**/*", record)
    page = context.new_page()
    for html in sorted(unzipped.rglob("*.html")):
        page.goto(html.as_uri(), wait_until="load")
    for edition in LANGUAGES:  # each edition's search loads its own lunr packs
        page.goto((unzipped / edition.folder / "index.html").as_uri())
        expect(search(page, "model" if edition.text_source == "en" else "模型").first).to_be_visible()
    context.close()
    files = {p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()}
    loaded = {Path(path).relative_to(unzipped).as_posix() for path in read if path.startswith(str(unzipped))}
    assert loaded <= files
    assert {Path(name).name for name in files - loaded} == {"LICENSE", "README.txt"}
