"""What the 繁體中文 edition costs: `build.py build` of every edition against `build.py build --lang zh
--lang en` (the written ones only), each the whole command as a contributor runs it (the
interpreter, the check beside the builds, the editions' builds forked in parallel, publishing),
warm caches, alternating rounds; and the preview's rebuild of the zh-Hant edition after a content
edit (what `build.py serve --lang zh-Hant` does on a save).

    .venv/bin/python -m benchmarks.editions_bench --rounds 5
    .venv/bin/python -m benchmarks.editions_bench --rounds 5 --edit   # every build after a content edit

With `--edit`, a Simplified section is edited before every build, so no build finds its pages,
its model or its search segmentation cached: the cost of the first build after a contributor saves
a file, rather than of a build of unchanged content.

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
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.project import snapshot  # noqa: E402
from primer.languages import CODES, WRITTEN, language  # noqa: E402

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


def build(project: Path, langs: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Runs `build.py build` of `langs` in `project`; returns its wall time and the CPU time (user +
    system) of the command and every process it started."""
    command = [sys.executable, str(project / "build.py"), "build", *(arg for code in langs for arg in ("--lang", code))]
    before, start = cpu_seconds(), time.perf_counter()
    subprocess.run(command, cwd=project, capture_output=True, env=env, check=True)
    return time.perf_counter() - start, cpu_seconds() - before


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
        sets = {"written": list(WRITTEN), "all": list(CODES)}
        for langs in sets.values():
            build(project, langs, env)  # warms every cache
        walls: dict[str, list[float]] = {name: [] for name in sets}
        cpus: dict[str, list[float]] = {name: [] for name in sets}
        for _ in range(args.rounds):
            for name, langs in sets.items():
                if args.edit:
                    edit(project, f"{name} {len(walls[name])}")
                wall, cpu = build(project, langs, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
        fastest, median, preview_cpu = run(REBUILD, str(project), language("zh-Hant").config, str(args.rounds), env=env)
        load = os.getloadavg()[0]
    written, every = statistics.median(walls["written"]), statistics.median(walls["all"])
    print(f"load average {load:.1f}; {args.rounds} rounds{'; content edited before every build' if args.edit else ''}")
    names = {name: ",".join(langs) for name, langs in sets.items()}
    print(f"build.py build {names['written']}: {written:.2f} s; {names['all']}: {every:.2f} s; "
          f"ratio {every / written:.2f}")
    cpu_written, cpu_every = statistics.median(cpus["written"]), statistics.median(cpus["all"])
    print(f"CPU time (all processes) {names['written']}: {cpu_written:.2f} s; {names['all']}: {cpu_every:.2f} s; "
          f"ratio {cpu_every / cpu_written:.2f}")
    print(f"zh-Hant preview rebuild after an edit: fastest {fastest:.2f} s, median {median:.2f} s "
          f"(CPU {preview_cpu:.2f} s)")


if __name__ == "__main__":
    main()
