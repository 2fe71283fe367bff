"""Sizes of the exports (and the time `build.py export` takes) for one or more dist/ folders.

Usage:
    .venv/bin/python benchmarks/export_sizes.py dist                       # this checkout's exports
    .venv/bin/python benchmarks/export_sizes.py before/dist dist           # side by side
    .venv/bin/python benchmarks/export_sizes.py --time 3 /tmp/a /tmp/b     # export time of project copies,
                                                                           # alternating rounds, median

PDF fonts are counted by pdffonts' type column (poppler-utils); the archive by its entries."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

FILES = ("large-model-primer-offline.zip", "large-model-primer-zh.pdf", "large-model-primer-en.pdf",
         "large-model-primer-zh.epub", "large-model-primer-en.epub", "large-model-primer-zh.html",
         "large-model-primer-en.html")


def pdf_facts(pdf: Path) -> str:
    """Returns pages, bytes per page and font types of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    type3 = sum(" Type 3 " in row for row in rows)
    return f"{pages} pages, {pdf.stat().st_size / pages / 1024:.1f} KiB/page, {len(rows)} fonts ({type3} Type 3)"


def zip_facts(archive: Path) -> str:
    """Returns the number of entries and what source maps would add."""
    with zipfile.ZipFile(archive) as bundle:
        entries = bundle.infolist()
    maps = sum(entry.compress_size for entry in entries if entry.filename.endswith(".map"))
    return f"{len(entries)} files" + (f", source maps {maps / 1024:.0f} KiB" if maps else "")


def size_table(folders: list[Path]) -> str:
    """Returns a Markdown table: one row per export, one column per dist/ folder."""
    lines = ["| file | " + " | ".join(str(folder) for folder in folders) + " |",
             "| --- |" + " --- |" * len(folders)]
    for name in FILES:
        cells = []
        for folder in folders:
            path = folder / name
            if not path.is_file():
                cells.append("—")
                continue
            facts = pdf_facts(path) if name.endswith(".pdf") else zip_facts(path) if name.endswith(".zip") else ""
            cells.append(f"{path.stat().st_size / 1024:,.0f} KiB" + (f" ({facts})" if facts else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def export_times(projects: list[Path], rounds: int) -> dict[Path, float]:
    """Runs `build.py export` in each project copy, alternating, `rounds` times; returns median seconds."""
    times: dict[Path, list[float]] = {project: [] for project in projects}
    for _ in range(rounds):
        for project in projects:
            started = time.perf_counter()
            subprocess.run([sys.executable, "build.py", "export"], cwd=project, check=True, capture_output=True)
            times[project].append(time.perf_counter() - started)
    return {project: statistics.median(values) for project, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path, help="dist/ folders, or project copies with --time")
    parser.add_argument("--time", type=int, metavar="ROUNDS", help="time `build.py export` in project copies")
    args = parser.parse_args()
    if args.time:
        for project, seconds in export_times(args.folders, args.time).items():
            print(f"{project}: build.py export {seconds:.1f} s (median of {args.time})")
        args.folders = [project / "dist" for project in args.folders]
    print(size_table(args.folders))


if __name__ == "__main__":
    main()
