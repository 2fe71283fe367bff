"""A language build's state: the models the parent prepares are what every language's build reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import pytest

import build
from primer.build.state import BuildState, prepare_models
from primer.content import derived, loader
from primer.languages import CODES
from tests.helpers import FIXTURES, make_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the tiny fixture content (its models made per test, in the test's cache)."""
    return make_project(tmp_path_factory.mktemp("state") / "project", FIXTURES / "mini" / "content")


def refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    """Stands in for the loading and converting a build must not do again."""
    raise AssertionError("made again in a language's build")


def test_every_language_build_reads_the_prepared_models(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After prepare_models, no language's build reads a content file or converts the content."""
    prepare_models(project, CODES)
    monkeypatch.setattr(loader, "load_content", refuse)
    monkeypatch.setattr(derived, "derive", refuse)
    states = [BuildState.load(project, lang) for lang in CODES]
    assert [state.lang for state in states] == list(CODES)
    assert states[-1].content.terms["llm"].names("zh") != states[0].content.terms["llm"].names("zh")  # converted


def test_content_with_errors_is_left_to_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """prepare_models converts nothing for content with errors and raises nothing (the check reports them)."""
    broken = make_project(tmp_path / "broken", FIXTURES / "broken" / "content")
    monkeypatch.setattr(derived, "derive", refuse)
    prepare_models(broken, CODES)


def test_build_prepares_the_models_before_the_languages_start(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`build.py build` has the content model in the cache folder before it starts the languages' builds."""
    started: list[str] = []

    def languages_start(root: Path, langs: list[str], *_args: Any, **_kwargs: Any) -> list[Any]:
        monkeypatch.setattr(loader, "load_content", refuse)
        started.extend(state.lang for state in (BuildState.load(root, lang) for lang in langs))
        return []

    monkeypatch.setattr(build, "build_site", languages_start)
    assert build.build(project, list(CODES), parallel=True) == build.EXIT_OK
    assert started == list(CODES)
