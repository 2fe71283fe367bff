"""Accessibility: axe-core (npm, pinned in package.json) run on every page of the real built site,
both languages, in light and dark mode."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser import LANGS, folder, open_tab, serve_directory
from tests.helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
SCHEMES = ("light", "dark")
RUN = "() => axe.run(document, {resultTypes: ['violations']}).then(result => result.violations)"


class AxeRunner:
    """One tab per colour scheme (the palette follows prefers-color-scheme), whose context adds axe to
    every page before the page's own scripts run (an init script: no injection round trip per page,
    about a third less CPU than adding it after each load). One tab, not two: a second tab in the
    same Chromium made the checks slower, not faster (measured)."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.tabs = {}
        for scheme in SCHEMES:
            tab = open_tab(browser, base, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            tab.page.context.add_init_script(path=str(AXE))
            self.tabs[scheme] = tab

    def violations(self, scheme: str, paths: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The violations axe finds on each page (`/zh/glossary/`) in one colour scheme, by path."""
        tab = self.tabs[scheme]
        return {path: tab.open(path).evaluate(RUN) for path in paths}

    def close(self) -> None:
        for tab in self.tabs.values():
            tab.page.context.close()


def describe(rule: dict[str, Any], nodes: list[dict[str, Any]]) -> str:
    """One line per offending element: rule, impact, selector and HTML."""
    return "\n".join(f"{rule['id']} ({rule['impact']}): {' '.join(node['target'])}: {node['html'][:160]}"
                     for node in nodes)


def blocking(violations: list[dict[str, Any]]) -> list[str]:
    """The serious and critical findings of one page, one line per element."""
    found = [describe(rule, [node for node in rule["nodes"] if node["impact"] in BLOCKING]) for rule in violations]
    return [line for line in found if line]


@pytest.fixture(scope="module")
def axe(real_site: Path, chromium: Browser) -> Iterator[AxeRunner]:
    """axe in the session's Chromium against the real site, served on 127.0.0.1."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
    with serve_directory(real_site) as base:
        runner = AxeRunner(chromium, base)
        yield runner
        runner.close()


def site_paths(site: Path, lang: str) -> list[str]:
    """URL paths of every HTML page of a language (404 included)."""
    return [f"/{page.relative_to(site).as_posix().removesuffix('index.html')}"
            for page in sorted((site / folder(lang)).rglob("*.html"))]


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_axe_core_is_the_pinned_version() -> None:
    """package.json pins axe-core exactly, the lock agrees, and node_modules holds that version."""
    pinned = read_json(ROOT / "package.json")["dependencies"]["axe-core"]
    assert pinned[0].isdigit(), "pin an exact version (npm install --save-exact)"
    assert read_json(ROOT / "package-lock.json")["packages"]["node_modules/axe-core"]["version"] == pinned
    assert AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root"
    assert read_json(AXE.parent / "package.json")["version"] == pinned


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_no_serious_or_critical_violations_on_any_page(axe: AxeRunner, real_site: Path, lang: str, scheme: str) -> None:
    """Every page of the language has no serious or critical axe violation in this colour scheme
    (named search dialog, underlined links in text, 4.5:1 greys and code colours: see overrides/)."""
    paths = site_paths(real_site, lang)
    assert len(paths) > 10
    found = axe.violations(scheme, paths)
    assert sorted(found) == sorted(paths)
    problems = [f"{path}: {line}" for path in paths for line in blocking(found[path])]
    assert "\n".join(problems) == ""
