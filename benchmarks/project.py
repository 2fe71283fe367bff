"""Benchmark projects: a snapshot of the generator with some content, and the plain MkDocs twin.

A snapshot copies the code (build.py, primer/, templates/, overrides/, docs/, the
MkDocs files) so a benchmark measures one version of it even while the repository changes, and
so `build.py build` publishes into the snapshot's `site/`, never into the repository's."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from primer.languages import LANGUAGES

REPO = Path(__file__).resolve().parent.parent
SKIPPED = {".git", ".venv", "site", "dist", "node_modules", "benchmarks", "tests", "test-artifacts", "content",
           ".pytest_cache", ".mypy_cache", ".ruff_cache", "__pycache__", "assets"}
LANG_CONFIGS = {language.code: language.config for language in LANGUAGES}


@dataclass(frozen=True, slots=True)
class Project:
    """A benchmark project: a root with build.py and content/, and its plain twin."""

    name: str
    root: Path
    plain: Path


def snapshot(content: Path, dest: Path, *, git: bool = False) -> Path:
    """Copies the generator and `content` into `dest`; returns `dest`.

    Arguments:
        git: link the repository's `.git` so pages get their real last-updated dates (only
            meaningful when `content` is the repository's own content).
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name in SKIPPED or entry.name.startswith((".site-", ".dist-")) or entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif entry.is_file():
            shutil.copy2(entry, dest / entry.name)
    if content.resolve() != (dest / "content").resolve():
        shutil.copytree(content, dest / "content")
    if git and (REPO / ".git").is_dir():
        os.symlink(REPO / ".git", dest / ".git")
    return dest


def code_digest(root: Path) -> str:
    """Returns a short hash of the generator code of a project (the repository changes while we measure)."""
    digest = hashlib.sha256()
    files = [root / "build.py", root / "mkdocs.yml", root / "mkdocs.en.yml"]
    for folder in ("primer", "templates", "overrides"):
        files += sorted(path for path in (root / folder).rglob("*")
                        if path.is_file() and "__pycache__" not in path.parts)
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def repository_head() -> str:
    """Returns the commit the repository's HEAD names, read from .git (uncommitted work is not in it)."""
    git = REPO / ".git"
    head = (git / "HEAD").read_text().strip() if (git / "HEAD").is_file() else ""
    if not head.startswith("ref: "):
        return head
    ref = head[5:]
    if (git / ref).is_file():
        return (git / ref).read_text().strip()
    packed = git / "packed-refs"
    lines = packed.read_text().splitlines() if packed.is_file() else []
    return next((line.split()[0] for line in lines if line.endswith(" " + ref)), "")


def extract_pages(root: Path, lang: str, cache: Path) -> tuple[list[Any], str, list[tuple[str, str]]]:
    """Runs the `on_config` event of a project's plugins; returns (nav, jieba user dictionary, [(uri, markdown)]).

    The generated Markdown and navigation are exactly what our plugin hands to MkDocs. A child
    interpreter runs them, so the project imports its own copy of `primer` and nothing of it
    meets this process's modules; `cache` is its PRIMER_CACHE_DIR (the user dictionary lives there)."""
    env = dict(os.environ, PRIMER_CACHE_DIR=str(cache), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", EXTRACT, str(root), LANG_CONFIGS[lang]], cwd=root, env=env,
                            capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    return data["nav"], data["jieba_dict"], [(uri, markdown) for uri, markdown in data["pages"]]


EXTRACT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1] + "/" + sys.argv[2])
config = config.plugins.on_config(config)
json.dump({"nav": config.nav or [], "pages": [[p.uri, p.markdown] for p in config.plugins["primer"].build.pages],
           "jieba_dict": str(config.plugins["material/search"].config.jieba_dict_user or "")}, sys.stdout)
"""


def plain_config(root: Path, lang: str, nav: list[Any], jieba_dict: str) -> dict[str, Any]:
    """Returns a config that inherits ours and removes what is ours: the primer plugin and theme overrides.

    Inheriting keeps the theme, palette, features, Markdown extensions, validation and search
    settings identical; the navigation is the one our hook computed."""
    search: dict[str, Any] = {"jieba_dict_user": jieba_dict} if jieba_dict else {}
    return {"INHERIT": str(root / LANG_CONFIGS[lang]), "docs_dir": f"docs-{lang}", "site_dir": f"site/{lang}",
            "watch": [], "theme": {"custom_dir": "stock-theme"}, "nav": nav,
            "plugins": {"search": search, "primer": {"enabled": False}}}


def write_plain(root: Path, plain: Path) -> Path:
    """Writes the plain MkDocs + Material twin of `root`: the same generated Markdown, nav, assets,
    theme, Markdown extensions and search settings, and none of our hooks or overrides."""
    if plain.exists():
        shutil.rmtree(plain)
    (plain / "stock-theme").mkdir(parents=True)  # an empty overrides folder: Material as shipped
    for lang in LANG_CONFIGS:
        nav, jieba_dict, pages = extract_pages(root, lang, plain / f"extract-cache-{lang}")
        docs = plain / f"docs-{lang}"
        shutil.copytree(root / "docs", docs)
        for uri, markdown in pages:
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(markdown, encoding="utf-8")
        config = plain_config(root, lang, nav, jieba_dict)
        (plain / LANG_CONFIGS[lang]).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                                encoding="utf-8")
    return plain
