"""What the offline archive holds: the lunr files Material's search worker imports per language
(the whole archive is checked against what Chromium loads in tests/test_offline_browser.py)."""

from __future__ import annotations

import pytest

from primer.exports.offline import local_target, search_packs


@pytest.mark.parametrize(("langs", "expected"), [
    (["en"], []),
    (["zh"], ["min/lunr.stemmer.support.min.js", "min/lunr.zh.min.js"]),
    (["en", "zh"], ["min/lunr.stemmer.support.min.js", "min/lunr.zh.min.js", "min/lunr.multi.min.js"]),
    (["ja"], ["min/lunr.stemmer.support.min.js", "tinyseg.js", "min/lunr.ja.min.js"]),
    (["th"], ["min/lunr.stemmer.support.min.js", "wordcut.js", "min/lunr.th.min.js"]),
])
def test_search_packs_are_those_material_s_worker_imports(langs: list[str], expected: list[str]) -> None:
    """One pack per language but English, segmenters for ja/hi/th, the multi pack for several."""
    script = 'var __index = {"config": {"lang": ' + str(langs).replace("'", '"') + '}, "docs": []}'
    assert list(search_packs("zh", script)) == [f"zh/assets/javascripts/lunr/{name}" for name in expected]


@pytest.mark.parametrize(("reference", "expected"), [
    ("../assets/x.css", "zh/assets/x.css"),
    ("../assets/x.js?v=1#y", "zh/assets/x.js"),
    ("https://unpkg.com/x", None),
    ("//cdn.example.org/x", None),
    ("data:image/svg+xml,abc", None),
    ("#top", None),
])
def test_references_resolve_inside_the_archive_or_not_at_all(reference: str, expected: str | None) -> None:
    """Relative references resolve against the page; other hosts, data URLs and fragments load nothing here."""
    assert local_target("zh/sections/history.html", reference) == expected
