"""Search as readers meet it: every query of benchmarks/search-queries.yml typed into the real built
site in Chromium, served over http and opened from file:// (the offline archive). Reports hit@1,
hit@3 and MRR per language and mode, keystroke-to-results times, index sizes and requests that
tried to leave the site.

Usage:
    .venv/bin/python benchmarks/search_quality.py                       # site/ and dist/ as built
    .venv/bin/python benchmarks/search_quality.py --site site --offline dist/large-model-primer-offline.zip
    .venv/bin/python benchmarks/search_quality.py --modes http --json out.json"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page, Route

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.reader_budget import served
from primer.exports.pdf import launch_chromium
from primer.languages import CODES, language

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "benchmarks" / "search-queries.yml"
LANGS = CODES  # the query set covers every edition, the derived 繁體中文 one too

# Types one query the way Material listens for it (value, then keyup) and waits, with a
# MutationObserver, until the result list shows items or the "no results" line; one animation
# frame later (what the reader sees) it returns the elapsed time and every result item's links.
TYPE_QUERY = """async ([query, timeout]) => {
  const box = document.querySelector("input.md-search__input");
  const result = document.querySelector(".md-search-result");
  const list = result.querySelector(".md-search-result__list");
  const meta = result.querySelector(".md-search-result__meta");
  const keyup = () => box.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
  const until = test => new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error("no results for " + query)); }, timeout);
    const observer = new MutationObserver(() => {
      if (test()) { observer.disconnect(); clearTimeout(timer); resolve(); }
    });
    observer.observe(result, {childList: true, subtree: true, characterData: true});
  });
  if (box.value) { box.value = ""; keyup(); await until(() => list.children.length === 0); }
  const idle = meta.textContent;
  box.value = query;
  const start = performance.now();
  keyup();
  await until(() => list.children.length > 0 || meta.textContent !== idle);
  await new Promise(resolve => requestAnimationFrame(resolve));
  const ms = performance.now() - start;
  const groups = [...list.children].map(li =>
    [...li.querySelectorAll(":scope > a.md-search-result__link")].map(a =>
      ({href: a.href, score: parseFloat(a.querySelector("article").dataset.mdScore)})));
  return {ms, groups};
}"""


@dataclass(frozen=True, slots=True)
class Query:
    """One line of the query set."""

    lang: str
    q: str
    want: tuple[str, ...]
    must: bool = False


@dataclass(frozen=True, slots=True)
class Answer:
    """What the reader saw: per result item (a page), its page and its best entry, as site paths."""

    query: Query
    ms: float
    pages: tuple[str, ...]
    best: tuple[str, ...]

    @property
    def rank(self) -> int | None:
        """The 1-based position of the first result that answers the query, or None."""
        for position, (page, best) in enumerate(zip(self.pages, self.best, strict=True), start=1):
            if any(want == best if "#" in want else want == page for want in self.query.want):
                return position
        return None


def load_queries(path: Path = QUERIES) -> list[Query]:
    """Reads the query set."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(lang=entry["lang"], q=str(entry["q"]), want=tuple(entry["want"]), must=bool(entry.get("must")))
            for entry in entries]


def site_path(href: str, root: str) -> str:
    """Returns a result link as a directory-style path under the language root (`glossary/#rlhf`),
    whether the site uses directory URLs or .html files (offline)."""
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(root).path):]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return f"{path}#{parts.fragment}" if parts.fragment else path


def type_query(page: Page, query: Query, root: str, timeout_ms: int = 10_000) -> Answer:
    """Types `query` into the open search box of `page`; `root` is the language's base URL."""
    seen: dict[str, Any] = page.evaluate(TYPE_QUERY, [query.q, timeout_ms])
    pages, best = [], []
    for links in seen["groups"]:
        top = max(links, key=lambda link: link["score"])  # the first of equals, as rendered
        pages.append(site_path(links[0]["href"], root).split("#")[0])
        best.append(site_path(top["href"], root))
    return Answer(query=query, ms=seen["ms"], pages=tuple(pages), best=tuple(best))


# Material shows "Initializing search" until its worker has the index, then the placeholder text:
# a query typed before that gets no results, and its "ready" message looks like an answer.
SEARCH_READY = """() => {
  const config = JSON.parse(document.querySelector("#__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta && meta.textContent.trim() === config.translations["search.result.placeholder"];
}"""


def open_search(page: Page, url: str, timeout_ms: int = 30_000) -> None:
    """Opens a page and its search dialog (from file:// Material starts the worker only then) and
    waits until the worker has loaded the index."""
    page.goto(url)
    page.locator("input.md-search__input").click()
    page.wait_for_function(SEARCH_READY, timeout=timeout_ms)


def run_mode(browser: Browser, base: str, queries: Sequence[Query], offsite: list[str]) -> list[Answer]:
    """Runs every query on its language's home page under `base` (http://host or file:///folder);
    requests that leave `base` are recorded in `offsite` and blocked."""
    context = browser.new_context()
    local = urlsplit(base)

    def only_local(route: Route) -> None:
        target = urlsplit(route.request.url)
        if (target.scheme, target.netloc) == (local.scheme, local.netloc) or target.scheme in ("data", "blob"):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    answers = []
    try:
        for lang in LANGS:
            page = context.new_page()
            root = f"{base}/{language(lang).folder}/"
            open_search(page, root + ("index.html" if local.scheme == "file" else ""))
            type_query(page, Query(lang=lang, q="GPT", want=()), root, timeout_ms=30_000)  # warm-up
            answers += [type_query(page, query, root) for query in queries if query.lang == lang]
            page.close()
    finally:
        context.close()
    return answers


def summary(answers: Sequence[Answer]) -> dict[str, float]:
    """hit@1, hit@3, MRR and keystroke-to-results times of a list of answers."""
    ranks = [answer.rank for answer in answers]
    times = [answer.ms for answer in answers]
    return {"queries": len(answers), "hit@1": sum(rank == 1 for rank in ranks) / len(ranks),
            "hit@3": sum(rank is not None and rank <= 3 for rank in ranks) / len(ranks),
            "mrr": sum(1 / rank for rank in ranks if rank) / len(ranks),
            "median_ms": statistics.median(times), "median_ms_first_20": statistics.median(times[:20]),
            "p90_ms": sorted(times)[int(0.9 * (len(times) - 1))]}


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    """Bytes and gzip bytes of each language's search index."""
    sizes = {}
    for lang in LANGS:
        data = (site / language(lang).folder / "search" / "search_index.json").read_bytes()
        sizes[lang] = {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9, mtime=0))}
    return sizes


@contextmanager
def offline_root(path: Path) -> Iterator[Path]:
    """The offline archive as a folder: `path` itself, or the zip extracted to a temporary one."""
    if path.is_dir():
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="search-offline-") as folder, zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
        yield Path(folder)


def report(results: dict[str, Any]) -> str:
    """The Markdown table and the misses."""
    lines = ["| mode | lang | queries | hit@1 | hit@3 | MRR | keystroke → results, median (first 20) | p90 |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for mode, per_lang in results["summary"].items():
        for lang, row in per_lang.items():
            lines.append(f"| {mode} | {lang} | {row['queries']} | {row['hit@1']:.1%} | {row['hit@3']:.1%} | "
                         f"{row['mrr']:.3f} | {row['median_ms']:.0f} ms ({row['median_ms_first_20']:.0f} ms) | "
                         f"{row['p90_ms']:.0f} ms |")
    sizes = results["index_sizes"]
    lines.append("")
    lines += [f"search index {lang}: {size['bytes']:,} bytes ({size['gzip_bytes']:,} gzip)"
              for lang, size in sizes.items()]
    lines.append(f"requests that tried to leave the site: {len(results['offsite'])}")
    for miss in results["misses"]:
        lines.append(f"  not first: [{miss['mode']} {miss['lang']}] {miss['q']!r} rank {miss['rank']} "
                     f"(wanted {', '.join(miss['want'])}; got {', '.join(miss['got'])})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--offline", type=Path, default=REPO / "dist" / "large-model-primer-offline.zip")
    parser.add_argument("--modes", default="http,file")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    queries = load_queries(args.queries)
    results: dict[str, Any] = {"summary": {}, "misses": [], "offsite": [], "index_sizes": index_sizes(args.site)}
    with launch_chromium() as browser:
        for mode in args.modes.split(","):
            if mode == "http":
                with served(args.site) as base:
                    answers = run_mode(browser, base, queries, results["offsite"])
            else:
                with offline_root(args.offline) as root:
                    answers = run_mode(browser, root.as_uri(), queries, results["offsite"])
            results["summary"][mode] = {lang: summary([a for a in answers if a.query.lang == lang]) for lang in LANGS}
            results["misses"] += [{"mode": mode, **asdict(a.query), "rank": a.rank, "got": list(a.best[:3])}
                                  for a in answers if a.rank != 1]
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
