"""What readers download: page and search-index sizes, and Lighthouse scores of a built site.

Lighthouse comes from npm (`npm install` in benchmarks/ puts it in benchmarks/node_modules) and
drives Debian Chromium (CHROME_PATH=/usr/bin/chromium) against the site served from 127.0.0.1."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
LIGHTHOUSE = BENCHMARKS / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
PAGES = {"home": "", "glossary": "glossary/", "timeline": "timeline/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def sizes(path: Path) -> dict[str, int]:
    """Returns the raw and gzip-compressed size of a file."""
    data = path.read_bytes()
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9))}


def size_budget(site: Path, langs: tuple[str, ...] = ("zh", "en")) -> dict[str, Any]:
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


def free_port() -> int:
    """Returns a free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """Serves `site` over http://127.0.0.1 for the duration of the block."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                              cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


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
                      langs: tuple[str, ...] = ("zh", "en")) -> dict[str, Any]:
    """Runs Lighthouse on home, glossary and timeline of each language."""
    if not LIGHTHOUSE.exists():
        return {"error": f"{LIGHTHOUSE} not found: run `npm install` in benchmarks/"}
    results: dict[str, Any] = {}
    with served(site) as base:
        for lang in langs:
            for name, path in PAGES.items():
                report = out / f"lighthouse-{preset}-{lang}-{name}.json"
                results[f"{lang}/{name}"] = lighthouse(f"{base}/{lang}/{path}", report, preset)
                print(f"  lighthouse {preset} {lang}/{name}: {results[f'{lang}/{name}'].get('scores')}", flush=True)
    return results
