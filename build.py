#!/usr/bin/env python3
"""Command line of the Large Model Primer: build, serve, check and clean the bilingual site.

Exit codes: 0 success; 1 content problems (listed as path:line: message); 2 usage error;
3 MkDocs failed (its output is printed)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from primer.issues import errors_only, report  # noqa: E402
from primer.loader import load_content  # noqa: E402
from primer.sitebuild import LANG_CONFIGS, build_environment, build_site  # noqa: E402

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUILD = 0, 1, 2, 3


def progress(message: str) -> None:
    """Prints one progress line."""
    print(f"[primer] {message}", flush=True)


def check(root: Path) -> int:
    """Validates all content without building; prints every issue."""
    started = time.perf_counter()
    _, issues = load_content(root)
    report(issues)
    errors = errors_only(issues)
    elapsed = time.perf_counter() - started
    progress(f"checked content in {elapsed:.2f}s: {len(errors)} error(s), {len(issues) - len(errors)} warning(s)")
    return EXIT_CONTENT if errors else EXIT_OK


def build(root: Path, langs: list[str], parallel: bool) -> int:
    """Checks content, then builds the languages and publishes site/ atomically."""
    progress("checking content …")
    if check(root) != EXIT_OK:
        progress("not building: fix the problems above; site/ is unchanged")
        return EXIT_CONTENT
    failed = build_site(root, langs, progress, parallel=parallel)
    for result in failed:
        print(f"--- mkdocs build ({result.lang}) ---\n{result.output}", file=sys.stderr)
    if failed:
        progress("build failed; site/ is unchanged")
        return EXIT_BUILD
    progress(f"site ready: {root / 'site' / 'index.html'}")
    return EXIT_OK


def serve(root: Path, lang: str, address: str) -> int:
    """Previews one language with live reload."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / LANG_CONFIGS[lang]), "-a", address]
    return subprocess.call(command, cwd=root, env=build_environment(root))


def clean(root: Path) -> int:
    """Removes build outputs."""
    for name in ("site", "dist"):
        shutil.rmtree(root / name, ignore_errors=True)
    for staging in root.glob(".site-staging-*"):
        shutil.rmtree(staging, ignore_errors=True)
    progress("removed site/ and dist/")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    """Returns the argument parser."""
    main_parser = argparse.ArgumentParser(prog="build.py", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    commands = main_parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build both languages into site/")
    build_cmd.add_argument("--lang", choices=sorted(LANG_CONFIGS), help="build one language only")
    build_cmd.add_argument("--sequential", action="store_true", help="build languages one after another")
    serve_cmd = commands.add_parser("serve", help="preview one language with live reload")
    serve_cmd.add_argument("--lang", choices=sorted(LANG_CONFIGS), default="zh")
    serve_cmd.add_argument("--address", default="127.0.0.1:8000")
    commands.add_parser("check", help="validate content only, listing every problem")
    commands.add_parser("clean", help="remove site/ and dist/")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    if args.command == "check":
        return check(args.root)
    if args.command == "build":
        langs = [args.lang] if args.lang else list(LANG_CONFIGS)
        return build(args.root, langs, parallel=not args.sequential)
    if args.command == "serve":
        return serve(args.root, args.lang, args.address)
    return clean(args.root)


if __name__ == "__main__":
    raise SystemExit(main())
