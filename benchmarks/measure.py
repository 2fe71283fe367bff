"""Timing of child processes: wall and CPU time, peak memory, alternating runs, medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

# Linux charges a parent's resident set at exec time to the child's ru_maxrss, so commands are
# started by this small launcher (python -S: a few MiB) instead of by the runner (which may hold
# jieba's dictionary). It reports the command's own wall, CPU and peak RSS as JSON.
LAUNCHER = """
import json, os, sys, time
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss], out)
"""


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured run: wall seconds, CPU seconds (user + system), peak RSS of the largest
    process in the run's process tree (KiB, from wait4's rusage) and the 1-minute load average
    when it started (other work on the machine)."""

    wall: float
    cpu: float
    maxrss_kib: int
    load: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Returns the sample as JSON-ready values."""
        return asdict(self)


class RunFailed(RuntimeError):
    """A measured command exited with an error."""


@dataclass(slots=True)
class Started:
    """A command started through the launcher."""

    process: subprocess.Popen[bytes]
    log: Any
    report: Path
    load: float


def start(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Started:
    """Starts a command (absolute executable path first) with its output in a temporary file."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in finish()
    handle, report = tempfile.mkstemp(prefix="bench-", suffix=".json")
    os.close(handle)
    launcher = [sys.executable, "-S", "-c", LAUNCHER, report, *(str(part) for part in command)]
    load = os.getloadavg()[0]
    process = subprocess.Popen(launcher, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    return Started(process, log, Path(report), load)


def finish(started: Started) -> Sample:
    """Waits for a started command; returns its sample or raises RunFailed with its output."""
    started.process.wait()
    try:
        status, wall, cpu, maxrss = json.loads(started.report.read_text() or "[1, 0, 0, 0]")
    finally:
        started.report.unlink(missing_ok=True)
    if status != 0 or started.process.returncode != 0:
        started.log.seek(0)
        tail = started.log.read().decode("utf-8", "replace")[-3000:]
        command = " ".join(str(part) for part in started.process.args[5:])  # type: ignore[index]
        raise RunFailed(f"{command} exited {status}:\n{tail}")
    started.log.close()
    return Sample(wall=wall, cpu=cpu, maxrss_kib=maxrss, load=started.load)


def run(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Runs one command to completion and measures it."""
    return finish(start(command, cwd, env))


def run_together(commands: Sequence[tuple[Sequence[str], Path]], env: dict[str, str]) -> Sample:
    """Runs commands concurrently; wall is until the last ends, CPU is summed, memory is the sum
    of each process's peak (they run at the same time)."""
    clock = time.perf_counter()
    samples = [finish(started) for started in [start(command, cwd, env) for command, cwd in commands]]
    wall = time.perf_counter() - clock
    return Sample(wall=wall, cpu=sum(s.cpu for s in samples), maxrss_kib=sum(s.maxrss_kib for s in samples),
                  load=samples[0].load)


def alternate(variants: dict[str, Callable[[], Sample]], runs: int,
              progress: Callable[[str], None] = print) -> dict[str, list[Sample]]:
    """Runs every variant once per round, `runs` rounds, reversing the order every other round
    so slow drift (thermal, caches, other load) falls on all variants alike."""
    samples: dict[str, list[Sample]] = {name: [] for name in variants}
    names = list(variants)
    for round_number in range(runs):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            sample = variants[name]()
            samples[name].append(sample)
            progress(f"  round {round_number + 1}/{runs} {name}: {sample.wall:.2f}s wall, {sample.cpu:.2f}s CPU, "
                     f"{sample.maxrss_kib / 1024:.0f} MiB, load {sample.load:.1f}")
    return samples


def summary(values: Sequence[float]) -> dict[str, Any]:
    """Returns median, min, max and every value."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": list(values)}


def summarize(samples: list[Sample]) -> dict[str, Any]:
    """Returns the summaries of wall, CPU and peak memory of one variant."""
    return {"wall": summary([s.wall for s in samples]), "cpu": summary([s.cpu for s in samples]),
            "maxrss_mib": summary([s.maxrss_kib / 1024 for s in samples]),
            "load_at_start": summary([s.load for s in samples])}


def paired_ratio(numerators: list[Sample], denominators: list[Sample], field: str = "wall") -> dict[str, Any]:
    """Returns the summary of per-round ratios (round i of one variant over round i of the other)."""
    return summary([getattr(a, field) / getattr(b, field) for a, b in zip(numerators, denominators, strict=True)])


def added(*series: list[Sample]) -> list[Sample]:
    """Adds samples round by round (e.g. the zh and en builds of one round)."""
    return [Sample(wall=sum(s.wall for s in group), cpu=sum(s.cpu for s in group),
                   maxrss_kib=max(s.maxrss_kib for s in group)) for group in zip(*series, strict=True)]
