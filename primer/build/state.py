"""What one language's build knows: the loaded content and its generated pages (held by the plugin)."""

from __future__ import annotations

import json
import logging
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from primer.build.cache import cached, content_version, digest
from primer.content.derived import derived_content
from primer.content.loader import load_content_cached
from primer.issues import ContentError, errors_only
from primer.model import Content
from primer.pages.generate import GeneratedPage, build_pages
from primer.pages.render import TEMPLATES
from primer.pages.routes import Router
from primer.terms.termmatch import TermMatcher, term_matcher

T = TypeVar("T")

log = logging.getLogger("mkdocs.plugins.primer")


@dataclass(slots=True)
class BuildState:
    """Per-build state, created in the plugin's `on_config` (one plugin object may see several builds)."""

    root: Path
    lang: str
    content: Content
    pages: list[GeneratedPage]
    revision_dates: dict[str, str]
    pages_inputs: str = ""  # digest of everything the generated pages are made from (`pages_version`)
    mentions: dict[str, dict[str, str]] = field(default_factory=dict)
    _matcher: TermMatcher | None = None
    _by_uri: dict[str, GeneratedPage] = field(init=False)

    @property
    def matcher(self) -> TermMatcher:
        """Returns this language's term automaton, built on first use."""
        if self._matcher is None:
            self._matcher = term_matcher(self.content, self.lang)
        return self._matcher

    @classmethod
    def load(cls, root: Path, lang: str, *, directory_urls: bool = True, site_url: str = "",
             repository: str = "", manifest: dict[str, Any] | None = None) -> BuildState:
        """Loads and validates content; raises ContentError listing every error. `manifest` lists
        the exports this run made (the downloads page shows it), if any."""
        version = content_version(root)
        content, issues = load_content_cached(root, version)
        errors = errors_only(issues)
        if errors:
            raise ContentError(errors)
        for issue in issues:
            log.info(issue.format())
        inputs = pages_version(root, version, lang, directory_urls, site_url, repository,
                               json.dumps(manifest, sort_keys=True))
        shown = derived_content(root, content, lang, version)
        pages = cached(f"pages-{lang}", root, inputs,
                       lambda: build_pages(shown, lang, Router(directory_urls), site_url, root, repository, content,
                                           manifest))
        return cls(root=root, lang=lang, content=shown, pages=pages,
                   revision_dates=git_revision_dates(root), pages_inputs=inputs)

    def reuse(self, kind: str, compute: Callable[[], T]) -> T:
        """Returns `compute()` for this language, reused while the pages' inputs (content, code,
        templates, build settings including the site URL) are the same: for outputs made like the
        pages, e.g. llms.txt."""
        return cached(f"{kind}-{self.lang}", self.root, self.pages_inputs, compute)

    def revision_date(self, page: GeneratedPage) -> str | None:
        """Returns the date of the newest commit touching any file behind `page`."""
        dates = [self.revision_dates[source] for source in page.source_paths if source in self.revision_dates]
        return max(dates) if dates else None

    def __post_init__(self) -> None:
        self._by_uri = {page.uri: page for page in self.pages}

    def page(self, uri: str) -> GeneratedPage | None:
        """Returns the generated page with this source URI, if any."""
        return self._by_uri.get(uri)


RENDERING_PACKAGES = ("Jinja2", "Markdown", "nh3", "pypinyin", "MarkupSafe")
PAGE_INPUTS = ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")


def pages_version(root: Path, content_digest: str, lang: str, *args: object) -> str:
    """Returns a hash of everything the generated pages of a language are made from: the content
    digest (`content_version`: content files and our code), the templates, the project files pages
    show, the versions of the rendering libraries, and the build settings in `args`."""
    parts: list[str | bytes] = [content_digest, lang, *(repr(arg) for arg in args)]
    parts += [f"{name}={metadata.version(name)}" for name in RENDERING_PACKAGES]
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            parts += [path.relative_to(TEMPLATES).as_posix(), path.read_bytes()]
    for name in PAGE_INPUTS:
        parts += [name, (root / name).read_bytes() if (root / name).is_file() else b""]
    return digest(*parts)


def git_revision_dates(root: Path) -> dict[str, str]:
    """Returns `path -> YYYY-MM-DD` of the newest commit touching each file under content/, and
    of each folder the newest of its files."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--", "content", "CONTRIBUTING.md", "CONTRIBUTING.zh.md"],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        log.info("no git history found: pages get no last-updated date")
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            stamp = datetime.fromtimestamp(int(line[1:]), tz=UTC)
            current = stamp.strftime("%Y-%m-%d")
        elif line.strip() and line not in dates:
            dates[line] = current  # git lists the newest commit first: a path's first date is its newest
            folder = line.rpartition("/")[0]
            while folder and folder not in dates:
                dates[folder] = current
                folder = folder.rpartition("/")[0]
    return dates

