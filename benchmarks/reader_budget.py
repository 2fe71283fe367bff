"""What readers download: page and search-index sizes, and Lighthouse scores of a built site.

Lighthouse comes from npm (`npm install` in benchmarks/ puts it in benchmarks/node_modules) and
drives Debian Chromium (CHROME_PATH=/usr/bin/chromium) against the site served from 127.0.0.1.

The site is served the way the real host (GitHub Pages) serves it: text gzip-compressed, with
`Cache-Control: max-age=600`, over keep-alive HTTP/1.1. `python -m http.server` compresses nothing,
so Lighthouse's simulated slow 4G would download 4-5x more bytes than a reader does (Material's
main stylesheet alone is 135 KiB raw, 21 KiB gzip) and charge the difference to first paint."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from typing import Any, BinaryIO

from primer.languages import LANGUAGES

BENCHMARKS = Path(__file__).resolve().parent
LIGHTHOUSE = BENCHMARKS / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
# The heaviest pages of each kind: home, the glossary (largest HTML), the timeline (eras chart), the
# figures gallery (every figure) and a section that places several figures.
PAGES = {"home": "", "glossary": "glossary/", "timeline": "timeline/", "figures": "figures/",
         "concepts": "sections/concepts/"}
FOLDERS = tuple(language.folder for language in LANGUAGES)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def sizes(path: Path) -> dict[str, int]:
    """Returns the raw and gzip-compressed size of a file."""
    data = path.read_bytes()
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9))}


def size_budget(site: Path, langs: tuple[str, ...] = FOLDERS) -> dict[str, Any]:
    """Returns the largest page, the search index and the total size of each language."""
    budget: dict[str, Any] = {}
    for lang in langs:
        pages = sorted((site / lang).rglob("*.html"), key=lambda page: page.stat().st_size, reverse=True)
        index = site / lang / "search" / "search_index.json"
        budget[lang] = {
            "largest_page": {"path": str(pages[0].relative_to(site)), **sizes(pages[0])} if pages else None,
            "search_index": sizes(index) if index.exists() else None,
            "site_bytes": sum(f.stat().st_size for f in (site / lang).rglob("*") if f.is_file()),
            "pages": len(pages),
        }
    archives = sorted(site.parent.glob("dist/*"))
    budget["offline_archives"] = {str(a.relative_to(site.parent)): a.stat().st_size for a in archives if a.is_file()}
    return budget


# What GitHub Pages compresses; images other than SVG are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json")
CACHE_CONTROL = "max-age=600"  # GitHub Pages' header on every file


@functools.lru_cache(maxsize=512)
def gzipped(path: Path, mtime_ns: int) -> bytes:
    """Returns the file gzip-compressed at the level web servers use (keyed by mtime: rebuilt sites recompress)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def accepts_gzip(accept_encoding: str) -> bool:
    """Tells whether an Accept-Encoding header allows gzip (`gzip;q=0` refuses it)."""
    for coding in accept_encoding.split(","):
        name, _, params = coding.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


class HostLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Serves static files like GitHub Pages: gzip for text, a cache lifetime, keep-alive, no request log."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if (not path.is_file() or not content_type.startswith(COMPRESSIBLE)
                or not accepts_gzip(self.headers.get("Accept-Encoding", ""))):
            return super().send_head()
        stat = path.stat()
        body = gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class HostLikeServer(http.server.ThreadingHTTPServer):
    """A threaded static server that shrugs off clients hanging up mid-response (the browser moved on)."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = HostLikeHandler) -> Iterator[str]:
    """Serves `site` over http://127.0.0.1 on a free port for the duration of the block (by default
    like the real host); yields the base URL. The tests serve their sites with it too."""
    server = HostLikeServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def lighthouse(url: str, report: Path, preset: str) -> dict[str, Any]:
    """Runs Lighthouse on one URL; returns scores and the failing accessibility audits with selectors."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}", "--output=json", f"--output-path={report}",
               "--quiet", f"--only-categories={','.join(CATEGORIES)}"]
    if preset != "mobile":
        command.append(f"--preset={preset}")
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        return {"error": (result.stderr or result.stdout)[-2000:]}
    data = json.loads(report.read_text(encoding="utf-8"))
    return {"lighthouse_version": data["lighthouseVersion"], "runtime_error": data.get("runtimeError"),
            "scores": {name: data["categories"][name]["score"] for name in CATEGORIES},
            "failing": failing_audits(data)}


def failing_audits(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Returns every failed binary/numeric audit of the accessibility, SEO and best-practices categories."""
    failed = []
    for category in ("accessibility", "seo", "best-practices"):
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1 or ref.get("weight", 0) == 0:
                continue
            items = (audit.get("details") or {}).get("items", [])
            failed.append({"category": category, "id": ref["id"], "title": audit["title"], "weight": ref["weight"],
                           "nodes": [{"selector": (item.get("node") or {}).get("selector"),
                                      "snippet": (item.get("node") or {}).get("snippet"),
                                      "explanation": (item.get("node") or {}).get("explanation")}
                                     for item in items if isinstance(item, dict)]})
    return failed


def lighthouse_budget(site: Path, out: Path, preset: str = "mobile",
                      langs: tuple[str, ...] = FOLDERS, runs: int = 3) -> dict[str, Any]:
    """Runs Lighthouse `runs` times on the PAGES of each language (the pages
    alternate, so a burst of load on the machine does not hit one page's runs only); each page's
    scores are the medians, with every run's scores kept."""
    if not LIGHTHOUSE.exists():
        return {"error": f"{LIGHTHOUSE} not found: run `npm install` in benchmarks/"}
    measured: dict[str, list[dict[str, Any]]] = {}
    with served(site) as base:
        for run in range(1, runs + 1):
            for lang in langs:
                for name, path in PAGES.items():
                    report = out / f"lighthouse-{preset}-{lang}-{name}-{run}.json"
                    result = lighthouse(f"{base}/{lang}/{path}", report, preset)
                    measured.setdefault(f"{lang}/{name}", []).append(result)
                    print(f"  lighthouse {preset} run {run} {lang}/{name}: {result.get('scores')}", flush=True)
    return {page: summarize_runs(results) for page, results in measured.items()}


def summarize_runs(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Returns the median score per category over the runs that worked, their range, and the
    failing audits of any run."""
    scored = [result for result in results if "scores" in result]
    if not scored:
        return results[-1]
    failing = {audit["id"]: audit for result in scored for audit in result["failing"]}
    return {"lighthouse_version": scored[0]["lighthouse_version"], "runs": len(scored),
            "scores": {name: statistics.median(r["scores"][name] for r in scored) for name in CATEGORIES},
            "range": {name: [min(r["scores"][name] for r in scored), max(r["scores"][name] for r in scored)]
                      for name in CATEGORIES},
            "all": [result["scores"] for result in scored], "failing": list(failing.values())}
