"""primer.build.sitebuild: what the published site root says about each edition."""

from __future__ import annotations

from pathlib import Path

import pytest

from primer.build.sitebuild import hosted_url
from primer.languages import LANGUAGES

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
