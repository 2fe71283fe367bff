"""Reproducible output: the same commit builds to byte-identical site/ and dist/."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from primer.sitebuild import build_environment
from tests.helpers import FIXTURES, make_project, run_build
from tests.test_build import digest

pytestmark = pytest.mark.slow


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path: Path) -> None:
    """Build and export twice (fresh copies, same SOURCE_DATE_EPOCH): every byte matches, whether
    the build caches are empty (a), shared with an earlier copy (b) or this copy's own (b again)."""
    digests = []
    env = {"SOURCE_DATE_EPOCH": "1764288000", "PRIMER_CACHE_DIR": str(tmp_path / "cache")}
    for run in ("a", "b"):
        project = make_project(tmp_path / run, FIXTURES / "mini" / "content")
        for command in ("export", "build"):
            result = run_build(project, command, env=env)
            assert result.returncode == 0, result.stderr
        digests.append((digest(project / "site"), digest(project / "dist")))
    assert digests[0] == digests[1]
    assert run_build(project, "build", env=env).returncode == 0
    assert digest(project / "site") == digests[0][0]


def test_source_date_epoch_comes_from_the_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds of a checkout date themselves by its last commit, not by the clock."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": "2025-01-02T03:04:05Z", "GIT_COMMITTER_DATE": "2025-01-02T03:04:05Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "x"]):
        subprocess.run(command, cwd=tmp_path, check=True, env=env)
    assert build_environment(tmp_path)["SOURCE_DATE_EPOCH"] == "1735787045"
