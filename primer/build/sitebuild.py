"""Builds both languages into a temporary folder and swaps it into `site/` only on success."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from primer.build.editions import Build, can_fork, fork_build, fork_call, preload
from primer.exports.data import write_data
from primer.languages import CODES, DEFAULT, LANGUAGES, browser_routes, language
from primer.model import Content
from primer.pages.render import render

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
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


def source_date_epoch(root: Path) -> str:
    """Returns the date every output is stamped with: $SOURCE_DATE_EPOCH, else the last commit's
    time, else '' (outside a git checkout). The site and every export take their dates from here."""
    return os.environ.get("SOURCE_DATE_EPOCH") or last_commit_epoch(root)


def last_commit_epoch(root: Path) -> str:
    """Returns the Unix time of the last commit, or '' outside a git checkout."""
    return git_output(root, "log", "-1", "--format=%ct")


def git_output(root: Path, *arguments: str) -> str:
    """Returns what `git <arguments>` prints in `root`, stripped, or '' outside a git checkout."""
    try:
        result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip()


def language_command(root: Path, lang: str, out: Path, offline: bool = False, exports: Path | None = None) -> list[str]:
    """Returns the strict MkDocs build of one language into `out` (the file:// edition if `offline`;
    its downloads page listing `exports`, if given)."""
    config = root / language(lang).config
    return [sys.executable, "-m", "primer.build.mkdocs_run", str(config), str(out),
            *(["--offline"] if offline else []), *(["--exports", str(exports)] if exports else [])]


def build_languages(root: Path, langs: list[str], staging: Path, progress: Callable[[str], None],
                    parallel: bool = True, offline: bool = False, exports: Path | None = None,
                    label: str = "", meanwhile: Callable[[], bool] | None = None) -> list[LanguageBuild] | None:
    """Builds each language into `staging/<lang>` (the file:// edition if `offline`; listing the
    run's `exports` on the downloads page), in parallel processes when asked.

    `meanwhile` runs in this process while the builds run (before them when sequential); when it
    returns False the builds are stopped and None is returned."""
    env = build_environment(root)
    for lang in langs:
        progress(f"building {label}{lang} …")
    with contextlib.ExitStack() as stack:
        logs = {lang: stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for lang in langs}

        forked = can_fork(root)  # the editions share one start-up (primer/build/editions.py)
        if forked:
            preload()

        def start(lang: str) -> Build:
            # Output goes to files, not pipes: a chatty build can never block on a full pipe.
            command = language_command(root, lang, staging / language(lang).folder, offline, exports)
            if forked:
                return fork_build(command, cwd=root, env=env, log=logs[lang])
            return subprocess.Popen(command, cwd=root, env=env, text=True, stdout=logs[lang], stderr=subprocess.STDOUT)

        running = {lang: start(lang) for lang in langs} if parallel else {}
        try:
            if meanwhile is not None and not meanwhile():
                return None
            codes = {}
            for lang in langs:
                if lang not in running:  # sequential: one build at a time
                    running[lang] = start(lang)
                codes[lang] = running[lang].wait()
        finally:
            for process in running.values():  # stopped early: the check failed, or an interruption
                if process.poll() is None:
                    process.kill()
                    process.wait()
        results = []
        for lang in langs:
            logs[lang].seek(0)
            results.append(LanguageBuild(lang=lang, ok=codes[lang] == 0, output=logs[lang].read().strip()))
    for result in results:
        progress(f"built {label}{result.lang}" if result.ok else f"FAILED {label}{result.lang}")
    return results


def write_root_files(staging: Path, *, hosted: bool = True, sitemaps: Sequence[str] = ()) -> None:
    """Writes the language chooser, and for the hosted site robots.txt (naming each language's
    sitemap) and the top-level 404 page."""
    chooser = render("root-index.html.j2", default=DEFAULT, languages=LANGUAGES, routes=browser_routes())
    (staging / "index.html").write_text(chooser, encoding="utf-8")
    if not hosted:
        return
    (staging / "robots.txt").write_text(render("robots.txt.j2", sitemaps=sitemaps), encoding="utf-8")
    not_found = staging / DEFAULT.folder / "404.html"
    if not_found.exists():
        shutil.copyfile(not_found, staging / "404.html")


def hosted_url(root: Path, lang: str) -> str:
    """Returns the configured absolute URL of a language's hosted site (SITE_URL_ZH, _EN, _ZH_HANT override it)."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reader: !ENV and INHERIT, without
    # validating every option and loading every plugin, which load_config did for this one value

    with (root / language(lang).config).open("rb") as config:
        return str(yaml_load(config).get("site_url") or "")


def write_published_extras(content: Content, staging: Path, exports: Path | None) -> None:
    """Adds what the hosted site serves beside the language folders: the data files, and the
    exports this run made under downloads/ (llms.txt is written by each language's build)."""
    if exports is None:
        write_data(content, staging / "data")
        return
    # The exports' own files, linked: dist/ is only ever replaced by rename, never rewritten.
    shutil.copytree(exports, staging / "downloads", copy_function=link_or_copy)
    shutil.copytree(exports / "data", staging / "data", copy_function=link_or_copy)


def link_or_copy(source: str, target: str) -> None:
    """Hard-links a file, or copies it where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def publish(staging: Path, target: Path) -> None:
    """Replaces `target` with `staging` by renames, so readers never see a half-written site."""
    previous = target.with_name(f".{target.name}-previous-{os.getpid()}")
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    if previous.exists():
        shutil.rmtree(previous)


def build_site(root: Path, langs: list[str], progress: Callable[[str], None],
               valid_content: Callable[[], Content | None], parallel: bool = True,
               exports: Path | None = None) -> list[LanguageBuild] | None:
    """Builds `langs` and publishes `site/` atomically; returns the failed builds (none on success).
    `exports` is the folder of the exports this run made: the downloads pages list it and the site
    serves its files.

    `valid_content` validates the content while the languages build; when it finds errors (returns None)
    the builds are stopped, nothing is published and None is returned. Languages not rebuilt are
    carried over from the current `site/`."""
    target = root / "site"
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable

    def check_and_write_extras() -> bool:
        content = valid_content()
        if content is not None:
            write_published_extras(content, staging, exports)
        return content is not None

    # Where the builds are forked, the check is too, first: it then runs on the core this process
    # leaves idle while it imports what the builds share (editions.preload), and the content model
    # it loads is in the cache folder before the builds ask for it.
    checking = fork_call(lambda: 0 if check_and_write_extras() else 1) if parallel and can_fork(root) else None
    try:
        results = build_languages(root, langs, staging, progress, parallel, exports=exports,
                                  meanwhile=(lambda: checking.wait() == 0) if checking else check_and_write_extras)
        if results is None:
            return None
        failed = [result for result in results if not result.ok]
        if failed:
            return failed
        for kept in LANGUAGES:
            if kept.code not in langs and (target / kept.folder).is_dir():
                shutil.copytree(target / kept.folder, staging / kept.folder)
        write_root_files(staging, sitemaps=[f"{url}sitemap.xml" for lang in CODES
                                            if (url := hosted_url(root, lang))])
        publish(staging, target)
        return []
    finally:
        if checking is not None and checking.poll() is None:  # the builds failed to start
            checking.kill()
            checking.wait()
        if staging.exists():
            shutil.rmtree(staging)
