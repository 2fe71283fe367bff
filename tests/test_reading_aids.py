"""Reading aids in Chromium on the built fixture site: term help by tap, hover and keyboard (also
from file://), takeaways and self-check styling, the wide-table cue, CJK quotes, dark mode kept
across the language switch. (From the offline archive: tests/test_offline_browser.py.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from primer.pages.render import ui_strings
from tests.browser import LANGS, Tab, folder, open_tab, serve_directory

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE_360: dict[str, Any] = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
SECTION = "/{lang}/sections/basics/"
DEFINITION = {"zh": "在海量文本上预训练", "en": "pre-trained", "zh-Hant": "預訓練"}


@pytest.fixture(scope="module")
def mini_url(mini_project: Path) -> Iterator[str]:
    with serve_directory(mini_project / "site") as base:
        yield base


@pytest.fixture
def tab(browser: Browser, mini_url: str) -> Iterator[Callable[..., Tab]]:
    tabs: list[Tab] = []

    def make(**options: Any) -> Tab:
        tabs.append(open_tab(browser, mini_url, **options))
        return tabs[-1]

    yield make
    for made in tabs:
        made.page.context.close()


def popover(page: Page):  # type: ignore[no-untyped-def]
    return page.locator(".primer-popover")


@pytest.mark.parametrize("lang", LANGS)
def test_tap_shows_the_definition_in_place_and_a_second_tap_follows(tab: Callable[..., Tab], lang: str) -> None:
    """At 360 px with touch: a tap opens the definition (readable, inside the screen) without leaving
    the page; a second tap on the term opens its glossary entry."""
    page = tab(**PHONE_360).open(SECTION.format(lang=folder(lang)))
    url = page.url
    term = page.locator("article a.primer-term").first
    term.tap()
    expect(popover(page)).to_be_visible()
    assert page.url == url
    assert DEFINITION[lang] in popover(page).inner_text()
    style = popover(page).evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    assert style[0] >= 13 and style[1] == "400", style
    box = popover(page).bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    href = term.get_attribute("href") or ""
    assert popover(page).locator("a").get_attribute("href") == href
    assert ui_strings()[lang]["term_help_open"] in popover(page).locator("a").inner_text()  # zh-Hant's own words
    term.tap()
    page.wait_for_url("**/glossary/#*")
    assert page.url.rsplit("#", 1)[1] == href.rsplit("#", 1)[1]


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_links_to_its_own_entries_show_the_entry_without_repeating_it(
        browser: Browser, real_site: Path, lang: str) -> None:
    """On the glossary, a term link to an entry of the same page carries no title (the page would
    hold every definition twice); hovering it still shows that entry's definition."""
    html = (real_site / folder(lang) / "glossary" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="#[a-z0-9-]+" class="primer-term"[^>]*>', html)
    assert links and not any("title=" in link for link in links)
    with serve_directory(real_site) as base:
        tab = open_tab(browser, base)
        try:
            page = tab.open(f"/{folder(lang)}/glossary/")
            term = page.locator("article .primer-entry__definition a.primer-term").first
            term.hover()
            expect(popover(page)).to_be_visible()
            entry = page.locator(f'[data-term-entry="{term.get_attribute("data-term")}"] .primer-entry__definition')
            assert " ".join(popover(page).locator(".primer-popover__text").inner_text().split()) == \
                " ".join((entry.text_content() or "").split())
        finally:
            tab.page.context.close()


def test_tapping_elsewhere_closes_the_definition(tab: Callable[..., Tab]) -> None:
    """A tap outside the term and its definition closes the definition."""
    page = tab(**PHONE_360).open(SECTION.format(lang="en"))
    page.locator("article a.primer-term").first.tap()
    expect(popover(page)).to_be_visible()
    page.locator("article h2").first.tap()
    expect(popover(page)).to_have_count(0)


def test_the_definitions_link_opens_the_glossary_entry(tab: Callable[..., Tab]) -> None:
    """The link in the definition leads to the term's glossary entry."""
    page = tab(**PHONE_360).open(SECTION.format(lang="zh"))
    term = page.locator("article a.primer-term").first
    term_id = term.get_attribute("data-term") or "missing"
    term.tap()
    popover(page).locator("a").tap()
    page.wait_for_url("**/glossary/#" + term_id)


def test_keyboard_focus_describes_the_term_and_escape_closes(tab: Callable[..., Tab]) -> None:
    """Focus shows the definition as the term's description; Escape closes it, focus stays."""
    page = tab().open(SECTION.format(lang="en"))
    term = page.locator("article a.primer-term").first
    term.focus()
    expect(popover(page)).to_be_visible()
    assert popover(page).get_attribute("role") == "tooltip"
    described = page.locator("#" + (term.get_attribute("aria-describedby") or "missing"))
    assert DEFINITION["en"] in described.inner_text()
    page.keyboard.press("Escape")
    expect(popover(page)).to_have_count(0)
    assert page.evaluate("document.activeElement.classList.contains('primer-term')")
    assert term.get_attribute("aria-describedby") is None
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#*")


def test_mouse_hover_shows_and_click_follows(tab: Callable[..., Tab]) -> None:
    """On the desktop hovering shows the definition and a click goes straight to the glossary."""
    page = tab().open(SECTION.format(lang="zh"))
    term = page.locator("article a.primer-term").first
    term.hover()
    expect(popover(page)).to_be_visible()
    assert "在海量文本上预训练" in popover(page).inner_text()
    term.click()
    page.wait_for_url("**/glossary/#*")


def test_term_help_works_from_file_urls(browser: Browser, mini_project: Path) -> None:
    """Opened from disk (no server, no fetch), a tap still shows the definition."""
    context = browser.new_context(**PHONE_360)
    try:
        page = context.new_page()
        page.goto((mini_project / "site/zh/sections/basics/index.html").as_uri())
        page.locator("article a.primer-term").first.tap()
        expect(popover(page)).to_be_visible()
        assert "在海量文本上预训练" in popover(page).inner_text()
    finally:
        context.close()


BODY_SIZE = "parseFloat(getComputedStyle(document.querySelector('article > p:not(.primer-reading-time)')).fontSize)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_takeaways_box_is_at_body_size_with_icon_and_theme_colour(tab: Callable[..., Tab], scheme: str) -> None:
    """The takeaways box's text is as large as body text, has an icon and uses the theme's link colour."""
    page = tab(color_scheme=scheme).open(SECTION.format(lang="zh"))
    box = page.locator("article .admonition.takeaways")
    expect(box).to_be_visible()
    body = page.evaluate(BODY_SIZE)
    sizes = box.evaluate("b => [b, b.querySelector('li')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(sizes) >= body, (sizes, body)
    icon = box.locator(".admonition-title").evaluate(
        "t => getComputedStyle(t, '::before').maskImage || getComputedStyle(t, '::before').webkitMaskImage")
    assert icon.startswith('url("data:image/svg+xml'), icon
    colours = box.evaluate("""b => [getComputedStyle(b).borderLeftColor,
        getComputedStyle(document.querySelector('article p > a:not(.primer-term)')).color]""")
    assert colours[0] == colours[1], colours


def test_self_check_answers_open_without_javascript(tab: Callable[..., Tab]) -> None:
    """With scripts off, each question is a closed <details> at body size that opens on a click."""
    page = tab(java_script_enabled=False).open(SECTION.format(lang="en"))
    questions = page.locator("#check-yourself ~ details.question")
    expect(questions).to_have_count(3)
    first = questions.first
    answer = first.locator("p")
    expect(answer).to_be_hidden()
    assert float(first.evaluate("d => parseFloat(getComputedStyle(d).fontSize)")) >= page.evaluate(BODY_SIZE)
    first.locator("summary").click()
    expect(answer).to_be_visible()


def test_self_check_answers_are_printed(tab: Callable[..., Tab]) -> None:
    """In print (the PDF export) the closed answers are shown under their questions."""
    page = tab().open(SECTION.format(lang="zh"))
    answer = page.locator("#check-yourself ~ details.question p").first
    expect(answer).to_be_hidden()
    page.emulate_media(media="print")
    expect(answer).to_be_visible()


def test_wide_tables_show_a_scroll_cue(tab: Callable[..., Tab]) -> None:
    """At 360 px a wide table scrolls in its box, whose background draws edge shadows."""
    page = tab(**PHONE_360).open(SECTION.format(lang="zh"))
    wrap = page.locator("article .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")
    layers = wrap.evaluate("w => getComputedStyle(w).backgroundImage")
    assert layers.count("radial-gradient") == 2 and layers.count("linear-gradient") == 2, layers
    assert wrap.evaluate("w => getComputedStyle(w).backgroundAttachment").startswith("local, local, scroll, scroll")
    assert wrap.locator("table").evaluate("t => getComputedStyle(t).backgroundColor") == "rgba(0, 0, 0, 0)"


QUOTE_FONTS = """async () => {
  const p = document.createElement('p');
  p.id = 'quotes';
  p.textContent = '\u201cA\u201d';
  document.querySelector('article').appendChild(p);
  await document.fonts.ready;
}"""


@pytest.mark.parametrize(("lang", "cjk"), [("zh", True), ("en", False)])
def test_chinese_curly_quotes_come_from_a_cjk_font(tab: Callable[..., Tab], lang: str, cjk: bool) -> None:
    """On Chinese pages “ ” are drawn from an installed CJK font (Latin letters are not); not on English ones."""
    page = tab().open(SECTION.format(lang=lang))
    page.evaluate(QUOTE_FONTS)
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "#quotes"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cjk_glyphs = sum(font["glyphCount"] for font in fonts if "CJK" in font["familyName"])
    assert cjk_glyphs == (2 if cjk else 0), fonts


def test_dark_mode_survives_the_language_switch(tab: Callable[..., Tab]) -> None:
    """Dark mode chosen on a Chinese page is still on after switching to English."""
    page = tab().open(SECTION.format(lang="zh"))
    page.locator('form[data-md-component="palette"] label:visible').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(page.locator("a.primer-lang-link[data-lang=en]").first.evaluate("a => a.href"))
    assert "/en/" in page.url
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_table_headings_stay_whole_on_a_phone(tab: Callable[..., Tab], lang: str) -> None:
    """At 360 px the downloads table's short headings (格式, 篇幅) keep to one line and the page does
    not scroll sideways: the file names give way instead."""
    page = tab(**PHONE_360).open(f"/{folder(lang)}/downloads/")
    heights = page.eval_on_selector_all(
        "table.primer-downloads th",
        "ths => ths.map(th => th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight))")
    assert heights and max(heights) < 1.9, heights
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
