"""Factories shared by the tests: project copies, YAML files, built sites, HTML parsing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

from primer.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CODE = (*(language.config for language in LANGUAGES), "build.py", "primer", "overrides", "docs", "templates", "schemas",
        "CONTRIBUTING.md", "CONTRIBUTING.zh.md")
DEVELOPER_CACHE = os.environ.get("PRIMER_CACHE_DIR")  # read before any fixture replaces it


def make_project(target: Path, content: Path | None = None) -> Path:
    """Copies the project's code into `target` with `content` (default: the real content)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CODE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(content or ROOT / "content", target / "content")
    return target


def copy_project(built: Path, target: Path) -> Path:
    """Copies a built project (its site/ and dist/ included) into `target`: a test that changes a
    project after a good build starts from a session fixture's build instead of building again."""
    shutil.copytree(built, target, symlinks=True)
    return target


def run_build(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Runs `build.py` of a project copy in a subprocess (with extra environment variables).

    The cache folder must be the test's own (conftest's fixtures set it), not the developer's."""
    environment = {**os.environ, **(env or {})}
    cache = environment.get("PRIMER_CACHE_DIR", "")
    assert cache and cache != DEVELOPER_CACHE, f"a build test must use its own cache folder, not {cache!r}"
    return subprocess.run([sys.executable, str(project / "build.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=600, env=environment)


def write(path: Path, text: str) -> Path:
    """Writes dedented text, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def article(html: str) -> str:
    """Returns the page's article (the content area) of a built page."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert match, "page has no article"
    return match.group(1)


class LinkCollector(HTMLParser):
    """Collects href/src attributes and element ids of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append((tag, name, values[name] or ""))
        # What a browser fetches on its own: scripts, stylesheets, icons, fonts, images, frames.
        rel = (values.get("rel") or "").split()
        if tag in ("script", "img", "iframe", "source", "video", "audio") and values.get("src"):
            self.resources.append(values["src"] or "")
        if tag == "link" and set(rel) & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}:
            self.resources.append(values.get("href") or "")


def collect(html: str) -> LinkCollector:
    """Parses a page's links and ids."""
    collector = LinkCollector()
    collector.feed(html)
    return collector
