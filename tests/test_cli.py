"""build.py: check (with --fix, --strict, annotations), new, status, usage errors."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

import build
from primer.content.scaffold import scaffold
from primer.content.schemas import KINDS, schema
from primer.content.yamlsource import load_yaml
from tests.helpers import FIXTURES, ROOT


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    """A writable copy of the tiny fixture content."""
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    return tmp_path


def test_check_passes_on_real_content(capsys: pytest.CaptureFixture[str]) -> None:
    """The published content is clean, warnings included."""
    assert build.main(["check", "--strict"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_check_reports_every_issue_of_the_broken_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1 and one line per problem, in the same order as the golden list."""
    assert build.main(["--root", str(FIXTURES / "broken"), "check"]) == 1
    expected = (FIXTURES / "broken" / "expected-issues.txt").read_text(encoding="utf-8")
    assert capsys.readouterr().err == expected


def test_check_prints_github_annotations(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Under GitHub Actions each problem also becomes an ::error annotation."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    build.main(["--root", str(FIXTURES / "broken"), "check"])
    assert "::error file=content/timeline/bad-date.yml,line=2::'date' '2023-13' has no month 13" in capsys.readouterr().err


def test_fix_round_trips(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--fix removes typography warnings and a second run finds nothing to change."""
    body = mini / "content/sections/01-basics/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + "\n模型有175B参数,很大(真的)。\n", encoding="utf-8")
    assert build.main(["--root", str(mini), "check", "--strict"]) == 1
    assert build.main(["--root", str(mini), "check", "--fix"]) == 0
    assert body.read_text(encoding="utf-8").endswith("\n模型有 175B 参数，很大（真的）。\n")
    fixed = body.read_text(encoding="utf-8")
    assert build.main(["--root", str(mini), "check", "--strict", "--fix"]) == 0
    assert body.read_text(encoding="utf-8") == fixed


@pytest.mark.parametrize("kind", ["source", "term", "event", "figure"])
def test_scaffolds_pass_check_and_their_schema(mini: Path, kind: str) -> None:
    """A new file is valid content (its TODOs are warnings) and matches its JSON Schema."""
    path = scaffold(mini, kind, f"new-{kind}", source="brown-2020-gpt3", today=datetime.date(2026, 11, 28))
    assert build.main(["--root", str(mini), "check"]) == 0
    assert build.main(["--root", str(mini), "check", "--strict"]) == 1  # TODOs remain
    data = load_yaml(path, str(path)).data
    jsonschema.validate(data, schema(kind))
    assert "zh" in data and "en" in data if kind != "source" else data["url"].startswith("https://")


def test_new_refuses_bad_ids_and_missing_sources(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Usage problems exit 2 with a message saying what to do, and write nothing."""
    assert build.main(["--root", str(mini), "new", "term", "Bad_Id", "--source", "brown-2020-gpt3"]) == 2
    assert build.main(["--root", str(mini), "new", "term", "rag"]) == 2
    assert build.main(["--root", str(mini), "new", "event", "x", "--source", "nope"]) == 2
    err = capsys.readouterr().err
    assert "not a valid id" in err and "add --source" in err and "create it first" in err
    assert not (mini / "content/glossary/rag.yml").exists()


def test_status_detects_a_changed_chinese_source(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After --mark-all everything is current; editing zh makes exactly that item stale."""
    assert build.main(["--root", str(mini), "status", "--mark-all"]) == 0
    assert build.main(["--root", str(mini), "status", "--strict"]) == 0
    term = mini / "content/glossary/llm.yml"
    term.write_text(term.read_text(encoding="utf-8").replace("在海量文本上", "在大量文本上"), encoding="utf-8")
    capsys.readouterr()
    assert build.main(["--root", str(mini), "status", "--strict"]) == 1
    out = capsys.readouterr().out
    assert "content/glossary/llm.yml: stale: English term 'llm'" in out
    assert out.count(": stale:") == 1
    assert build.main(["--root", str(mini), "status", "--mark", "llm"]) == 0
    assert build.main(["--root", str(mini), "status", "--strict"]) == 0


def test_real_translations_are_recorded_and_current() -> None:
    """Every English text of the real content records the Chinese it follows."""
    from primer.content.loader import load_content
    from primer.content.translation import translation_states

    states = translation_states(load_content(ROOT)[0])
    assert [s.path for s in states if s.status != "current"] == []


def test_every_content_file_matches_its_schema() -> None:
    """The JSON Schemas (used by editors) accept all real content."""
    pairs = [("source", "content/sources/*.yml"), ("term", "content/glossary/*.yml"),
             ("event", "content/timeline/*.yml"), ("document", "content/*/*/meta.yml"),
             ("eras", "content/eras.yml"), ("taxonomy", "content/taxonomy.yml"), ("names", "content/names.yml"),
             ("figure", "content/figures/*.yml"), ("hant-phrases", "content/zh-hant/phrases.yml")]
    for kind, pattern in pairs:
        for path in sorted(ROOT.glob(pattern)):
            jsonschema.validate(load_yaml(path, str(path)).data, schema(kind))
    assert set(KINDS) == {kind for kind, _ in pairs}


def test_editor_settings_map_every_schema() -> None:
    """.vscode/settings.json wires each schema to its files."""
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert {Path(key).name for key in settings["yaml.schemas"]} == {f"{kind}.schema.json" for kind in KINDS}


def test_usage_error_exits_2() -> None:
    """Unknown commands are usage errors."""
    assert build.main(["frobnicate"]) == 2


def test_build_takes_several_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """`build --lang` can be repeated; the languages build in edition order, each once, and without
    it every language builds."""
    asked: list[list[str]] = []
    monkeypatch.setattr(build, "build", lambda root, langs, parallel: asked.append(langs) or 0)
    assert build.main(["build", "--lang", "en", "--lang", "zh", "--lang", "en"]) == 0
    assert build.main(["build"]) == 0
    assert asked == [["zh", "en"], ["zh", "en", "zh-Hant"]]


def test_exports_of_one_language_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`build --with-exports` makes every language's exports: with `--lang` it exits 2 and says why."""
    assert build.main(["build", "--with-exports", "--lang", "en"]) == 2
    assert "--with-exports builds every language" in capsys.readouterr().err
