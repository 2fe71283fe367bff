"""The full build on an empty cache against the plain MkDocs build, for two versions of the code.

    .venv/bin/python -m benchmarks.cold_bench --before COMMIT [--rounds 5]

Each round runs, in alternating order: `build.py build` of the commit `--before` and of the working
tree, each with an empty cache folder (a machine's first build) and with its own warm one (any
later build), and the plain MkDocs + Material twin of every edition in parallel (what `build.py
build` builds: zh, en and zh-Hant; see benchmarks/project.py). Both versions build the working
tree's content. Prints medians of wall and CPU time (user + system of every process of the build)
and of the per-round ratios to the plain build, with the load average at each start."""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import measure
from benchmarks.project import LANG_CONFIGS, REPO, code_digest, snapshot, write_plain
from benchmarks.run import PYTHON, environment, mkdocs_build

PLAIN = "plain, every edition in parallel"


def snapshot_of(commit: str, dest: Path) -> Path:
    """Writes the generator as of `commit` with the working tree's content into `dest`."""
    snapshot(REPO / "content", dest, git=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "build.py", "primer", "templates",
                              "overrides", "docs", "schemas", *LANG_CONFIGS.values()],
                             capture_output=True, check=True).stdout
    for name in ("primer", "templates", "overrides", "docs", "schemas"):
        subprocess.run(["rm", "-rf", str(dest / name)], check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def variants(roots: dict[str, Path], plain: Path, work: Path) -> dict[str, Callable[[], measure.Sample]]:
    """Returns the measured commands: each version cold and warm, and the plain twin."""
    def full_build(root: Path, cache: Callable[[], str]) -> Callable[[], measure.Sample]:
        command = [PYTHON, str(root / "build.py"), "--root", str(root), "build"]
        return lambda: measure.run(command, root, environment() | {"PRIMER_CACHE_DIR": cache()})

    chosen: dict[str, Callable[[], measure.Sample]] = {}
    for name, root in roots.items():
        warm = work / f"warm-cache-{name}"
        subprocess.run([PYTHON, str(root / "build.py"), "--root", str(root), "build"], cwd=root, check=True,
                       capture_output=True, env=environment() | {"PRIMER_CACHE_DIR": str(warm)})
        chosen[f"{name}, cold"] = full_build(root, lambda: tempfile.mkdtemp(prefix="cold-", dir=work))
        chosen[f"{name}, warm"] = full_build(root, functools.partial(str, warm))
    builds = [(mkdocs_build(plain, lang, work / "plain-out" / lang), plain) for lang in LANG_CONFIGS]
    chosen[PLAIN] = lambda: measure.run_together(builds, environment())
    return chosen


def table(samples: dict[str, list[measure.Sample]]) -> str:
    """Returns medians per variant and the per-round ratios to the plain build."""
    lines = [f"{'variant':34} {'wall s':>20} {'CPU s':>20} {'load':>10}"]
    for name, values in samples.items():
        summary = measure.summarize(values)
        lines.append(f"{name:34} {spread(summary['wall']):>20} {spread(summary['cpu']):>20} "
                     f"{spread(summary['load_at_start'], 1):>10}")
    lines.append("ratio to the plain build (median of per-round ratios, min–max):")
    for name, values in samples.items():
        if name != PLAIN:
            wall = measure.paired_ratio(values, samples[PLAIN])
            cpu = measure.paired_ratio(values, samples[PLAIN], "cpu")
            lines.append(f"  {name:32} wall {spread(wall)}   CPU {spread(cpu)}")
    return "\n".join(lines)


def spread(stats: dict[str, Any], digits: int = 2) -> str:
    """Formats `median (min–max)`."""
    return f"{stats['median']:.{digits}f} ({stats['min']:.{digits}f}–{stats['max']:.{digits}f})"


def main(argv: list[str] | None = None) -> int:
    """Prepares both versions and the plain twin, runs the rounds, prints the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the commit to compare the working tree with")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/primer-cold-bench"), help="scratch folder")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    roots = {"before": snapshot_of(args.before, args.work / "before"),
             "after": snapshot(REPO / "content", args.work / "after", git=True)}
    plain = write_plain(roots["after"], args.work / "plain")
    print(f"before = {args.before} ({code_digest(roots['before'])}), after = working tree "
          f"({code_digest(roots['after'])}); load average {os.getloadavg()[0]:.1f}", flush=True)
    samples = measure.alternate(variants(roots, plain, args.work), args.rounds,
                                lambda line: print(line, flush=True))
    print(table(samples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
