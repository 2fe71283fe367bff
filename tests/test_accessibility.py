"""Accessibility: axe-core (npm, pinned in package.json) injected into the key pages of the real built site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser import KEY_PAGES, LANGS, launch_chromium, open_tab, serve_directory
from tests.helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
PAGES = [(lang, name) for lang in LANGS for name in KEY_PAGES]



class AxeReports:
    """Runs axe once per page and keeps the report; tests read from it."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.tab = open_tab(browser, base, viewport={"width": 1280, "height": 900})
        self.reports: dict[tuple[str, str], dict[str, Any]] = {}

    def violations(self, lang: str, name: str) -> list[dict[str, Any]]:
        """The violations axe finds on a key page (run once per page)."""
        if (lang, name) not in self.reports:
            page = self.tab.open(f"/{lang}/{KEY_PAGES[name]}")
            page.add_script_tag(path=str(AXE))
            self.reports[(lang, name)] = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})")
        violations: list[dict[str, Any]] = self.reports[(lang, name)]["violations"]
        return violations


def describe(rule: dict[str, Any], nodes: list[dict[str, Any]]) -> str:
    """One line per offending element: rule, impact, selector and HTML."""
    return "\n".join(f"{rule['id']} ({rule['impact']}): {' '.join(node['target'])}: {node['html'][:160]}"
                     for node in nodes)


@pytest.fixture(scope="module")
def axe_reports(real_site: Path) -> Iterator[AxeReports]:
    """axe reports of the real site's key pages, served on 127.0.0.1 and read by Chromium."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
    with serve_directory(real_site) as base, launch_chromium() as browser:
        reports = AxeReports(browser, base)
        yield reports
        reports.tab.page.context.close()


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_axe_core_is_the_pinned_version() -> None:
    """package.json pins axe-core exactly, the lock agrees, and node_modules holds that version."""
    pinned = read_json(ROOT / "package.json")["dependencies"]["axe-core"]
    assert pinned[0].isdigit(), "pin an exact version (npm install --save-exact)"
    assert read_json(ROOT / "package-lock.json")["packages"]["node_modules/axe-core"]["version"] == pinned
    assert AXE.is_file(), f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root"
    assert read_json(AXE.parent / "package.json")["version"] == pinned


@pytest.mark.parametrize(("lang", "name"), PAGES, ids=[f"{name}-{lang}" for lang, name in PAGES])
def test_no_serious_or_critical_violations(axe_reports: AxeReports, lang: str, name: str) -> None:
    """A key page has no serious or critical axe violation (the search dialog is named, links in
    text are underlined, greys keep 4.5:1 contrast: see overrides/ and primer.css)."""
    found = [describe(rule, [node for node in rule["nodes"] if node["impact"] in BLOCKING])
             for rule in axe_reports.violations(lang, name)]
    assert "\n".join(line for line in found if line) == ""
