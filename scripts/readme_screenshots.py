"""Regenerates the README screenshots from the built site (run after `make site`).

Usage: .venv/bin/python scripts/readme_screenshots.py [NAME.png …]   (no names: all of them)
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SHOTS = {
    "home-zh.png": "zh/",
    "home-en.png": "en/",
    "section-zh.png": "zh/sections/generalization/",
    "section-en.png": "en/sections/definition/",
    "figure-zh.png": "zh/timeline/",
    "figure-en.png": "en/figures/#fig-parameters-over-time",
    "chart-phone-zh.png": "zh/figures/#fig-training-compute-over-time",
    "chart-phone-en.png": "en/figures/#fig-training-compute-over-time",
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# A 360 px phone shows the charts' narrow drawing (overrides/assets/stylesheets/figures.css).
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def main(names: list[str]) -> None:
    """Serves site/ on a free local port and saves one screenshot per page (only `names` if given)."""
    handler = functools.partial(QuietHandler, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for name, path in SHOTS.items():
                if names and name not in names:
                    continue
                page = browser.new_page(**(PHONE if "phone" in name else DESKTOP))  # type: ignore[arg-type]
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(ROOT / "assets" / "readme" / name))
                page.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
