"""Reproducible output: the same commit builds to byte-identical site/ and dist/."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest

from primer.build.sitebuild import build_environment
from tests.helpers import FIXTURES, ROOT, make_project, run_build
from tests.test_build import digest

pytestmark = pytest.mark.slow
COMMIT_DATE = "2025-01-02T03:04:05Z"
GIT_ENV = {"GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": "/usr/bin:/bin"}


def commit_all(folder: Path) -> None:
    """Makes `folder` a git checkout with one commit dated COMMIT_DATE (the same tree gives the same hash)."""
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "x"]):
        subprocess.run(command, cwd=folder, check=True, env=GIT_ENV)


def make_site_commands() -> list[list[str]]:
    """Returns the build.py commands of the README's `make site`, in the Makefile's order."""
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "Makefile has no site target"
    return [line.split("build.py", 1)[1].split() for line in recipe.group(1).splitlines() if "build.py" in line]


def test_two_default_builds_of_a_commit_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make site`'s commands without SOURCE_DATE_EPOCH, in two fresh checkouts of one commit: every byte
    matches, whether the build caches are empty (a), shared with the other copy (b) or its own (b again)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {"PRIMER_CACHE_DIR": str(tmp_path / "cache")}
    commands = make_site_commands()
    assert commands == [["build", "--with-exports"]]
    digests = []
    for run in ("a", "b"):
        project = make_project(tmp_path / run, FIXTURES / "mini" / "content")
        commit_all(project)
        for command in commands:
            result = run_build(project, *command, env=env)
            assert result.returncode == 0, result.stderr
        digests.append((digest(project / "site"), digest(project / "dist")))
    assert digests[0] == digests[1]
    assert run_build(project, *commands[0], env=env).returncode == 0
    assert (digest(project / "site"), digest(project / "dist")) == digests[0]


def test_exports_are_dated_by_the_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH the PDF, the EPUB, the zip entries and the manifest carry the commit's time."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    commit_all(project)
    result = run_build(project, "export", env={"PRIMER_CACHE_DIR": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    dist = project / "dist"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True)
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["date"] == COMMIT_DATE and manifest["commit"] == head.stdout.strip()
    with pikepdf.open(dist / "large-model-primer-en.pdf") as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20250102030405Z"
    with zipfile.ZipFile(dist / "large-model-primer-en.epub") as epub:
        assert f'<meta property="dcterms:modified">{COMMIT_DATE}</meta>' in epub.read("EPUB/package.opf").decode()
        assert {entry.date_time for entry in epub.infolist()} == {(2025, 1, 2, 3, 4, 4)}  # zip keeps even seconds
    with zipfile.ZipFile(dist / "large-model-primer-offline.zip") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2025, 1, 2, 3, 4, 4)}


def test_source_date_epoch_comes_from_the_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds of a checkout date themselves by its last commit, not by the clock."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    commit_all(tmp_path)
    assert build_environment(tmp_path)["SOURCE_DATE_EPOCH"] == "1735787045"
