"""Builds both languages into a temporary folder and swaps it into `site/` only on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from primer.exports.data import write_data
from primer.model import Content
from primer.render import render

LANG_CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
DEFAULT_LANG = "zh"
MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class LanguageBuild:
    """The outcome of one language's `mkdocs build`."""

    lang: str
    ok: bool
    output: str


def build_environment(root: Path) -> dict[str, str]:
    """Returns the environment for MkDocs: quiet about MkDocs 2, reproducible dates."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    if "SOURCE_DATE_EPOCH" not in env:
        epoch = last_commit_epoch(root)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    return env


def last_commit_epoch(root: Path) -> str:
    """Returns the Unix time of the last commit, or '' outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                                text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip()


def build_language(root: Path, lang: str, out: Path, env: dict[str, str]) -> LanguageBuild:
    """Runs a strict MkDocs build of one language into `out`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "-f", str(root / LANG_CONFIGS[lang]), "-d", str(out)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    return LanguageBuild(lang=lang, ok=result.returncode == 0, output=(result.stdout + result.stderr).strip())


def build_languages(root: Path, langs: list[str], staging: Path, progress: Callable[[str], None],
                    parallel: bool = True, extra_env: dict[str, str] | None = None,
                    label: str = "") -> list[LanguageBuild]:
    """Builds each language into `staging/<lang>`, in parallel processes when asked."""
    env = build_environment(root) | (extra_env or {})
    for lang in langs:
        progress(f"building {label}{lang} …")
    workers = len(langs) if parallel else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda lang: build_language(root, lang, staging / lang, env), langs))
    for result in results:
        progress(f"built {label}{result.lang}" if result.ok else f"FAILED {label}{result.lang}")
    return results


def write_root_files(staging: Path, *, hosted: bool = True) -> None:
    """Writes the language chooser, and for the hosted site robots.txt and the top-level 404 page."""
    (staging / "index.html").write_text(render("root-index.html.j2", default=DEFAULT_LANG), encoding="utf-8")
    if not hosted:
        return
    (staging / "robots.txt").write_text(render("robots.txt.j2"), encoding="utf-8")
    not_found = staging / DEFAULT_LANG / "404.html"
    if not_found.exists():
        shutil.copyfile(not_found, staging / "404.html")


@lru_cache(maxsize=8)
def hosted_url(root: Path, lang: str) -> str:
    """Returns the configured absolute URL of a language's hosted site (SITE_URL_ZH/EN override it)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / LANG_CONFIGS[lang]))
    return str(config.site_url or "")


def write_published_extras(root: Path, content: Content, staging: Path) -> None:
    """Adds what the hosted site serves beside the language folders: data files and downloads."""
    write_data(content, staging / "data")  # llms.txt is written by each language's build (hooks/content.py)
    dist = root / "dist"
    if (dist / MANIFEST).is_file():
        shutil.copytree(dist, staging / "downloads")


def publish(staging: Path, target: Path) -> None:
    """Replaces `target` with `staging` by renames, so readers never see a half-written site."""
    previous = target.with_name(f".{target.name}-previous-{os.getpid()}")
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    if previous.exists():
        shutil.rmtree(previous)


def build_site(root: Path, content: Content, langs: list[str], progress: Callable[[str], None],
               parallel: bool = True) -> list[LanguageBuild]:
    """Builds `langs` and publishes `site/` atomically; returns the failed builds (none on success).

    Languages not rebuilt are carried over from the current `site/`."""
    target = root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable
    try:
        results = build_languages(root, langs, staging, progress, parallel)
        failed = [result for result in results if not result.ok]
        if failed:
            return failed
        for lang in LANG_CONFIGS:
            if lang not in langs and (target / lang).is_dir():
                shutil.copytree(target / lang, staging / lang)
        write_root_files(staging)
        write_published_extras(root, content, staging)
        publish(staging, target)
        return []
    finally:
        if staging.exists():
            shutil.rmtree(staging)
