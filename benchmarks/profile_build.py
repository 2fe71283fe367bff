"""cProfile of one in-process `mkdocs build` of a benchmark project, summarized by function and package.

Usage (a child process, so the profiled build imports its project's own `primer`):
    .venv/bin/python -m benchmarks.profile_build PROJECT_ROOT LANG OUT.prof OUT.json"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

PACKAGES = ("primer", "material", "mkdocs", "markdown", "pymdownx", "jinja2", "yaml", "jieba",
            "pygments", "nh3", "pypinyin", "backrefs", "html")


def package_of(filename: str) -> str:
    """Returns the package a profiled function belongs to."""
    parts = Path(filename).parts
    for name in PACKAGES:
        if name in parts:
            return name
    return "builtins" if filename.startswith(("~", "<")) else "other"


def profile(root: Path, lang: str, prof_path: Path) -> pstats.Stats:
    """Builds one language in-process under cProfile."""
    sys.path.insert(0, str(root))
    os.chdir(root)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from primer.languages import language  # the project's own registry (its root is first on sys.path)

    with tempfile.TemporaryDirectory() as site:
        profiler = cProfile.Profile()
        profiler.enable()
        config = load_config(config_file=str(root / language(lang).config), site_dir=site, strict=True)
        build(config)
        profiler.disable()
    profiler.dump_stats(str(prof_path))
    return pstats.Stats(str(prof_path))


def rows(stats: pstats.Stats, key: int, limit: int) -> list[dict[str, Any]]:
    """Returns the top functions by self time (key 2) or cumulative time (key 3)."""
    entries = []
    for (filename, line, function), (_, calls, self_time, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        entries.append({"function": f"{short(filename)}:{line}({function})", "calls": calls,
                        "self_s": round(self_time, 4), "cumulative_s": round(cumulative, 4)})
    field = "self_s" if key == 2 else "cumulative_s"
    return sorted(entries, key=lambda entry: entry[field], reverse=True)[:limit]


def short(filename: str) -> str:
    """Shortens a path to the part after site-packages or the project root."""
    for marker in ("site-packages/", "/primer/"):
        if marker in filename:
            head = marker.strip("/") + "/" if marker != "site-packages/" else ""
            return head + filename.split(marker, 1)[1]
    return filename


def by_package(stats: pstats.Stats) -> dict[str, float]:
    """Returns self time summed per package, largest first."""
    totals: dict[str, float] = {}
    for (filename, _, _), (_, _, self_time, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        package = package_of(filename)
        totals[package] = totals.get(package, 0.0) + self_time
    return {name: round(total, 3) for name, total in sorted(totals.items(), key=lambda item: -item[1])}


def main(argv: list[str]) -> int:
    """Profiles one build and writes the summary as JSON."""
    root, lang, prof_path, json_path = Path(argv[0]), argv[1], Path(argv[2]), Path(argv[3])
    stats = profile(root, lang, prof_path)
    summary = {"lang": lang, "total_s": round(stats.total_tt, 3),  # type: ignore[attr-defined]
               "by_package_self_s": by_package(stats), "top_cumulative": rows(stats, 3, 40),
               "top_self": rows(stats, 2, 30)}
    json_path.write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
