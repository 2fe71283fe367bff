#!/usr/bin/env python3
"""Command line of the Large Model Primer: build, serve, check, scaffold and track translations.

Exit codes: 0 success; 1 content problems (listed as path:line:col: message); 2 usage error;
3 MkDocs failed (its output is printed)."""

from __future__ import annotations

import os
import sys

if __name__ == "__main__" and sys.flags.hash_randomization:
    # The editions' builds are forked from this process (primer/build/editions.py), and a build
    # hashes strings as with PYTHONHASHSEED=0 (the same set orders, so the same bytes every run):
    # start again with it, before the imports below cost anything.
    os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONHASHSEED": "0"})

import argparse
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from primer.build.cache import cache_dir
from primer.build.sitebuild import LanguageBuild, build_environment, build_site
from primer.checks.run import run_check
from primer.content.loader import load_content
from primer.content.scaffold import FOLDERS, ScaffoldError, scaffold
from primer.content.translation import STATUS_ORDER, mark_translated, translation_states
from primer.exports.pipeline import build_with_exports, export
from primer.issues import errors_only, report
from primer.languages import CODES, DEFAULT, language
from primer.model import Content

ROOT = Path(__file__).resolve().parent  # run as a script: Python puts this folder, and so `primer`, first on sys.path

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3


def progress(message: str) -> None:
    """Prints one progress line."""
    print(f"[primer] {message}", flush=True)


def validate_content(root: Path, *, fix: bool = False, strict: bool = False,
                     unused: bool = False) -> tuple[int, Content]:
    """Validates all content without building; prints every issue; returns the exit code and content."""
    started = time.perf_counter()
    content, issues = run_check(root, fix=fix, list_unused=unused)
    report(issues)
    errors = errors_only(issues)
    warnings = len(issues) - len(errors)
    progress(f"checked content in {time.perf_counter() - started:.2f}s: {len(errors)} error(s), {warnings} warning(s)")
    return (EXIT_CONTENT if errors or (strict and warnings) else EXIT_OK), content


def check(root: Path, *, fix: bool = False, strict: bool = False, unused: bool = False) -> int:
    """`build.py check`: validates all content without building; prints every issue."""
    return validate_content(root, fix=fix, strict=strict, unused=unused)[0]


def publish_checked(root: Path, outputs: str,
                    step: Callable[[Callable[[], Content | None]], list[LanguageBuild] | None]) -> int:
    """Runs a step that publishes `outputs` (`site/`, `dist/`) atomically, giving it the content
    validation to run (the step decides when: a site build validates while its languages build);
    reports what failed."""
    def valid_content() -> Content | None:
        progress("checking content …")
        code, content = validate_content(root)
        return content if code == EXIT_OK else None

    failed = step(valid_content)
    if failed is None:
        progress(f"stopped: fix the problems above; {outputs} unchanged")
        return EXIT_CONTENT
    for result in failed:
        print(f"--- mkdocs build ({result.lang}) ---\n{result.output}", file=sys.stderr)
    if failed:
        progress(f"failed; {outputs} unchanged")
        return EXIT_BUILD
    progress(f"{outputs} ready in {root}")
    return EXIT_OK


def build(root: Path, langs: list[str], parallel: bool) -> int:
    """Builds the languages and publishes site/ (its downloads pages say this run made no exports)."""
    return publish_checked(root, "site/", lambda valid_content: build_site(root, langs, progress, valid_content,
                                                                           parallel))


def build_all(root: Path, parallel: bool) -> int:
    """Builds the exports, then the site listing them, in one pass; publishes site/ and dist/."""
    def step(valid_content: Callable[[], Content | None]) -> list[LanguageBuild] | None:
        content = valid_content()
        return None if content is None else build_with_exports(root, content, progress, parallel)

    return publish_checked(root, "site/ and dist/", step)


def export_all(root: Path) -> int:
    """Writes every export and publishes dist/."""
    def step(valid_content: Callable[[], Content | None]) -> list[LanguageBuild] | None:
        content = valid_content()
        return None if content is None else export(root, content, progress)

    return publish_checked(root, "dist/", step)


def serve(root: Path, lang: str, address: str) -> int:
    """Previews one language with live reload."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / language(lang).config), "-a", address]
    return subprocess.call(command, cwd=root, env=build_environment(root))


def clean(root: Path) -> int:
    """Removes build outputs."""
    for name in ("site", "dist"):
        shutil.rmtree(root / name, ignore_errors=True)
    for staging in (*root.glob(".site-staging-*"), *root.glob(".dist-staging-*"), *root.glob(".export-work-*")):
        shutil.rmtree(staging, ignore_errors=True)
    folder = cache_dir()
    for cached_file in folder.glob("primer-*"):
        cached_file.unlink(missing_ok=True)
    progress(f"removed site/, dist/ and the build caches in {folder}")
    return EXIT_OK


def status(root: Path, mark: list[str] | None, mark_all: bool, strict: bool) -> int:
    """Lists missing, stale and unrecorded translations; records hashes with --mark."""
    content, _ = load_content(root)
    states = translation_states(content)
    if mark or mark_all:
        for state in mark_translated(root, states, None if mark_all else set(mark or [])):
            progress(f"recorded translation of {state.kind} '{state.id}' ({state.path})")
        states = translation_states(load_content(root)[0])
    for state in sorted(states, key=lambda s: (STATUS_ORDER.index(s.status), s.kind, s.id)):
        if state.status != "current":
            print(f"{state.path}: {state.status}: English {state.kind} '{state.id}'")
    counts = {name: sum(s.status == name for s in states) for name in STATUS_ORDER}
    progress(", ".join(f"{count} {name}" for name, count in counts.items()))
    behind = counts["missing"] + counts["stale"] + counts["unrecorded"]
    return EXIT_CONTENT if strict and behind else EXIT_OK


def new(root: Path, kind: str, item_id: str, source: str | None) -> int:
    """Writes a starting file for a term, event or source."""
    try:
        path = scaffold(root, kind, item_id, source)
    except ScaffoldError as error:
        print(f"build.py new: {error}", file=sys.stderr)
        return EXIT_USAGE
    progress(f"wrote {path.relative_to(root)}: replace the TODO text, then run `build.py check`")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """Returns the argument parser."""
    main_parser = argparse.ArgumentParser(prog="build.py", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build every language into site/ (and the exports into dist/)")
    build_cmd.add_argument("--lang", choices=CODES, action="append",
                           help="build this language only; repeat for several (the others stay as they are in site/)")
    build_cmd.add_argument("--with-exports", action="store_true",
                           help="build the exports into dist/ too, in the same pass; the downloads pages list them")
    build_cmd.add_argument("--sequential", action="store_true", help="build languages one after another")
    serve_cmd = commands.add_parser("serve", help="preview one language with live reload")
    serve_cmd.add_argument("--lang", choices=CODES, default=DEFAULT.code)
    serve_cmd.add_argument("--address", default="127.0.0.1:8000")
    commands.add_parser("export", help="write the offline archive, single-file HTML, PDF and data to dist/")
    check_cmd = commands.add_parser("check", help="validate content only, listing every problem")
    check_cmd.add_argument("--fix", action="store_true", help="rewrite Chinese typography problems safely")
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check_cmd.add_argument("--unused-terms", action="store_true", help="warn about terms no page mentions")
    status_cmd = commands.add_parser("status", help="list missing and stale English translations")
    status_cmd.add_argument("--mark", nargs="+", metavar="ID", help="record that these items' English is up to date")
    status_cmd.add_argument("--mark-all", action="store_true", help="record every English text as up to date")
    status_cmd.add_argument("--strict", action="store_true", help="exit 1 if any translation is behind")
    new_cmd = commands.add_parser("new", help="write a starting file for a term, event, source or figure")
    new_cmd.add_argument("kind", choices=sorted(FOLDERS))
    new_cmd.add_argument("id")
    new_cmd.add_argument("--source", help="source id the new term, event or figure cites")
    commands.add_parser("clean", help="remove site/, dist/ and the build caches")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    root = args.root.resolve()
    if args.command == "check":
        return check(root, fix=args.fix, strict=args.strict, unused=args.unused_terms)
    if args.command == "build" and args.with_exports:
        if args.lang:
            print("build.py build: --with-exports builds every language; leave out --lang", file=sys.stderr)
            return EXIT_USAGE
        return build_all(root, parallel=not args.sequential)
    if args.command == "build":
        langs = [code for code in CODES if code in args.lang] if args.lang else list(CODES)  # in edition order
        return build(root, langs, parallel=not args.sequential)
    if args.command == "export":
        return export_all(root)
    if args.command == "serve":
        return serve(root, args.lang, args.address)
    if args.command == "status":
        return status(root, args.mark, args.mark_all, args.strict)
    if args.command == "new":
        return new(root, args.kind, args.id, args.source)
    return clean(root)


if __name__ == "__main__":
    raise SystemExit(main())
