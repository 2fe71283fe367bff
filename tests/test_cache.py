"""Caches between builds: private to the user, invalidated by any content or code change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from primer.build import cache
from primer.build.cache import content_version
from primer.checks.run import content_files, run_check, warnings_of
from primer.content.loader import load_content, load_content_cached
from primer.issues import relpath
from tests.helpers import FIXTURES


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "project" / "content")
    return tmp_path / "project"


def test_an_unchanged_tree_is_loaded_from_the_cache_and_any_change_reloads_it(project: Path) -> None:
    fresh = load_content(project)
    assert load_content_cached(project) == fresh
    assert len(list((project.parent / "cache").glob("primer-content-*.pickle"))) == 1
    assert load_content_cached(project) == fresh  # from the pickle

    body = project / "content/sections/01-basics/en.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    changed, _ = load_content_cached(project)
    assert changed.sections[0].body("en").endswith("One more sentence.\n")
    assert len(list((project.parent / "cache").glob("primer-content-*.pickle"))) == 1  # the old one is gone


def test_a_touched_file_changes_the_version(project: Path) -> None:
    before = content_version(project)
    meta = project / "content/sections/01-basics/meta.yml"
    info = meta.stat()
    os.utime(meta, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert content_version(project) != before


def test_check_reports_the_same_issues_from_the_cache(project: Path) -> None:
    zh = project / "content/sections/01-basics/zh.md"
    zh.write_text(zh.read_text(encoding="utf-8") + "\n使用GPT模型。TODO\n", encoding="utf-8")
    first = [issue.format() for issue in run_check(project)[1]]
    assert any("put one space between Chinese and Latin" in line for line in first)
    assert any("unfinished" in line for line in first)
    assert [issue.format() for issue in run_check(project)[1]] == first
    en_meta = project / "content/sections/01-basics/meta.yml"  # English-only YAML: TODO, no typography
    en_meta.write_text(en_meta.read_text(encoding="utf-8") + "# TODO: tags\n", encoding="utf-8")
    glossary = next((project / "content/glossary").glob("*.yml"))
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("zh:\n", "zh:\n  # 用GPT\n", 1),
                        encoding="utf-8")
    warnings = [issue for path in content_files(project) for issue in warnings_of(path, relpath(path, project))]
    fresh = sorted(set(load_content(project)[1] + warnings))
    assert run_check(project)[1] == fresh  # the memoized pass reports what reading every file again sees
    assert sum("unfinished" in issue.message for issue in fresh) == 2


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(shared))
    cache._private_folder.cache_clear()
    assert cache.cache_dir() != shared
    private = tmp_path / "private"
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(private))
    assert cache.cache_dir() == private
    assert private.stat().st_mode & 0o777 == 0o700


def test_after_editing_one_file_only_that_file_is_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import primer.content.loader

    parsed: list[str] = []
    real = primer.content.loader.load_yaml

    def counting(path: Path, shown: str) -> object:
        parsed.append(shown)
        return real(path, shown)

    monkeypatch.setattr(primer.content.loader, "load_yaml", counting)
    first = load_content_cached(project)
    assert len(parsed) > 5
    term = project / "content/glossary/transformer.yml"
    term.write_text(term.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parsed.clear()
    assert load_content_cached(project) == first
    assert parsed == ["content/glossary/transformer.yml"]


def test_a_relative_root_finds_the_same_file_entries(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-file memo keys files by their path under the project however the root was given."""
    from primer.issues import relpath

    assert relpath(project / "content" / "eras.yml", project) == "content/eras.yml"
    assert relpath(Path("content/eras.yml"), Path(".")) == "content/eras.yml"
    assert relpath(Path("/elsewhere/x.yml"), project) == "/elsewhere/x.yml"
    assert relpath(project.parent / "projectile" / "x.yml", project) == str(project.parent / "projectile" / "x.yml")
    memo = cache.FileMemo(project, "test")
    assert memo.get("k", project / "content/eras.yml", lambda: 1) == 1
    memo.save()
    monkeypatch.chdir(project)
    again = cache.FileMemo(Path("."), "test")
    assert again.get("k", Path("content/eras.yml"), lambda: 2) == 1  # found, not recomputed


def test_content_equality_sees_terms_sources_and_pages(project: Path) -> None:
    """The cache tests compare whole models: a change in a term, a source or a page makes them differ."""
    import dataclasses

    fresh, _ = load_content(project)
    term = next(iter(fresh.terms.values()))
    changed_term = dataclasses.replace(term, texts={**term.texts, "en": dataclasses.replace(term.texts["en"], definition="x")})
    assert dataclasses.replace(fresh, terms={**fresh.terms, term.id: changed_term}) != fresh
    assert dataclasses.replace(fresh, sources={}) != fresh
    assert dataclasses.replace(fresh, pages={}) != fresh
    assert load_content(project)[0] == fresh


def test_cache_files_written_by_moved_code_are_recomputed_not_fatal(project: Path) -> None:
    """A cache file whose pickled classes live in a module that has since moved (as after the
    package was regrouped) is a miss: the check still runs, and the memo starts afresh."""
    folder = project.parent / "cache"
    folder.mkdir(mode=0o700, exist_ok=True)
    moved = b"cprimer.yamlsource\nMapping\n)\x81."  # an object of a module that no longer exists
    (folder / "old.pickle").write_bytes(moved)
    assert cache.read_pickle(folder / "old.pickle") == (False, None)
    memo = cache.FileMemo(project, "yaml")
    memo.path.write_bytes(moved)
    assert load_content(project, cache.FileMemo(project, "yaml")) == load_content(project)


def test_the_file_memo_is_kept_per_code_version(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are objects of the package's classes: other code opens another memo, and the old one goes."""
    first = cache.FileMemo(project, "yaml").path
    first.write_bytes(b"\x80\x04}\x94.")  # an empty dict
    monkeypatch.setattr(cache, "code_version", lambda: "f" * 64)
    second = cache.FileMemo(project, "yaml").path
    assert second != first
    assert not first.exists()
