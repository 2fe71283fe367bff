"""What keeps the reader's first view fast and still, on the real build: nothing moves after the first
paint, off-screen glossary entries and timeline events are not rendered, term tooltips stay out of
Material's start-up, scripts wait for the parser and only Material's stylesheets block rendering; and
the Lighthouse benchmark serves the site compressed, like the real host."""

from __future__ import annotations

import gzip
import time
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Route, expect

from benchmarks.reader_budget import served
from tests.browser import KEY_PAGES, LANGS, PHONE, Tab, folder
from tests.helpers import ROOT

# Layout shifts the page made without user input, with the element that moved (text nodes: their parent).
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => shifts.push(...list.getEntries())).observe({type: "layout-shift", buffered: true});
  const describe = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? {tag: el.tagName.toLowerCase(), cls: String(el.className), inArticle: !!el.closest("article")} : null;
  };
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(
    shifts.filter((s) => !s.hadRecentInput)
      .map((s) => ({value: s.value, sources: s.sources.map((source) => describe(source.node))}))), 300)));
})"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_filter_bar_is_laid_out_before_primer_js_runs(new_tab: Callable[..., Tab], lang: str) -> None:
    """With primer.js never arriving, the filter bar already takes its place: the page does not wait for it."""
    tab = new_tab(**PHONE)
    tab.page.route("**/assets/javascripts/primer.js", lambda route: route.abort())
    page = tab.open(f"/{folder(lang)}/timeline/")
    bar = page.locator("[data-primer-filter]")
    expect(bar).to_be_visible()
    assert bar.evaluate("el => el.getBoundingClientRect().height") > 20
    assert page.locator(".primer-timeline-tools__count").inner_text().strip() != ""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_timeline_content_does_not_shift_while_loading(new_tab: Callable[..., Tab], lang: str) -> None:
    """On a phone whose scripts arrive after the first paint, nothing in the timeline's article moves."""
    tab = new_tab(**PHONE)

    def late(route: Route) -> None:
        time.sleep(0.5)  # like a slow network: the parsed page is painted while the script is on its way
        route.continue_()

    tab.page.route("**/assets/javascripts/primer.js", late)
    page = tab.open(f"/{folder(lang)}/timeline/", wait="networkidle")
    shifts = page.evaluate(LAYOUT_SHIFTS)
    assert [shift for shift in shifts if any(s and s["inArticle"] for s in shift["sources"])] == []
    assert tab.problems == []


@pytest.mark.browser
@pytest.mark.slow
def test_timeline_without_javascript_hides_the_bar_and_shows_every_event(new_tab: Callable[..., Tab]) -> None:
    """Without JavaScript the filter bar (which could not work) stays hidden and every event is visible."""
    page = new_tab(java_script_enabled=False).open("/en/timeline/")
    expect(page.locator("[data-primer-filter]")).to_be_hidden()
    events = page.locator("li.primer-event")
    assert events.count() > 10
    assert events.evaluate_all("events => events.every(e => e.checkVisibility())")


# Glossary entries and timeline events: how many the browser skips (content-visibility: their contents
# are not rendered, the item itself is), and the lowest
# point any of their content reaches (laid out on demand even when skipped) against the footer's top.
LIST_RENDERING = """(selector) => {
  const items = [...document.querySelectorAll(selector)];
  const bottom = (el) => Math.max(...[...el.querySelectorAll("*")].map((c) => c.getBoundingClientRect().bottom));
  return {
    items: items.length,
    skipped: items.filter((el) => !el.firstElementChild.checkVisibility({contentVisibilityAuto: true})).length,
    lowest: Math.max(...items.map(bottom)) + scrollY,
    footer: document.querySelector("footer").getBoundingClientRect().top + scrollY,
  };
}"""
LISTS = {"glossary": ("glossary/", ".primer-entry"), "timeline": ("timeline/", ".primer-event__body")}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(LISTS))
def test_long_lists_are_not_rendered_until_near_the_viewport(new_tab: Callable[..., Tab], lang: str,
                                                             name: str) -> None:
    """On a phone, most glossary entries / timeline events are skipped at load, and none reaches the footer."""
    path, selector = LISTS[name]
    page = new_tab(**PHONE).open(f"/{folder(lang)}/{path}")
    found = page.evaluate(LIST_RENDERING, selector)
    assert found["items"] > 30
    assert found["skipped"] > found["items"] // 2
    # A placeholder shorter than its content lets the content spill over what follows; it must never
    # reach the footer (axe would measure the link colours against the footer's dark background).
    assert found["lowest"] < found["footer"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("anchor", ["zero-shot-learning", "rlhf", "alexnet"])
def test_glossary_anchor_lands_on_a_rendered_entry(new_tab: Callable[..., Tab], anchor: str) -> None:
    """Opening the glossary at an entry far down shows that entry, rendered, at the top of the screen."""
    page = new_tab(**PHONE).open(f"/en/glossary/#{anchor}")
    heading = page.locator(f"#{anchor}")
    expect(heading).to_be_in_viewport()
    assert heading.evaluate("h => h.checkVisibility({contentVisibilityAuto: true})")
    assert heading.evaluate("h => h.getBoundingClientRect().top") < 300


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_term_definitions_are_out_of_title_when_material_starts(new_tab: Callable[..., Tab], lang: str) -> None:
    """By DOMContentLoaded (when Material mounts a tooltip per [title]) term links carry their definition
    in data-primer-title instead; the built HTML still has the title for readers without JavaScript."""
    tab = new_tab()
    tab.page.add_init_script("""document.addEventListener("DOMContentLoaded", () => {
      window.__termTitles = document.querySelectorAll("article a.primer-term[title]").length;
      window.__termData = document.querySelectorAll("article a.primer-term[data-primer-title]").length;
    }, {capture: true});""")
    page = tab.open(f"/{folder(lang)}/timeline/")
    assert page.evaluate("window.__termTitles") == 0
    assert page.evaluate("window.__termData") > 20


@pytest.mark.browser
@pytest.mark.slow
def test_term_tooltip_follows_keyboard_focus_and_escape(new_tab: Callable[..., Tab]) -> None:
    """Tabbing onto a term link shows its definition as a tooltip it is described by; Escape dismisses it."""
    page = new_tab().open("/en/sections/generalization/")
    term = page.locator("article a.primer-term").first
    definition = term.get_attribute("data-primer-title") or ""
    term.focus()
    expect(page.locator(".primer-popover")).to_have_attribute("role", "tooltip")
    described = page.locator(f"#{term.get_attribute('aria-describedby')}")
    expect(described).to_be_visible()
    assert " ".join(described.inner_text().split()) == " ".join(definition.split())
    page.keyboard.press("Escape")
    expect(page.locator("[role=tooltip]")).to_have_count(0)
    assert term.get_attribute("aria-describedby") is None


class ScriptCollector(HTMLParser):
    """Collects the external scripts of a page in document order, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("src"):
            self.scripts.append(dict(attrs))


class HeadCollector(HTMLParser):
    """Collects the stylesheets linked in a page's <head> and the text of its <style> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = self.in_style = False
        self.stylesheets: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.in_head = self.in_head or tag == "head"
        if tag == "link" and self.in_head and "stylesheet" in (values.get("rel") or "").split():
            self.stylesheets.append((values.get("href") or "").rsplit("/", 1)[-1])
        if tag == "style":
            self.in_style = True
            self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self.in_head = self.in_head and tag != "head"
        self.in_style = self.in_style and tag != "style"

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles[-1] += data


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_only_materials_stylesheets_block_rendering(real_site: Path, lang: str, name: str) -> None:
    """The <head> links Material's two stylesheets; ours is inlined, whole, instead of a third request
    (and the figures' stylesheet too, on pages that show a figure)."""
    collector = HeadCollector()
    html = (real_site / folder(lang) / KEY_PAGES[name] / "index.html").read_text(encoding="utf-8")
    collector.feed(html)
    assert [sheet.split(".")[0] for sheet in collector.stylesheets] == ["main", "palette"]
    sheets = ROOT / "overrides" / "assets" / "stylesheets"
    ours = [(sheets / "primer.css").read_text(encoding="utf-8").strip()]
    if 'class="primer-figure' in html:
        ours.append((sheets / "figures.css").read_text(encoding="utf-8").strip())
    assert [style.strip() for style in collector.styles if "primer-" in style] == ours


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_scripts_wait_for_the_parser(real_site: Path, lang: str, name: str) -> None:
    """Material's bundle and primer.js are the page's only external scripts, both deferred, in that order."""
    collector = ScriptCollector()
    collector.feed((real_site / folder(lang) / KEY_PAGES[name] / "index.html").read_text(encoding="utf-8"))
    names = [str(script["src"]).rsplit("/", 1)[-1] for script in collector.scripts]
    assert [n.split(".")[0] for n in names] == ["bundle", "primer"]
    assert all("defer" in script for script in collector.scripts)


def fetch(url: str, accept_encoding: str | None) -> tuple[dict[str, str], bytes]:
    """GETs a URL with the given Accept-Encoding (None: no header); returns headers and the raw body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding} if accept_encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers.items()), response.read()


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """A folder with a page, a stylesheet and a PNG, like a built site."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("<!doctype html><title>t</title>" + "<p>text</p>" * 200)
    (tmp_path / "en" / "main.css").write_text("body { color: black; }\n" * 100)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    return tmp_path


@pytest.mark.parametrize(("path", "file"), [("/en/", "en/index.html"), ("/en/main.css", "en/main.css")])
def test_benchmark_server_gzips_text_like_the_real_host(tiny_site: Path, path: str, file: str) -> None:
    """Pages and stylesheets come gzip-compressed, with a cache lifetime, when the browser accepts gzip."""
    with served(tiny_site) as base:
        headers, body = fetch(base + path, "gzip, deflate, br")
    assert headers["Content-Encoding"] == "gzip"
    assert "max-age=" in headers["Cache-Control"]
    assert int(headers["Content-Length"]) == len(body) < (tiny_site / file).stat().st_size
    assert gzip.decompress(body) == (tiny_site / file).read_bytes()


@pytest.mark.parametrize(("path", "accept_encoding"), [
    ("/en/", None), ("/en/", "gzip;q=0, identity"), ("/logo.png", "gzip"),
], ids=["no-header", "gzip-refused", "image"])
def test_benchmark_server_sends_raw_bytes_otherwise(tiny_site: Path, path: str, accept_encoding: str | None) -> None:
    """Clients that do not accept gzip, and already-compressed images, get the file as it is."""
    with served(tiny_site) as base:
        headers, body = fetch(base + path, accept_encoding)
    assert "Content-Encoding" not in headers
    file = tiny_site / (path.strip("/") + ("/index.html" if path.endswith("/") else ""))
    assert body == file.read_bytes()
