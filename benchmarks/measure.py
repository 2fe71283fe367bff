"""Timing of child processes: wall and CPU time, peak memory, alternating runs, medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured run: wall seconds, CPU seconds (user + system) and peak RSS of the largest
    process in the run's process tree (KiB, from wait4's rusage)."""

    wall: float
    cpu: float
    maxrss_kib: int

    def as_dict(self) -> dict[str, Any]:
        """Returns the sample as JSON-ready values."""
        return asdict(self)


class RunFailed(RuntimeError):
    """A measured command exited with an error."""


def start(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], Any]:
    """Starts a command with its output going to a temporary file (no pipe to fill up)."""
    log = tempfile.TemporaryFile()
    return subprocess.Popen(list(command), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT), log


def finish(process: subprocess.Popen[bytes], log: Any, started: float) -> Sample:
    """Waits for a started command; returns its sample or raises RunFailed with its output."""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        log.seek(0)
        tail = log.read().decode("utf-8", "replace")[-3000:]
        raise RunFailed(f"{' '.join(map(str, process.args))} exited {process.returncode}:\n{tail}")  # type: ignore[arg-type]
    log.close()
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, maxrss_kib=usage.ru_maxrss)


def run(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Runs one command to completion and measures it."""
    started = time.perf_counter()
    process, log = start(command, cwd, env)
    return finish(process, log, started)


def run_together(commands: Sequence[tuple[Sequence[str], Path]], env: dict[str, str]) -> Sample:
    """Runs commands concurrently; wall is until the last ends, CPU is summed, memory is the sum
    of each process's peak (they run at the same time)."""
    started = time.perf_counter()
    running = [start(command, cwd, env) for command, cwd in commands]
    samples = [finish(process, log, started) for process, log in running]
    return Sample(wall=max(s.wall for s in samples), cpu=sum(s.cpu for s in samples),
                  maxrss_kib=sum(s.maxrss_kib for s in samples))


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
                     f"{sample.maxrss_kib / 1024:.0f} MiB")
    return samples


def summary(values: Sequence[float]) -> dict[str, Any]:
    """Returns median, min, max and every value."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": list(values)}


def summarize(samples: list[Sample]) -> dict[str, Any]:
    """Returns the summaries of wall, CPU and peak memory of one variant."""
    return {"wall": summary([s.wall for s in samples]), "cpu": summary([s.cpu for s in samples]),
            "maxrss_mib": summary([s.maxrss_kib / 1024 for s in samples])}


def paired_ratio(numerators: list[Sample], denominators: list[Sample], field: str = "wall") -> dict[str, Any]:
    """Returns the summary of per-round ratios (round i of one variant over round i of the other)."""
    return summary([getattr(a, field) / getattr(b, field) for a, b in zip(numerators, denominators)])


def added(*series: list[Sample]) -> list[Sample]:
    """Adds samples round by round (e.g. the zh and en builds of one round)."""
    return [Sample(wall=sum(s.wall for s in group), cpu=sum(s.cpu for s in group),
                   maxrss_kib=max(s.maxrss_kib for s in group)) for group in zip(*series)]
