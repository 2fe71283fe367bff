"""The downloads page: every export with its language, size, page or chapter count and SHA-256,
and the commit the files were built from, all read from the manifest of the exports made by the
same run (`build.py build --with-exports`), never from an earlier run's `dist/`; then the pages
the books (EPUB, PDF, single file) hold, read from the site map."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from primer.build.sitebuild import MANIFEST
from primer.languages import CODES, LANGUAGES, language
from primer.pages.render import render, ui_strings
from primer.pages.routes import SiteUrls

if TYPE_CHECKING:
    from primer.pages.sitemap import SitePage

EXPORT_STEM = "large-model-primer"
ARCHIVE = f"{EXPORT_STEM}-offline.zip"  # every language in one archive


def export_name(lang: str, suffix: str) -> str:
    """Returns the file name of one language's export (`large-model-primer-zh-hant.pdf`)."""
    return f"{EXPORT_STEM}-{language(lang).folder}.{suffix}"


def per_language(*suffixes: str) -> tuple[str, ...]:
    """Returns every language's export files of these kinds, in the registry's order."""
    return tuple(export_name(lang, suffix) for lang in CODES for suffix in suffixes)


DOWNLOAD_GROUPS = (
    ("offline", "download_offline", (ARCHIVE,)),
    ("epub", "download_epub", per_language("epub")),
    ("pdf", "download_pdf", per_language("pdf")),
    ("single", "download_single", per_language("html")),
    ("data", "download_data", ("data/glossary.json", "data/glossary.csv", "data/timeline.json", "data/taxonomy.json",
                               "data/charts.json", "data/charts.csv", "data/glossary.schema.json",
                               "data/timeline.schema.json", "data/taxonomy.schema.json",
                               "data/charts.schema.json")),
    ("llms", "download_llms", tuple(f"llms/{lang.folder}/{name}" for lang in LANGUAGES
                                    for name in ("llms.txt", "llms-full.txt"))),
)


@dataclass(frozen=True, slots=True)
class Download:
    """One row of the page: a file and what the manifest says about it (None before an export)."""

    path: str
    facts: dict[str, Any] | None

    @property
    def name(self) -> str:
        """Returns the file name without its folder."""
        return self.path.rsplit("/", 1)[-1]

    @property
    def folder(self) -> str:
        """Returns the folder inside the downloads, or ''."""
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""

    @property
    def format(self) -> str:
        """Returns the file format as readers name it (PDF, EPUB, ZIP …)."""
        return self.path.rsplit(".", 1)[-1].upper()


def read_manifest(exports: Path) -> dict[str, Any]:
    """Returns the manifest of an exports folder."""
    manifest: dict[str, Any] = json.loads((exports / MANIFEST).read_text(encoding="utf-8"))
    return manifest


def downloads_markdown(lang: str, manifest: dict[str, Any] | None, urls: SiteUrls, hosted: SiteUrls,
                       repository: str, book: Sequence[SitePage] = ()) -> str:
    """Returns the body of the downloads page: the files of `manifest` (None: this run made no
    exports), the offline build, made before its exports exist, linking to the hosted files; and
    the `book`'s pages (the site map's, in reading order), linked."""
    t = ui_strings()[lang]
    offline = not urls.directory_urls
    manifest = None if offline else manifest
    facts = {entry["path"]: entry for entry in (manifest or {}).get("files", [])}
    groups = [(anchor, t[label], [Download(path, facts.get(path)) for path in paths])
              for anchor, label, paths in DOWNLOAD_GROUPS]
    site_root = hosted.base.rstrip("/").rsplit("/", 1)[0] + "/" if hosted.base else ""
    base = f"{site_root}downloads/" if offline else "../../downloads/"
    commit = (manifest or {}).get("commit", "")
    contents = [(page.title, urls.href(urls.uri("downloads"), page.uri)) for page in book]
    return render("downloads.md.j2", t=t, groups=groups, base=base, offline=offline, built=bool(facts), book=contents,
                  commit=commit, date=(manifest or {}).get("date", "")[:10],
                  commit_url=f"{repository.rstrip('/')}/commit/{commit}" if repository and commit else "")
