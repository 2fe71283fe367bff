"""Figures: SVG and page sizes, rendering time, and what figures add to a full build.

Usage:
    .venv/bin/python benchmarks/figures_bench.py [--rounds 5] [--site site] [--browser-only]

Sizes are read from a built `site/` (build it first). The build comparison snapshots the generator
twice, with the real content and with the same content minus `content/figures/` (the figures page
and the generated pages' figures then disappear), and times `build.py build` in alternation, warm
caches (one untimed build of each first), each snapshot with its own cache folder.

In Chromium (what Lighthouse would report that matters for figures, without Lighthouse): each
figure page's cumulative layout shift (a PerformanceObserver's `layout-shift` entries once the
page has loaded, and again after scrolling to its end) and the smallest label a reader sees, on a
360 px phone and a desktop."""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.project import REPO, snapshot
from primer.content.loader import load_content
from primer.figures.placement import figure_index
from primer.figures.render import figure_html

SVG = re.compile(rb"<svg class=\"primer-figure__svg[\" ].*?</svg>", re.S)
PAGES = ("figures/index.html", "timeline/index.html", "classification/index.html",
         "sections/characteristics/index.html", "sections/concepts/index.html")
SCREENS = {"phone 360 px": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
           "desktop 1280 px": {"viewport": {"width": 1280, "height": 900}}}
RECORD_SHIFTS = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});"""
# The smallest label of the drawings a reader sees (a hidden drawing measures 0 wide), in CSS px.
SMALLEST_LABEL = """() => Math.min(...[...document.querySelectorAll('svg.primer-figure__svg')]
  .filter(s => s.getBoundingClientRect().width > 0).flatMap(s => {
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return [...s.querySelectorAll('text, tspan')].filter(t => t.textContent.trim())
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale); }))"""


def svg_sizes(site: Path) -> dict[str, int]:
    """Returns the largest inline SVG of each language's figures page, and how many there are."""
    result = {}
    for lang in ("zh", "en"):
        svgs = SVG.findall((site / lang / "figures/index.html").read_bytes())
        result[f"{lang} count"], result[f"{lang} largest svg"] = len(svgs), max(len(s) for s in svgs)
        result[f"{lang} total svg"] = sum(len(s) for s in svgs)
    return result


def page_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """Returns (bytes, gzip bytes) of the pages that show figures, and of the largest page."""
    sizes = {}
    for lang in ("zh", "en"):
        for page in PAGES:
            data = (site / lang / page).read_bytes()
            sizes[f"{lang}/{page}"] = (len(data), len(gzip.compress(data, 9)))
        largest = max((site / lang).rglob("*.html"), key=lambda p: p.stat().st_size)
        data = largest.read_bytes()
        sizes[f"{lang} largest: {largest.relative_to(site / lang)}"] = (len(data), len(gzip.compress(data, 9)))
    return sizes


def render_time(rounds: int) -> float:
    """Returns the median time to render every figure in both languages, in ms (one process)."""
    content, _ = load_content(REPO)
    index = figure_index(content)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for figure in content.figures.values():
            for lang in ("zh", "en"):
                figure_html(content, figure, lang, index.label(figure.id, lang))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def in_browser(site: Path) -> dict[str, tuple[float, float, float]]:
    """Returns (layout shift when loaded, after scrolling to the end, smallest visible label px)
    of each figure page on each screen."""
    from primer.exports.pdf import launch_chromium

    found = {}
    with launch_chromium() as browser:
        for screen, options in SCREENS.items():
            for lang in ("zh", "en"):
                for page_path in PAGES:
                    context = browser.new_context(**options)  # type: ignore[arg-type]
                    page = context.new_page()
                    page.add_init_script(RECORD_SHIFTS)
                    page.goto((site / lang / page_path).resolve().as_uri(), wait_until="load")
                    page.wait_for_timeout(500)
                    loaded = page.evaluate("window.__shift")  # what Lighthouse sees: it does not scroll
                    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                    page.wait_for_timeout(500)
                    found[f"{screen} {lang}/{page_path}"] = (loaded, page.evaluate("window.__shift"),
                                                             page.evaluate(SMALLEST_LABEL))
                    context.close()
    return found


def build_seconds(root: Path, cache: Path) -> float:
    """Times one full `build.py build` of a snapshot."""
    env = dict(os.environ, PRIMER_CACHE_DIR=str(cache))
    start = time.perf_counter()
    subprocess.run([sys.executable, "build.py", "build"], cwd=root, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def build_overhead(rounds: int) -> dict[str, float]:
    """Returns median full-build seconds with and without figures (alternating rounds)."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        with_figures = snapshot(REPO / "content", folder / "with")
        without = snapshot(REPO / "content", folder / "without")
        shutil.rmtree(without / "content" / "figures")
        roots = {"with figures": with_figures, "without figures": without}
        for name, root in roots.items():
            build_seconds(root, folder / f"cache-{name}")  # warm the caches
        times: dict[str, list[float]] = {name: [] for name in roots}
        for _ in range(rounds):
            for name, root in roots.items():
                times[name].append(build_seconds(root, folder / f"cache-{name}"))
    medians = {name: statistics.median(values) for name, values in times.items()}
    medians["ratio"] = medians["with figures"] / medians["without figures"]
    return medians


def main() -> None:
    """Prints every measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--browser-only", action="store_true", help="sizes and Chromium only, no build timing")
    args = parser.parse_args()
    for name, value in svg_sizes(args.site).items():
        print(f"{name}: {value:,} B" if "count" not in name else f"{name}: {value}")
    for name, (raw, packed) in page_sizes(args.site).items():
        print(f"{name}: {raw / 1024:.1f} KiB ({packed / 1024:.1f} KiB gzip)")
    for name, (loaded, scrolled, label) in in_browser(args.site).items():
        print(f"{name}: layout shift {loaded:.4f} loaded, {scrolled:.4f} scrolled; smallest label {label:.1f} px")
    if args.browser_only:
        return
    print(f"render every figure, both languages: {render_time(args.rounds):.1f} ms (median of {args.rounds})")
    for name, seconds in build_overhead(args.rounds).items():
        print(f"full build {name}: {seconds:.2f}" + ("" if name == "ratio" else " s"))


if __name__ == "__main__":
    main()
