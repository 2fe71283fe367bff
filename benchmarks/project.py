"""Benchmark projects: a snapshot of the generator with some content, and the plain MkDocs twin.

A snapshot copies the code (build.py, primer/, hooks/, templates/, overrides/, docs/, the
MkDocs files) so a benchmark measures one version of it even while the repository changes, and
so `build.py build` publishes into the snapshot's `site/`, never into the repository's."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SKIPPED = {".git", ".venv", "site", "dist", "node_modules", "benchmarks", "tests", "test-artifacts", "content",
           ".pytest_cache", ".mypy_cache", ".ruff_cache", "__pycache__", "assets"}
LANG_CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
# The theme and search settings the plain twin keeps (everything that is not ours).
PLAIN_KEYS = ("site_name", "site_description", "site_url", "site_author", "copyright", "strict", "extra_css",
              "extra_javascript", "markdown_extensions", "validation", "use_directory_urls")


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


def extract_pages(root: Path, lang: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Runs our `on_config` hooks on a project and returns (config values, [(uri, markdown)]).

    The generated Markdown and navigation are exactly what our hooks hand to MkDocs."""
    sys.path.insert(0, str(root))
    try:
        from mkdocs.config import load_config

        config = load_config(config_file=str(root / LANG_CONFIGS[lang]))
        config = config.plugins.on_config(config)
        state = config["primer_state"]
        values = {key: config[key] for key in PLAIN_KEYS}
        values["theme"] = theme_settings(root, lang)
        values["nav"] = config.nav
        values["search"] = dict(config.plugins["material/search"].config)
        return values, [(page.uri, page.markdown) for page in state.pages]
    finally:
        sys.path.remove(str(root))
        for name in [name for name in sys.modules if name == "primer" or name.startswith("primer.")]:
            del sys.modules[name]


def theme_settings(root: Path, lang: str) -> dict[str, Any]:
    """Returns our theme settings without our overrides folder (a stock Material theme)."""
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        theme: dict[str, Any] = yaml.load(handle, Loader=_EnvLoader)["theme"]
    if lang != "zh":
        with open(root / LANG_CONFIGS[lang], encoding="utf-8") as handle:
            theme.update(yaml.load(handle, Loader=_EnvLoader).get("theme", {}))
    theme.pop("custom_dir", None)
    return theme


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` tags as their default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]


def write_plain(root: Path, plain: Path) -> Path:
    """Writes the plain MkDocs + Material twin of `root`: the same generated Markdown, nav, assets,
    theme, Markdown extensions and search settings, and none of our hooks or overrides."""
    if plain.exists():
        shutil.rmtree(plain)
    for lang in LANG_CONFIGS:
        values, pages = extract_pages(root, lang)
        docs = plain / f"docs-{lang}"
        shutil.copytree(root / "docs", docs)
        for uri, markdown in pages:
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(markdown, encoding="utf-8")
        search = {key: value for key, value in values.pop("search").items()
                  if key in ("lang", "separator", "jieba_dict_user") and value}
        config = {**values, "docs_dir": f"docs-{lang}", "site_dir": f"site/{lang}", "plugins": [{"search": search}]}
        (plain / LANG_CONFIGS[lang]).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                                encoding="utf-8")
    return plain
