"""primer.build.sitebuild: what the published site root says about each edition."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from primer.build import sitebuild
from primer.build.sitebuild import LanguageBuild, hosted_url
from primer.content.loader import load_content
from primer.languages import LANGUAGES
from primer.model import Content
from tests.helpers import FIXTURES, make_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_each_edition_has_its_own_hosted_url(lang: str) -> None:
    """Every edition's config gives the hosted URL of its own folder (read through INHERIT)."""
    folder = next(language.folder for language in LANGUAGES if language.code == lang)
    assert hosted_url(ROOT, lang).endswith(f"/{folder}/")


def test_the_environment_overrides_a_hosted_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`!ENV` in an edition's config is honoured, and an inherited config's own site_url wins."""
    (tmp_path / "base.yml").write_text("site_name: x\nsite_url: https://base.example/\n", encoding="utf-8")
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\nsite_url: !ENV [PRIMER_TEST_URL, 'https://d.example/']\n",
                                        encoding="utf-8")
    monkeypatch.setattr("primer.build.sitebuild.language", lambda lang: type("L", (), {"config": "child.yml"})())
    assert hosted_url(tmp_path, "en") == "https://d.example/"
    monkeypatch.setenv("PRIMER_TEST_URL", "https://override.example/en/")
    assert hosted_url(tmp_path, "en") == "https://override.example/en/"


@pytest.mark.parametrize("valid", [True, False])
def test_the_check_runs_in_its_own_process_where_the_builds_fork(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 valid: bool) -> None:
    """Where the editions' builds are forked, the content check is forked too (it runs beside this
    process's imports); its verdict still decides: valid content is published with its data files,
    invalid content stops the builds and publishes nothing."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    content = load_content(project)[0]

    def check() -> Content | None:
        (tmp_path / f"checked-by-{os.getpid()}").touch()
        return content if valid else None

    def builds(*args: object, meanwhile: Callable[[], bool], **kwargs: object) -> list[LanguageBuild] | None:
        return [] if meanwhile() else None  # the editions' builds would run until the verdict

    monkeypatch.setattr(sitebuild, "can_fork", lambda root: True)
    monkeypatch.setattr(sitebuild, "build_languages", builds)
    assert sitebuild.build_site(project, ["zh"], lambda message: None, check) == ([] if valid else None)
    checked = [path.name for path in tmp_path.glob("checked-by-*")]
    assert len(checked) == 1 and checked[0] != f"checked-by-{os.getpid()}"
    assert (project / "site/data").is_dir() is valid
