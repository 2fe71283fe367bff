"""dist/manifest.json: every exported file with its size, SHA-256, language and page or chapter
count, and the commit they were all built from (the downloads page lists it)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from primer.build.sitebuild import MANIFEST
from primer.exports.edition import Edition
from primer.languages import CODES, LANGUAGES

FileFacts = dict[str, dict[str, int]]  # file path -> {"pages": n} or {"chapters": n}
# Longest first, so `-zh-Hant.` is not read as `zh`; folders (`llms/zh-hant/`) and codes both name one.
NAMES = {name: lang.code for lang in LANGUAGES for name in (lang.code, lang.folder)}
LANGUAGE_OF_FILE = re.compile(r"(?:^|/|-)(" + "|".join(map(re.escape, sorted(NAMES, key=len, reverse=True)))
                              + r")(?:\.|/)")


def file_languages(path: str) -> list[str]:
    """Returns the languages a file holds: its own for per-language files, else all of them."""
    found = LANGUAGE_OF_FILE.search(path)
    return [NAMES[found.group(1)]] if found else list(CODES)


def write_manifest(folder: Path, edition: Edition, facts: FileFacts) -> None:
    """Writes the manifest of the files in `folder`; `facts` adds counts by path."""
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        data = path.read_bytes()
        name = path.relative_to(folder).as_posix()
        files.append({"path": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                      "languages": file_languages(name), **facts.get(name, {})})
    manifest = {"version": 2, "commit": edition.commit, "date": edition.timestamp, "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
