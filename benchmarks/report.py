"""Plain-text tables of a benchmark results dictionary (as written by run.py)."""

from __future__ import annotations

from typing import Any


def spread(stats: dict[str, Any], digits: int = 2, unit: str = "") -> str:
    """Formats `median (min–max)`."""
    return f"{stats['median']:.{digits}f}{unit} ({stats['min']:.{digits}f}–{stats['max']:.{digits}f})"


def overhead_lines(name: str, data: dict[str, Any]) -> list[str]:
    """Returns the rows of one size's build comparison."""
    lines = [f"\n== builds: {name} ==", f"{'variant':30} {'wall s':>22} {'CPU s':>22} {'peak MiB':>20}"]
    for variant, stats in data["variants"].items():
        lines.append(f"{variant:30} {spread(stats['wall']):>22} {spread(stats['cpu']):>22} "
                     f"{spread(stats['maxrss_mib'], 0):>20}")
    lines.append("ratios (median of per-round ratios, min–max):")
    lines += [f"  {label:58} {spread(stats)}" for label, stats in data["ratios"].items()]
    return lines


def crosslink_lines(cases: list[dict[str, Any]]) -> list[str]:
    """Returns the cross-linker table: MB/s per term count and text size."""
    lines = ["\n== cross-linker alone (link_terms on synthetic page HTML) ==",
             f"{'terms':>6} {'text':>5} {'MB':>6} {'MB/s median (min–max)':>26} {'automaton s':>12} "
             f"{'text_nodes s':>13} {'find s':>8} {'matches':>8}"]
    for case in cases:
        low, high = case["mb_per_s_min_max"]
        lines.append(f"{case['terms']:>6} {case['size_factor']:>4}× {case['bytes'] / 1e6:>6.2f} "
                     f"{case['mb_per_s']:>11.2f} ({low:.2f}–{high:.2f}) {case['automaton_build_s']:>12.4f} "
                     f"{case['text_nodes_s']:>13.4f} {case['find_s']:>8.4f} {case['matches']:>8}")
    return lines


def profile_lines(name: str, profiles: dict[str, Any]) -> list[str]:
    """Returns the top of each profile."""
    lines = []
    for lang, data in ((f"{lang}, {caches} caches", data) for lang, runs in profiles.items()
                       for caches, data in runs.items()):
        lines.append(f"\n== cProfile {name} {lang}: {data['total_s']:.2f}s profiled; self time by package ==")
        packages = list(data["by_package_self_s"].items())[:10]
        lines.append("  " + ", ".join(f"{pkg} {secs:.2f}" for pkg, secs in packages))
        lines.append("  top cumulative:")
        lines += [f"    {row['cumulative_s']:8.3f}s {row['calls']:>8} {row['function']}"
                  for row in data["top_cumulative"][:25]]
    return lines


def reader_lines(reader: dict[str, Any]) -> list[str]:
    """Returns the reader-side budget."""
    lines = [f"\n== reader budget: {reader['site']} =="]
    for lang, sizes in reader["sizes"].items():
        if lang == "offline_archives":
            lines.append(f"  offline archives: {sizes or 'none built (no dist/)'}")
            continue
        page, index = sizes["largest_page"], sizes["search_index"]
        lines.append(f"  {lang}: largest page {page['path']} {page['bytes'] / 1024:.0f} KiB "
                     f"({page['gzip_bytes'] / 1024:.0f} KiB gz); search index {index['bytes'] / 1024:.0f} KiB "
                     f"({index['gzip_bytes'] / 1024:.0f} KiB gz); {sizes['pages']} pages")
    for page, result in reader.get("lighthouse", {}).items():
        if not isinstance(result, dict) or "scores" not in result:
            lines.append(f"  lighthouse {page}: {result}")
            continue
        ranges = result.get("range", {})
        scores = " ".join(f"{name} {score:.2f}" + (f" ({ranges[name][0]:.2f}–{ranges[name][1]:.2f})"
                                                   if name in ranges else "")
                          for name, score in result["scores"].items())
        lines.append(f"  lighthouse {page}: {scores}" + (f", median of {result['runs']}" if "runs" in result else ""))
        for audit in result["failing"]:
            selectors = "; ".join(str(node["selector"]) for node in audit["nodes"][:6])
            lines.append(f"    FAIL {audit['category']}/{audit['id']}: {selectors}")
    return lines


def table(results: dict[str, Any]) -> str:
    """Returns every table of a results dictionary."""
    machine = results["machine"]
    lines = [f"machine: {machine['nproc']} CPUs ({machine['cpu']}), Python {machine['python']}, "
             f"{', '.join(f'{k} {v}' for k, v in machine['versions'].items())}"]
    for name, info in results.get("projects", {}).items():
        lines.append(f"project {name}: {info}")
    for name, variants in results.get("check", {}).items():
        for variant, stats in variants.items():
            lines.append(f"{variant} ({name}): {spread(stats['wall'])} s wall, {spread(stats['cpu'])} s CPU, "
                         f"peak {spread(stats['maxrss_mib'], 0)} MiB")
    for name, data in results.get("overhead", {}).items():
        lines += overhead_lines(name, data)
    if "crosslink" in results:
        lines += crosslink_lines(results["crosslink"])
    for name, profiles in results.get("profile", {}).items():
        lines += profile_lines(name, profiles)
    if "reader" in results:
        lines += reader_lines(results["reader"])
    return "\n".join(lines)
