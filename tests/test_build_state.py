"""primer.build.state: what a language's build reuses (the pages' inputs digest) and the last-updated
dates it reads from git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import primer.build.state as state
from primer.build.state import BuildState, git_revision_dates, pages_version
from primer.model import Content
from primer.pages.generate import GeneratedPage
from primer.pages.render import TEMPLATES
from primer.pages.routes import SiteUrls

SETTINGS = (True, "https://example.org/", "owner/repo", "{}")  # directory_urls, site_url, repository, manifest


def commit(folder: Path, date: str, *files: str) -> None:
    """Writes `files` (new text each time) and commits them in `folder` at `date` (ISO 8601, UTC)."""
    for name in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{name} at {date}\n", encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_COMMITTER_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", date]):
        subprocess.run(command, cwd=folder, check=True, env=env)


def test_pages_version_is_the_same_for_the_same_inputs(tmp_path: Path) -> None:
    """Two computations from unchanged inputs agree: a warm build reuses its pages."""
    assert pages_version(tmp_path, "c1", "zh", *SETTINGS) == pages_version(tmp_path, "c1", "zh", *SETTINGS)


@pytest.mark.parametrize("change", ["content", "lang", "site_url", "manifest"])
def test_pages_version_changes_with_the_content_language_and_build_settings(tmp_path: Path, change: str) -> None:
    """A new content digest, another language or another build setting gives other pages."""
    before = pages_version(tmp_path, "c1", "zh", *SETTINGS)
    content, lang, settings = "c1", "zh", list(SETTINGS)
    if change == "content":
        content = "c2"
    elif change == "lang":
        lang = "en"
    else:
        settings[1 if change == "site_url" else 3] = "changed"
    assert pages_version(tmp_path, content, lang, *settings) != before


def test_pages_version_changes_with_a_page_input_file(tmp_path: Path) -> None:
    """Editing CONTRIBUTING.zh.md (the contributing page shows it) makes the pages stale."""
    (tmp_path / "CONTRIBUTING.zh.md").write_text("一\n", encoding="utf-8")
    before = pages_version(tmp_path, "c1", "zh", *SETTINGS)
    (tmp_path / "CONTRIBUTING.zh.md").write_text("二\n", encoding="utf-8")
    assert pages_version(tmp_path, "c1", "zh", *SETTINGS) != before


def test_pages_version_changes_with_a_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing any template under templates/ makes the pages stale."""
    templates = shutil.copytree(TEMPLATES, tmp_path / "templates")
    monkeypatch.setattr(state, "TEMPLATES", templates)
    before = pages_version(tmp_path, "c1", "zh", *SETTINGS)
    page = next(path for path in sorted(templates.rglob("*")) if path.is_file())
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pages_version(tmp_path, "c1", "zh", *SETTINGS) != before


def test_git_dates_give_a_file_its_newest_commit_and_a_folder_its_newest_file(tmp_path: Path) -> None:
    """A file's date is its last commit's; a folder's is that of the newest file under it."""
    commit(tmp_path, "2024-03-01T12:00:00Z", "content/glossary/a.yml", "content/glossary/b.yml")
    commit(tmp_path, "2025-06-30T23:59:59Z", "content/glossary/a.yml")
    assert git_revision_dates(tmp_path) == {
        "content/glossary/a.yml": "2025-06-30", "content/glossary": "2025-06-30", "content": "2025-06-30",
        "content/glossary/b.yml": "2024-03-01"}


def test_git_dates_leave_out_files_outside_content(tmp_path: Path) -> None:
    """Only content/ and the contributing guides date pages: a commit to code dates nothing."""
    commit(tmp_path, "2024-03-01T12:00:00Z", "content/a.yml", "CONTRIBUTING.md", "primer/x.py")
    assert set(git_revision_dates(tmp_path)) == {"content/a.yml", "content", "CONTRIBUTING.md"}


def test_without_git_history_pages_get_no_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the project outside any git checkout builds with no last-updated dates."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert git_revision_dates(tmp_path) == {}


def test_a_page_is_as_new_as_the_newest_file_behind_it(content: Content) -> None:
    """A page made from several files takes the newest of their dates; one made from none has none."""
    pages = [GeneratedPage(uri="a.md", title="A", markdown="", edit_path="",
                           source_paths=("content/x.yml", "content/y.yml", "content/unknown.yml")),
             GeneratedPage(uri="b.md", title="B", markdown="", edit_path="", source_paths=())]
    built = BuildState(root=Path("."), lang="en", content=content, pages=pages,
                       urls=SiteUrls.computed({"a": "a.md", "b": "b.md"}, directory_urls=True),
                       revision_dates={"content/x.yml": "2025-01-31", "content/y.yml": "2025-02-01"})
    assert built.revision_date(pages[0]) == "2025-02-01"
    assert built.revision_date(pages[1]) is None
    assert built.page("a.md") is pages[0] and built.page("c.md") is None
