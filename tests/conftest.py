"""Session fixtures: sites built once from the tiny bilingual fixture and from the real content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FIXTURES, make_project, run_build


def _built(tmp_path_factory: pytest.TempPathFactory, name: str, content: Path | None) -> Path:
    project = make_project(tmp_path_factory.mktemp(name), content)
    result = run_build(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the tiny fixture content, built."""
    return _built(tmp_path_factory, "mini", FIXTURES / "mini" / "content")


@pytest.fixture(scope="session")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the real content, built."""
    return _built(tmp_path_factory, "real", None)


@pytest.fixture(scope="session")
def real_site(real_project: Path) -> Path:
    """The built site of the real content."""
    return real_project / "site"


@pytest.fixture(scope="session")
def real_dist(real_project: Path) -> Path:
    """The exports of the real content (offline archive, single files, PDFs, data)."""
    result = run_build(real_project, "export")
    assert result.returncode == 0, result.stdout + result.stderr
    return real_project / "dist"
