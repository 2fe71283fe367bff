"""Runs the benchmarks side by side and writes benchmarks/out/results-<time>.json plus a table.

Usage:
    .venv/bin/python benchmarks/run.py                      # everything, 5 alternating runs
    .venv/bin/python benchmarks/run.py --parts overhead,check --sizes real
    .venv/bin/python benchmarks/run.py --parts reader --site site

Parts: overhead (hooked vs plain MkDocs + Material, sequential vs parallel, peak memory),
crosslink (the linker alone), check (`build.py check`), profile (cProfile of one build),
reader (page and search-index sizes, Lighthouse)."""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import measure, report
from benchmarks.generate import Scale, generate
from benchmarks.project import LANG_CONFIGS, REPO, Project, code_digest, repository_head, snapshot, write_plain

OUT = REPO / "benchmarks" / "out"
PYTHON = sys.executable
PARTS = ("overhead", "crosslink", "check", "profile", "reader")
SIZES = {
    "small": Scale(pages=20, terms=500, events=60),
    # The largest size whose seven variants × 5 rounds fit in about ten minutes on 2 CPUs.
    "large": Scale(pages=99, terms=2000, events=200),
    # Issue 8's scale: 990 sections + the generated pages = about 1,000 pages per language, 5,000
    # terms. Only the per-language builds are compared here (a round takes minutes).
    "xl": Scale(pages=990, terms=5000, events=500),
}
PER_LANGUAGE = ("hooked zh", "plain zh", "hooked en", "plain en", "hooked zh, cold caches", "hooked en, cold caches")
VARIANTS = {"xl": PER_LANGUAGE}
PROFILED = {"real": ("zh", "en", "zh-Hant"), "xl": ("en",)}
EPOCH = "1767225600"  # fixed SOURCE_DATE_EPOCH: every variant renders the same dates


def progress(message: str) -> None:
    """Prints one progress line."""
    print(f"[bench] {message}", flush=True)


def environment() -> dict[str, str]:
    """Returns the environment of every measured build (the one build.py gives MkDocs)."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=EPOCH)


def prepare(name: str, work: Path, seed: int, patch: Path | None = None) -> tuple[Project, dict[str, Any]]:
    """Creates the project of one size (the real content or synthetic) and its plain twin.

    Arguments:
        patch: a unified diff applied to the snapshot's code (to measure a proposed fix; the
            repository itself is never changed)."""
    label = f"{name}+{patch.stem}" if patch else name
    root, plain = work / label, work / f"{label}-plain"
    if name == "real":
        snapshot(REPO / "content", root, git=True)
        info: dict[str, Any] = {"markdown_bytes": sum(p.stat().st_size for p in (REPO / "content").rglob("*.md"))}
    else:
        generated = work / f"{name}-content"
        info = generate(generated, SIZES[name], seed)
        snapshot(generated, root)
    if patch:
        subprocess.run(["patch", "-p1", "--quiet", "-d", str(root), "-i", str(patch.resolve())], check=True)
        info["patch"] = str(patch)
    info["code_digest"] = code_digest(root)
    info["snapshot_time"] = time.strftime("%H:%M:%S")
    started = time.perf_counter()
    write_plain(root, plain)
    info["plain_pages_per_lang"] = sum(1 for _ in (plain / "docs-zh").rglob("*.md"))
    progress(f"prepared {name}: {info} (plain twin in {time.perf_counter() - started:.1f}s)")
    return Project(label, root, plain), info


def mkdocs_build(cwd: Path, lang: str, out: Path) -> list[str]:
    """Returns the command of one strict MkDocs build (what build.py runs per language)."""
    return [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(cwd / LANG_CONFIGS[lang]), "-d", str(out)]


def cold_cache(work: Path) -> dict[str, str]:
    """Returns an environment whose build finds none of our caches (a fresh PRIMER_CACHE_DIR)."""
    return environment() | {"PRIMER_CACHE_DIR": tempfile.mkdtemp(prefix="cold-", dir=work)}


@functools.cache
def warm_cache(project: Project, work: Path) -> dict[str, str]:
    """Returns the environment of builds with our caches warm: one unmeasured build per language
    has filled `work/cache-<project>` first."""
    env = environment() | {"PRIMER_CACHE_DIR": str(work / f"cache-{project.name}")}
    for lang in LANG_CONFIGS:
        subprocess.run(mkdocs_build(project.root, lang, work / "out" / project.name / f"warm-up-{lang}"),
                       cwd=project.root, env=env, check=True, capture_output=True)
    return env


def overhead(project: Project, work: Path, runs: int) -> dict[str, Any]:
    """Hooked vs plain builds per language, full build.py builds (parallel, sequential) vs plain parallel.

    Hooked builds run with our caches warm (one unmeasured build per language first), as a
    contributor's next build does, and cold (an empty cache folder, as on a fresh CI machine).
    The plain builds keep jieba's own dictionary cache, as Material's users do."""
    out = work / "out" / project.name
    env = warm_cache(project, work)
    build_py = [PYTHON, str(project.root / "build.py"), "--root", str(project.root), "build"]
    plain_both = [(mkdocs_build(project.plain, lang, out / f"plain-both-{lang}"), project.plain)
                  for lang in LANG_CONFIGS]
    variants = {
        "hooked zh": lambda: measure.run(mkdocs_build(project.root, "zh", out / "hooked-zh"), project.root, env),
        "plain zh": lambda: measure.run(mkdocs_build(project.plain, "zh", out / "plain-zh"), project.plain, env),
        "hooked en": lambda: measure.run(mkdocs_build(project.root, "en", out / "hooked-en"), project.root, env),
        "plain en": lambda: measure.run(mkdocs_build(project.plain, "en", out / "plain-en"), project.plain, env),
        "hooked zh, cold caches": lambda: measure.run(mkdocs_build(project.root, "zh", out / "cold-zh"),
                                                      project.root, cold_cache(work)),
        "hooked en, cold caches": lambda: measure.run(mkdocs_build(project.root, "en", out / "cold-en"),
                                                      project.root, cold_cache(work)),
        "build.py build": lambda: measure.run(build_py, project.root, env),
        "build.py build, cold caches": lambda: measure.run(build_py, project.root, cold_cache(work)),
        "build.py build --sequential": lambda: measure.run([*build_py, "--sequential"], project.root, env),
        "plain, every edition in parallel": lambda: measure.run_together(plain_both, env),
    }
    chosen = VARIANTS.get(project.name.split("+")[0], tuple(variants))
    samples = measure.alternate({name: variants[name] for name in chosen}, runs,
                                lambda line: progress(f"{project.name}{line}"))
    return {"variants": {name: measure.summarize(values) for name, values in samples.items()},
            "ratios": ratios(samples)}


def ratios(samples: dict[str, list[measure.Sample]]) -> dict[str, Any]:
    """Returns the overhead and speed-up ratios the measured variants allow."""
    hooked = measure.added(samples["hooked zh"], samples["hooked en"])
    plain = measure.added(samples["plain zh"], samples["plain en"])
    result = {
        "mkdocs builds (hooked zh+en / plain zh+en), wall": measure.paired_ratio(hooked, plain),
        "mkdocs builds (hooked zh+en / plain zh+en), CPU": measure.paired_ratio(hooked, plain, "cpu"),
        "hooked zh / plain zh, wall": measure.paired_ratio(samples["hooked zh"], samples["plain zh"]),
        "hooked en / plain en, wall": measure.paired_ratio(samples["hooked en"], samples["plain en"]),
    }
    if "hooked zh, cold caches" in samples:
        cold = measure.added(samples["hooked zh, cold caches"], samples["hooked en, cold caches"])
        result["mkdocs builds, cold caches (hooked zh+en / plain zh+en), wall"] = measure.paired_ratio(cold, plain)
        result["mkdocs builds, cold caches (hooked zh+en / plain zh+en), CPU"] = measure.paired_ratio(
            cold, plain, "cpu")
    if "build.py build" in samples:
        full, plain_both = samples["build.py build"], samples["plain, every edition in parallel"]
        result["full build (build.py build / plain, every edition), wall"] = measure.paired_ratio(full, plain_both)
        result["full build (build.py build / plain, every edition), CPU"] = measure.paired_ratio(
            full, plain_both, "cpu")
        result["parallel / sequential build.py build, wall"] = measure.paired_ratio(
            full, samples["build.py build --sequential"])
        cold_full = samples["build.py build, cold caches"]
        result["full build, cold caches (build.py build / plain, every edition), wall"] = measure.paired_ratio(
            cold_full, plain_both)
        result["full build, cold caches, CPU"] = measure.paired_ratio(cold_full, plain_both, "cpu")
    return result


def check_time(project: Project, work: Path, runs: int) -> dict[str, Any]:
    """Times `build.py check` as a user runs it (process start included): nothing changed since the
    last check, one file edited since (its modification time moves), and with no caches at all."""
    command = [PYTHON, str(project.root / "build.py"), "--root", str(project.root), "check"]
    warm = environment() | {"PRIMER_CACHE_DIR": str(work / f"check-cache-{project.name}")}
    subprocess.run(command, cwd=project.root, env=warm, check=True, capture_output=True)
    edited = next(path for path in sorted((project.root / "content" / "glossary").glob("*.yml")))

    def after_edit() -> measure.Sample:
        os.utime(edited, ns=(time.time_ns(), time.time_ns()))
        return measure.run(command, project.root, warm)

    variants = {
        "build.py check": lambda: measure.run(command, project.root, warm),
        "build.py check, one file edited": after_edit,
        "build.py check, cold caches": lambda: measure.run(command, project.root, cold_cache(work)),
    }
    samples = measure.alternate(variants, runs, lambda line: progress(f"{project.name}{line}"))
    return {name: measure.summarize(values) for name, values in samples.items()}


def profile(project: Project, lang: str, work: Path) -> dict[str, Any]:
    """Profiles one in-process build in a child process, with caches warm and with an empty cache
    folder (`-cold`); keeps each .prof next to the results."""
    data: dict[str, Any] = {}
    for caches, env in (("warm", warm_cache(project, work)), ("cold", cold_cache(work))):
        name = f"profile-{project.name}-{lang}" + ("-cold" if caches == "cold" else "")
        prof, summary = OUT / f"{name}.prof", OUT / f"{name}.json"
        subprocess.run([PYTHON, "-m", "benchmarks.profile_build", str(project.root), lang, str(prof), str(summary)],
                       cwd=REPO, env=env, check=True, capture_output=True)
        data[caches] = json.loads(summary.read_text(encoding="utf-8"))
    return data


def machine() -> dict[str, Any]:
    """Describes the machine and the versions measured."""
    versions = {name: metadata.version(name) for name in
                ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "jieba", "PyYAML", "nh3",
                 "ahocorasick_rs", "Jinja2")}
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    import yaml

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(memory, 1), "platform": platform.platform(),
            "python": platform.python_version(), "libyaml": yaml.__with_libyaml__, "node": node,
            "repository_head": repository_head(),
            "versions": versions}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Returns the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="alternating runs per variant (default 5)")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--sizes", default="real,large,xl", help="comma-separated subset of real,small,large,xl")
    parser.add_argument("--work", type=Path, default=Path("/tmp/primer-bench"), help="scratch folder")
    parser.add_argument("--site", type=Path, help="built site for the reader part (default: the real snapshot's)")
    parser.add_argument("--lighthouse-preset", default="mobile", choices=("mobile", "desktop"))
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page; medians reported (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--patch", type=Path, help="measure a proposed fix: a diff applied to the snapshots' code")
    return parser.parse_args(argv)


def save(results: dict[str, Any], path: Path) -> None:
    """Writes the results so far (a long run that fails keeps what it measured)."""
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Runs the selected parts; writes the JSON results and prints the table."""
    args = parse_args(argv)
    parts, sizes = args.parts.split(","), args.sizes.split(",")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "runs": args.runs,
                               "machine": machine(), "projects": {}, "overhead": {}, "check": {}, "profile": {}}
    if {"overhead", "check", "profile"} & set(parts):
        for name in sizes:
            project, info = prepare(name, args.work, args.seed, args.patch)
            results["projects"][project.name] = info
            if "check" in parts:
                results["check"][project.name] = check_time(project, args.work, args.runs)
            if "overhead" in parts:
                results["overhead"][project.name] = overhead(project, args.work, args.runs)
            if "profile" in parts and name in PROFILED:
                results["profile"][project.name] = {lang: profile(project, lang, args.work)
                                                    for lang in PROFILED[name]}
            save(results, path)
    if "crosslink" in parts:
        from benchmarks.crosslink_bench import crosslink_benchmark

        results["crosslink"] = crosslink_benchmark(args.runs, args.seed, progress)
        save(results, path)
    if "reader" in parts:
        from benchmarks.reader_budget import lighthouse_budget, size_budget

        site = args.site or (args.work / "real" / "site" if (args.work / "real" / "site").is_dir() else REPO / "site")
        results["reader"] = {"site": str(site), "sizes": size_budget(site),
                             "lighthouse": lighthouse_budget(site, OUT, args.lighthouse_preset,
                                                             runs=args.lighthouse_runs)}
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    save(results, path)
    print(report.table(results))
    progress(f"results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
