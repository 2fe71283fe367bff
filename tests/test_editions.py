"""Editions' builds forked from the process that starts them: the same bytes, failures and stops reported."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jieba
import pytest

from primer.build import editions
from primer.build.editions import can_fork, fork_build, preload
from primer.build.sitebuild import language_command
from tests.helpers import FIXTURES, ROOT, make_project, run_build

STARTED_AFRESH = """
import sys
sys.path.insert(0, sys.argv[1])
import build
from primer.build import sitebuild
sitebuild.can_fork = lambda root: False
raise SystemExit(build.main(["--root", sys.argv[1], "build"]))
"""


def same_files(first: Path, second: Path) -> list[str]:
    """Returns the paths under two folders that are missing from one or differ in bytes."""
    comparison = filecmp.dircmp(first, second)
    _, differing, errors = filecmp.cmpfiles(first, second, comparison.common_files, shallow=False)
    found = [*comparison.left_only, *comparison.right_only, *differing, *errors]
    return found + [f"{name}/{path}" for name in comparison.common_dirs
                    for path in same_files(first / name, second / name)]


def test_forked_builds_write_the_same_site_as_builds_started_afresh(tmp_path: Path) -> None:
    """`build.py build` with the editions forked writes the same bytes as with each started afresh."""
    project = make_project(tmp_path / "project", FIXTURES / "mini" / "content")
    forked = run_build(project, "build")
    assert forked.returncode == 0, forked.stdout + forked.stderr
    shutil.move(project / "site", tmp_path / "forked")
    env = dict(os.environ, PYTHONHASHSEED="0", PRIMER_CACHE_DIR=str(tmp_path / "other-cache"))
    started = subprocess.run([sys.executable, "-c", STARTED_AFRESH, str(project)], cwd=project, env=env,
                             capture_output=True, text=True, timeout=600)
    assert started.returncode == 0, started.stdout + started.stderr
    assert same_files(tmp_path / "forked", project / "site") == []


@pytest.mark.parametrize(("hash_randomization", "threads", "own_code", "expected"), [
    (0, 1, True, True),
    (1, 1, True, False),  # another hash seed: other set orders than the builds have
    (0, 2, True, False),  # another thread's locks would stay held in the fork
    (0, 1, False, False),  # the project has its own copy of the code
])
def test_builds_are_forked_only_where_they_stay_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          hash_randomization: int, threads: int, own_code: bool,
                                                          expected: bool) -> None:
    """Builds are forked only with the fixed hash seed, one thread and the project's own code."""
    monkeypatch.setattr(editions.threading, "active_count", lambda: threads)
    root = ROOT if own_code else make_project(tmp_path / "copy", FIXTURES / "mini" / "content")
    assert can_fork(root, hash_randomization) is expected


def test_a_forked_build_reports_its_failure_in_its_log(tmp_path: Path) -> None:
    """A forked build that fails exits 1, with MkDocs' reason in its log."""
    command = language_command(tmp_path, "zh", tmp_path / "out")  # no mkdocs.yml there
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        assert fork_build(command, cwd=tmp_path, env=dict(os.environ), log=log).wait() == 1
        log.seek(0)
        assert "mkdocs.yml" in log.read()


def test_a_forked_build_can_be_stopped(tmp_path: Path) -> None:
    """A forked build is killed when asked, as a failed check stops the builds."""
    command = language_command(ROOT, "zh", tmp_path / "out")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        build = fork_build(command, cwd=ROOT, env=dict(os.environ), log=log)
        build.kill()
        assert build.wait() == -9
        assert build.poll() == -9


@pytest.mark.parametrize(("memo", "loaded"), [(False, True), (True, False)])
def test_jieba_is_loaded_before_forking_only_on_a_first_build(cache_folder: Path, monkeypatch: pytest.MonkeyPatch,
                                                             memo: bool, loaded: bool) -> None:
    """The dictionary is loaded once before forking when no segmentation is cached, else left to the builds."""
    calls: list[str] = []
    monkeypatch.setattr(jieba, "initialize", lambda: calls.append("initialize"))
    if memo:
        (cache_folder / "primer-jieba-memo-0123456789abcdef.json").write_text("{}", encoding="utf-8")
    preload()
    assert calls == (["initialize"] if loaded else [])
