"""primer.exports.manifest: dist/manifest.json lists every exported file with its facts and languages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from primer.exports.edition import Edition
from primer.exports.manifest import file_languages, write_manifest
from primer.languages import CODES


@pytest.mark.parametrize(("path", "languages"), [
    ("large-model-primer-zh.epub", ["zh"]),
    ("large-model-primer-en.pdf", ["en"]),
    ("large-model-primer-zh-hant.pdf", ["zh-Hant"]),
    ("large-model-primer-zh-Hant.html", ["zh-Hant"]),
    ("llms/zh-hant/llms.txt", ["zh-Hant"]),
    ("llms/en/llms-full.txt", ["en"]),
    ("large-model-primer-offline.zip", list(CODES)),
    ("data/glossary.json", list(CODES)),
    ("data/energy.json", list(CODES)),
])
def test_a_files_languages_come_from_its_name(path: str, languages: list[str]) -> None:
    """A per-language file holds its language (code or URL folder in its name); any other holds all."""
    assert file_languages(path) == languages


def test_the_manifest_lists_every_file_with_size_hash_and_counts(tmp_path: Path) -> None:
    """Every file but the manifest itself, sorted by path, with bytes, SHA-256, languages and its counts."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data/glossary.json").write_bytes(b"[]")
    (tmp_path / "large-model-primer-en.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "manifest.json").write_text("stale", encoding="utf-8")
    write_manifest(tmp_path, Edition(commit="abc123", epoch=1735787045), {"large-model-primer-en.pdf": {"pages": 3}})
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == {"version": 2, "commit": "abc123", "date": "2025-01-02T03:04:05Z", "files": [
        {"path": "data/glossary.json", "bytes": 2, "sha256": hashlib.sha256(b"[]").hexdigest(), "languages": list(CODES)},
        {"path": "large-model-primer-en.pdf", "bytes": 8, "sha256": hashlib.sha256(b"%PDF-1.7").hexdigest(),
         "languages": ["en"], "pages": 3}]}
