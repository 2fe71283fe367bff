"""Browser test infrastructure: Debian Chromium through Playwright, a local static server, and
tabs that record console problems and block every request that would leave the test server."""

from __future__ import annotations

import contextlib
import http.server
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Route, expect

from benchmarks.reader_budget import served
from primer.exports.pdf import launch_chromium as launch_chromium  # shared with the exports
from primer.languages import CODES, language
from tests.helpers import ROOT

ARTIFACTS = ROOT / "test-artifacts"
LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too
KEY_PAGES = {"home": "", "section": "sections/generalization/", "glossary": "glossary/",
             "timeline": "timeline/", "classification": "classification/"}
PHONE_WIDTH = 375
PHONE: dict[str, Any] = {"viewport": {"width": PHONE_WIDTH, "height": 812}, "is_mobile": True, "has_touch": True}


def folder(lang: str) -> str:
    """Returns the URL folder of a language's pages (`zh-hant` for zh-Hant)."""
    return language(lang).folder


def theme_language(lang: str) -> str:
    """Returns the `theme.language` of a language's MkDocs config: what Material writes as `<html lang>`."""
    found = re.search(r"^\s+language:\s*(\S+)", (ROOT / language(lang).config).read_text(encoding="utf-8"), re.M)
    assert found, language(lang).config
    return found.group(1)


def search(page: Page, query: str) -> Locator:
    """Types `query` into Material's search box; returns the result links once the first shows."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    # Material searches on keyup; fill() (like an IME committing 微调) inserts text without key events.
    box.press("End")
    links = page.locator(".md-search-result__list .md-search-result__link")
    expect(links.first).to_be_visible()
    return links


def hrefs(links: Locator) -> list[str]:
    """Returns the href attribute of every element of `links`."""
    found: list[str] = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_directory(root: Path) -> contextlib.AbstractContextManager[str]:
    """Serves `root` over HTTP on 127.0.0.1 and a free port, plain files without a request log;
    yields the base URL."""
    return served(root, _QuietHandler)


@dataclass
class Tab:
    """A page in its own browser context, with what it complained about and where it tried to go."""

    page: Page
    base: str
    problems: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)

    def open(self, path: str, wait: Literal["load", "networkidle"] = "load") -> Page:
        """Loads a site path (e.g. `/zh/glossary/`) and waits for the load event or a quiet network."""
        self.page.goto(self.base + path, wait_until=wait)
        return self.page


def open_tab(browser: Browser, base: str, **context_options: Any) -> Tab:
    """Opens a fresh context (own storage) whose requests may reach only the test server."""
    context = browser.new_context(**{"color_scheme": "light", **context_options})
    context.set_default_timeout(10_000)
    tab = Tab(page=context.new_page(), base=base)
    host = urlsplit(base).netloc

    def only_local(route: Route) -> None:
        # Everything is intercepted; anything not for the test server is recorded and never sent.
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            tab.offsite.append(route.request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            tab.problems.append(f"console {message.type}: {message.text} ({message.location.get('url')})")

    context.route("**/*", only_local)
    tab.page.on("console", console)
    tab.page.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    return tab


