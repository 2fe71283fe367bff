"""What the 繁體中文 edition costs: the site build with every edition against the written ones only
(both in parallel processes, warm caches, alternating rounds), and the preview's rebuild of the
zh-Hant edition after a content edit (what `build.py serve --lang zh-Hant` does on a save).

    .venv/bin/python -m benchmarks.editions_bench --rounds 3
    .venv/bin/python -m benchmarks.editions_bench --rounds 3 --edit   # every build after a content edit

With `--edit`, a Simplified section is edited before every build, so no build finds its pages,
its model or the zh-Hant edition's rendered pages cached: the cost of the first build after a
contributor saves a file, rather than of a build of unchanged content.

Runs on a copy of the project in a temporary folder (its own cache folder), so the repository and
its site/ are never touched."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.project import snapshot  # noqa: E402
from primer.languages import CODES, WRITTEN, language  # noqa: E402

BUILD = """
import sys, time
from pathlib import Path
root = Path(sys.argv[1]); sys.path.insert(0, str(root))
import build
start = time.perf_counter()
assert build.build(root, sys.argv[2].split(","), parallel=True) == 0
print(time.perf_counter() - start)
"""
REBUILD = """
import sys, time, logging
from pathlib import Path
root = Path(sys.argv[1]); sys.path.insert(0, str(root))
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
body = root / "content/sections/01-definition/zh.md"
def once():
    config = load_config(config_file=str(root / sys.argv[2]), site_dir=str(root / "preview"))
    start, cpu = time.perf_counter(), time.process_time()
    build(config, dirty=False)
    return time.perf_counter() - start, time.process_time() - cpu
once()
times, cpus = [], []
for n in range(int(sys.argv[3])):
    body.write_text(body.read_text(encoding="utf-8") + f"\\n\\n编辑 {n}。\\n", encoding="utf-8")
    wall, cpu = once()
    times.append(wall); cpus.append(cpu)
print(min(times), sorted(times)[len(times) // 2], sorted(cpus)[len(cpus) // 2])
"""


def run(code: str, *args: str, env: dict[str, str]) -> list[float]:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return [float(value) for value in result.stdout.split()[-3:] if value.replace(".", "", 1).isdigit()]


def cpu_seconds() -> float:
    """User + system time of every finished child process (and theirs): the CPU a build cost,
    which other load on the machine does not change as it changes wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit(project: Path, mark: str) -> None:
    """Adds a sentence to a Simplified section, as a contributor's save does."""
    body = project / "content/sections/01-definition/zh.md"
    body.write_text(body.read_text(encoding="utf-8") + f"\n\n编辑 {mark}。\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edit", action="store_true", help="edit the content before every build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="editions-bench-") as folder:
        project = snapshot(REPO / "content", Path(folder) / "p")
        env = dict(os.environ, PRIMER_CACHE_DIR=str(Path(folder) / "cache"), NO_MKDOCS_2_WARNING="1")
        sets = {"written": ",".join(WRITTEN), "all": ",".join(CODES)}
        for langs in sets.values():
            run(BUILD, str(project), langs, env=env)  # warms every cache
        walls: dict[str, list[float]] = {name: [] for name in sets}
        cpus: dict[str, list[float]] = {name: [] for name in sets}
        for _ in range(args.rounds):
            for name, langs in sets.items():
                if args.edit:
                    edit(project, f"{name} {len(walls[name])}")
                before = cpu_seconds()
                walls[name] += run(BUILD, str(project), langs, env=env)[-1:]
                cpus[name].append(cpu_seconds() - before)
        fastest, median, preview_cpu = run(REBUILD, str(project), language("zh-Hant").config, str(args.rounds), env=env)
        load = os.getloadavg()[0]
    written, every = statistics.median(walls["written"]), statistics.median(walls["all"])
    print(f"load average {load:.1f}; {args.rounds} rounds{'; content edited before every build' if args.edit else ''}")
    print(f"build {sets['written']}: {written:.2f} s; build {sets['all']}: {every:.2f} s; ratio {every / written:.2f}")
    cpu_written, cpu_every = statistics.median(cpus["written"]), statistics.median(cpus["all"])
    print(f"CPU time (all processes) {sets['written']}: {cpu_written:.2f} s; {sets['all']}: {cpu_every:.2f} s; "
          f"ratio {cpu_every / cpu_written:.2f}")
    print(f"zh-Hant preview rebuild after an edit: fastest {fastest:.2f} s, median {median:.2f} s "
          f"(CPU {preview_cpu:.2f} s)")


if __name__ == "__main__":
    main()
