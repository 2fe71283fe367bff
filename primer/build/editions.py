"""Each edition's MkDocs build in a process forked from the one that starts them, so the editions
share one interpreter's start-up instead of each paying it.

`build.py build` builds every edition (zh, en, zh-Hant) in a process of its own. Started afresh,
each paid the same start-up: the interpreter; importing MkDocs, Material (whose search plugin
imports jieba, which imports pkg_resources), Markdown and this package; and, on an empty cache,
loading jieba's 20 MB dictionary for the search segmentation. That is about 0.75 s of CPU per
edition, as much as a plain MkDocs build pays, and what made a first build cost 1.4× the plain
one (BENCHMARKS.md, "One plugin, one pass"). Forked from a process that did it once, the
editions share it, copy-on-write.

A forked build is the same build as a started one, byte for byte, only where nothing differs
between them: the process hashes strings as a build started with PYTHONHASHSEED=0 does (set and
dict orders), no other thread runs (a fork copies only the calling thread, and locks other
threads held stay held), and the process imports the project's own `primer` (what a started build
of that project imports). Otherwise the builds are started afresh, as before."""

from __future__ import annotations

import atexit
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Protocol

from primer.build.cache import cache_dir

RUNNER = ("-m", "primer.build.mkdocs_run")  # the command a started build runs (sitebuild.language_command)
PACKAGE = Path(__file__).resolve().parents[1]  # the `primer` this process imported


class Build(Protocol):
    """A running language build: what `sitebuild.build_languages` uses of `subprocess.Popen`."""

    def poll(self) -> int | None: ...

    def wait(self) -> int: ...

    def kill(self) -> None: ...


def can_fork(root: Path, hash_randomization: int = sys.flags.hash_randomization) -> bool:
    """Tells whether builds of the project at `root` can be forked from this process (see above)."""
    own_package = not (root / "primer").is_dir() or (root / "primer").resolve() == PACKAGE
    return hasattr(os, "fork") and hash_randomization == 0 and threading.active_count() == 1 and own_package


def preload() -> None:
    """Imports what every edition's build imports and, when the cache folder holds no search
    segmentation yet (a first build, where every edition would load it), jieba's dictionary."""
    import material.plugins.search.plugin  # noqa: F401 - imports jieba
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401

    import primer.build.mkdocs_run
    import primer.build.plugin  # noqa: F401

    if any(cache_dir().glob("primer-jieba-memo-*.json")):
        return  # builds answer known text from the memo and load jieba only for new text
    import jieba

    quiet = logging.getLogger("jieba")  # its progress lines would reach the terminal from here
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    try:
        jieba.initialize()
    finally:
        quiet.setLevel(level)


class Forked:
    """A function running in a forked process (a language build, or the content check)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """Returns the exit code if the process has ended, else None."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        """Waits for the process to end; returns its exit code (negative: the signal that ended it)."""
        if self.returncode is None:
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.returncode

    def kill(self) -> None:
        """Stops the process at once."""
        if self.returncode is None:
            os.kill(self.pid, signal.SIGKILL)


def fork_call(run: Callable[[], int]) -> Forked:
    """Runs `run()` in a forked process whose exit code is what it returns (1 if it raises)."""
    sys.stdout.flush()  # nothing buffered here may be written twice
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return Forked(pid)
    code = 1
    try:
        # os._exit below skips exit handlers: the parent's (finalizers of its temporary folders) are
        # not this process's to run, and its own (the 繁體中文 conversion memo's save) run here.
        atexit._clear()
        code = run()
        atexit._run_exitfuncs()
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # never return into the parent's code (its atexit handlers, its finally blocks)


def output_to(log: IO[str]) -> None:
    """Sends this (forked) process's standard output and error to `log`, through new streams, as a
    started process has (the parent's may write elsewhere)."""
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - flushed before exit
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115


def fork_build(command: Sequence[str], *, cwd: Path, env: dict[str, str], log: IO[str]) -> Forked:
    """Runs `python -m primer.build.mkdocs_run ARGS` (a `command` as `sitebuild.language_command`
    writes it) in a forked process, in `cwd`, with environment `env`, its output to `log`."""
    if tuple(command[1:3]) != RUNNER:
        raise ValueError(f"not a language build: {' '.join(command)}")

    def build() -> int:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        output_to(log)
        from primer.build import mkdocs_run

        return mkdocs_run.main(list(command[3:]))

    return fork_call(build)
