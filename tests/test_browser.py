"""End-to-end: Debian Chromium, driven by Playwright, reads the real built site served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from itertools import permutations
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from primer.languages import language
from primer.model import Content
from primer.pages.render import plain_text
from tests.browser import (
    ARTIFACTS,
    KEY_PAGES,
    LANGS,
    PHONE,
    PHONE_WIDTH,
    Tab,
    folder,
    hrefs,
    search,
    theme_language,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def screenshot(page: Page, name: str) -> Path:
    """Saves a viewport screenshot under test-artifacts/ and returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_home_loads_without_console_errors(new_tab: Callable[..., Tab], lang: str) -> None:
    """The home page of each language loads its own language with no console error, warning or page error."""
    tab = new_tab()
    page = tab.open(f"/{folder(lang)}/", wait="networkidle")  # late errors too: search worker, index
    assert page.locator("html").get_attribute("lang") == theme_language(lang)
    expect(page.locator("article h1").first).to_be_visible()
    assert tab.problems == []


@pytest.mark.parametrize("path", ["sections/generalization/", "glossary/#rlhf"], ids=["section", "anchor"])
@pytest.mark.parametrize(("start_lang", "target_lang"), list(permutations(LANGS, 2)))
def test_language_menu_keeps_page_and_anchor(new_tab: Callable[..., Tab], start_lang: str, target_lang: str,
                                            path: str) -> None:
    """Choosing another language in the header menu lands on the same page and the same anchor."""
    tab = new_tab()
    expected = f"/{folder(target_lang)}/{path}"
    page = tab.open(f"/{folder(start_lang)}/{path}")
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__list a[data-lang="{target_lang}"]').click()
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(expected).path)
    assert page.url == tab.base + expected
    assert page.locator("html").get_attribute("lang") == theme_language(target_lang)
    anchor = urlsplit(expected).fragment
    if anchor:
        expect(page.locator(f"#{anchor}")).to_be_in_viewport()


# 微调 and fine-tuning alone now lead to their glossary entry first (tests/test_search_browser.py).
@pytest.mark.parametrize(("lang", "query"), [("zh", "什么是微调"), ("en", "what fine-tuning is"), ("zh-Hant", "什麼是微調")])
def test_search_answers_a_question_about_fine_tuning_first(new_tab: Callable[..., Tab], lang: str, query: str) -> None:
    """Typing the question puts a page that answers it first: the fine-tuning entry or its section."""
    tab = new_tab()
    page = tab.open(f"/{folder(lang)}/")
    search(page, query)
    # Material groups results by page: the first group's links are that page and its best entries.
    group = [urlsplit(href) for href in hrefs(page.locator(".md-search-result__item").first.locator("a"))]
    root = f"/{folder(lang)}/"
    answers = {(f"{root}glossary/", "fine-tuning"), (f"{root}sections/generalization/", "fine-tuning"),
               (f"{root}sections/generalization/", "")}
    assert any((link.path, link.fragment) in answers for link in group), group
    assert tab.problems == []


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("en", "large language model", "not downloads"), ("en", "PDF", "downloads"), ("zh", "离线", "downloads"),
    ("zh-Hant", "離線", "downloads")])
def test_downloads_page_ranks_first_only_for_what_it_offers(new_tab: Callable[..., Tab], lang: str, query: str,
                                                           expected: str) -> None:
    """Its file names (large-model-primer-en.pdf) made it the top result for the site's own subject."""
    tab = new_tab()
    page = tab.open(f"/{folder(lang)}/")
    first = search(page, query).first
    on_downloads = urlsplit(first.get_attribute("href") or "").path == f"/{folder(lang)}/downloads/"
    assert on_downloads == (expected == "downloads")


@pytest.mark.parametrize("term_id", ["hallucination", "fine-tuning", "large-model"])
def test_english_search_finds_a_term_by_its_chinese_name(new_tab: Callable[..., Tab], content: Content,
                                                        term_id: str) -> None:
    """The English glossary shows each term's Chinese name; typing that name into the English
    search box leads to the term's entry."""
    tab = new_tab()
    page = tab.open("/en/")
    targets = [urlsplit(href) for href in hrefs(search(page, content.terms[term_id].text("zh").term))]
    assert ("/en/glossary/", term_id) in [(target.path, target.fragment) for target in targets]
    assert tab.problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_hovering_a_term_shows_its_definition(new_tab: Callable[..., Tab], editions: dict[str, Content],
                                              lang: str) -> None:
    """Hovering a cross-linked term opens a tooltip with the term's glossary definition, which
    describes the term (aria-describedby)."""
    tab = new_tab()
    content = editions[lang]
    page = tab.open(f"/{folder(lang)}/sections/generalization/")
    term = page.locator("article a.primer-term").first
    term_id = term.get_attribute("data-term")
    assert term_id in content.terms
    term.hover()
    tooltip = page.locator(".primer-popover")
    expect(tooltip).to_be_visible()
    assert tooltip.get_attribute("role") == "tooltip"
    described = page.locator(f"#{term.get_attribute('aria-describedby')}")
    definition = plain_text(content.terms[term_id].text(language(lang).text_source).definition)
    assert definition in " ".join(described.inner_text().split())


def visible_events(page: Page) -> list[str]:
    """Ids of the timeline events a reader can see."""
    ids: list[str] = page.eval_on_selector_all(
        "li.primer-event[data-tags]", "events => events.filter(e => e.checkVisibility()).map(e => e.id)")
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_tag_filter_hides_and_shows_events(new_tab: Callable[..., Tab], content: Content, lang: str) -> None:
    """A tag button leaves only that tag's events visible; the "all" button brings every event back."""
    tab = new_tab()
    page = tab.open(f"/{folder(lang)}/timeline/")
    every = [event.id for event in content.events]
    tagged = [event.id for event in content.events if "product" in event.tags]
    assert 0 < len(tagged) < len(every)
    assert visible_events(page) == every
    page.locator('[data-primer-filter] button[data-tag="product"]').click()
    assert visible_events(page) == tagged
    expect(page.locator('[data-primer-filter] button[data-tag="product"]')).to_have_attribute("aria-pressed", "true")
    page.locator('[data-primer-filter] button[data-tag=""]').click()
    assert visible_events(page) == every
    assert tab.problems == []


def test_timeline_opens_filtered_from_a_tag_link(new_tab: Callable[..., Tab], content: Content) -> None:
    """`?tag=method` (the URL the filter writes) opens the timeline with only that tag's events."""
    page = new_tab().open("/en/timeline/?tag=method")
    assert visible_events(page) == [event.id for event in content.events if "method" in event.tags]


def color_scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_dark_mode_toggle_switches_and_persists(new_tab: Callable[..., Tab]) -> None:
    """The header toggle switches to the dark scheme, which survives a reload and a move to another page."""
    page = new_tab().open("/zh/")
    assert color_scheme(page) == "default"
    page.locator('form[data-md-component="palette"] label:visible').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    assert color_scheme(page) == "slate"
    page.goto(page.url + "glossary/")
    assert color_scheme(page) == "slate"
    page.locator('form[data-md-component="palette"] label:visible').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


# Anything wider than the viewport that is not inside its own horizontal scroller (tables scroll in a box).
OVERFLOWING = """(width) => {
  const scroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  return Array.from(document.body.querySelectorAll('*')).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right + window.scrollX > width + 1 && !scroller(el);
  }).map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_phone_viewport_has_no_horizontal_scroll(new_tab: Callable[..., Tab], lang: str, name: str) -> None:
    """At 375×812 the page cannot scroll sideways and nothing sticks out past the right edge."""
    page = new_tab(**PHONE).open(f"/{folder(lang)}/{KEY_PAGES[name]}")
    assert page.evaluate(OVERFLOWING, PHONE_WIDTH) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    page.evaluate("window.scrollTo(500, 0)")
    assert page.evaluate("window.scrollX") == 0
    screenshot(page, f"phone-{lang}-{name}")


def built_pages(site: Path) -> list[str]:
    """Every page of both languages, as URL paths."""
    return [f"/{path.parent.relative_to(site).as_posix()}/"
            for lang in LANGS for path in sorted((site / folder(lang)).rglob("index.html"))]


def test_no_request_leaves_localhost(new_tab: Callable[..., Tab], real_site: Path) -> None:
    """No page of either language, nor search, asks for anything from a host other than 127.0.0.1."""
    tab = new_tab()
    pages = ["/", *(f"/{folder(lang)}/404.html" for lang in LANGS), *built_pages(real_site)]
    assert len(pages) > 20
    for path in pages:
        # A page asks for its resources while it parses and boots, all before the load event.
        tab.open(path)
    box = tab.page.locator("input.md-search__input")
    box.fill("GPT")
    box.press("End")
    expect(tab.page.locator(".md-search-result__item").first).to_be_visible()
    assert tab.offsite == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_key_pages(new_tab: Callable[..., Tab], scheme: str) -> None:
    """Screenshots of the key pages in both languages (test-artifacts/), each in the requested scheme."""
    tab = new_tab(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    saved = []
    for lang in LANGS:
        for name, path in KEY_PAGES.items():
            page = tab.open(f"/{folder(lang)}/{path}")
            assert color_scheme(page) == {"light": "default", "dark": "slate"}[scheme]
            saved.append(screenshot(page, f"{lang}-{name}-{scheme}"))
    assert all(path.stat().st_size > 10_000 for path in saved)
    assert tab.problems == []
