"""What a cold build would cost if the editions' builds shared one interpreter's start-up: a probe.

    .venv/bin/python -m benchmarks.fork_probe [--rounds 3]

`build.py build` starts one `python -m primer.build.mkdocs_run` per edition. Each pays the same
start-up: the interpreter, importing MkDocs, Material (whose search plugin imports jieba, which
imports pkg_resources), Markdown and our package, and, with an empty cache, loading jieba's
dictionary (its search segmentation). The plain MkDocs build pays all of it per edition too. This
probe measures, on a snapshot of the working tree with an empty cache each run, the editions'
builds as `build.py build` starts them (spawned), against one process that imports all of that
once (and loads jieba's dictionary once) and forks one build per edition, and against the plain
twin. It is not how the project builds: it tells what that change would be worth (see
BENCHMARKS.md), and checks that the forked builds write the same bytes."""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import measure
from benchmarks.cold_bench import table
from benchmarks.project import LANG_CONFIGS, REPO, snapshot, write_plain
from benchmarks.run import PYTHON, environment, mkdocs_build

FORKED = """
import os, sys
root = sys.argv[1]
sys.path.insert(0, root)
os.chdir(root)
import mkdocs.commands.build, mkdocs.config, material.plugins.search.plugin, primer.build.plugin
import primer.build.mkdocs_run
if sys.argv[2] == "jieba":
    import jieba
    jieba.initialize()  # the dictionary, once for every edition
children = []
for config, out in zip(sys.argv[3::2], sys.argv[4::2]):
    pid = os.fork()
    if pid == 0:
        os.makedirs(os.path.dirname(out), exist_ok=True)
        log = os.open(out + ".log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os._exit(primer.build.mkdocs_run.main([config, out]))
    children.append(pid)
sys.exit(max(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children))
"""


def editions(root: Path, out: Path) -> list[str]:
    """Returns (config, site folder) of every edition, flattened."""
    return [part for lang, config in LANG_CONFIGS.items() for part in (str(root / config), str(out / lang))]


def variants(root: Path, plain: Path, work: Path) -> dict[str, Callable[[], measure.Sample]]:
    """Returns the measured variants, each on an empty cache folder."""
    def cold() -> dict[str, str]:
        return environment() | {"PRIMER_CACHE_DIR": tempfile.mkdtemp(prefix="cold-", dir=work)}

    spawned = [([PYTHON, "-m", "primer.build.mkdocs_run", str(root / config), str(work / "spawned" / lang)], root)
               for lang, config in LANG_CONFIGS.items()]
    plain_builds = [(mkdocs_build(plain, lang, work / "plain-out" / lang), plain) for lang in LANG_CONFIGS]
    return {
        "spawned (as build.py build)": lambda: measure.run_together(spawned, cold()),
        "forked, jieba loaded once": lambda: measure.run(
            [PYTHON, "-c", FORKED, str(root), "jieba", *editions(root, work / "forked")], root, cold()),
        "forked, jieba per edition": lambda: measure.run(
            [PYTHON, "-c", FORKED, str(root), "-", *editions(root, work / "forked-each")], root, cold()),
        "plain": lambda: measure.run_together(plain_builds, environment()),
    }


def same_sites(first: Path, second: Path) -> bool:
    """Tells whether two site folders hold the same files with the same bytes."""
    comparison = filecmp.dircmp(first, second)
    if comparison.left_only or comparison.right_only:
        return False
    _, mismatch, errors = filecmp.cmpfiles(first, second, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_sites(first / name, second / name)
                                               for name in comparison.common_dirs)


def main(argv: list[str] | None = None) -> int:
    """Runs the rounds, prints the table, compares the spawned and forked sites."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/primer-fork-probe"), help="scratch folder")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    root = snapshot(REPO / "content", args.work / "project", git=True)
    plain = write_plain(root, args.work / "plain")
    samples = measure.alternate(variants(root, plain, args.work), args.rounds, lambda line: print(line, flush=True))
    samples = {("plain, every edition in parallel" if name == "plain" else name): values
               for name, values in samples.items()}
    print(table(samples))
    for lang in LANG_CONFIGS:
        same = same_sites(args.work / "spawned" / lang, args.work / "forked" / lang)
        print(f"{lang}: forked site {'identical to' if same else 'DIFFERS from'} the spawned one")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
