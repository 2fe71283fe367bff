"""Draws the site's share image (Open Graph / Twitter card), docs/assets/images/social.png, 1200×630.

The image is committed, so the site build needs no browser and no network; run this again after
changing the logo, the site names or the subtitle. It renders a small HTML card (the logo inlined,
fonts from the system through fontconfig) in Debian's Chromium and keeps the screenshot.

Usage: .venv/bin/python scripts/social_image.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the package sits beside scripts/
    sys.path.insert(0, str(ROOT))
LOGO = ROOT / "docs" / "assets" / "images" / "logo.svg"
OUTPUT = ROOT / "docs" / "assets" / "images" / "social.png"
WIDTH, HEIGHT = 1200, 630
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--font-render-hinting=none"]
CARD = """<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {width}px; height: {height}px; }}
body {{ background: #3f51b5; color: #fff; display: flex; align-items: center; gap: 56px; padding: 0 96px;
        box-sizing: border-box; font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; }}
svg {{ width: 240px; height: 240px; flex: none; }}
h1 {{ margin: 0; font-size: 92px; font-weight: 700; line-height: 1.1; }}
p {{ margin: 16px 0 0; font-size: 48px; line-height: 1.2; }}
small {{ display: block; margin-top: 36px; font-size: 30px; opacity: .9; }}
</style><body>{logo}<div><h1>大模型入门</h1><p lang="en">Large Model Primer</p>
<small>定义 · 历史 · 特点 · 分类 · 微调</small></div></body></html>"""


def card_html() -> str:
    """Returns the card's HTML with the logo inlined (white, as on the header)."""
    logo = LOGO.read_text(encoding="utf-8").replace('fill="currentColor"', 'fill="#fff"')
    return CARD.format(width=WIDTH, height=HEIGHT, logo=logo)


def main() -> None:
    """Renders the card and writes the PNG."""
    from primer.exports.pdf import chromium_path  # the same Chromium the PDFs and tests use

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
            page.route("**/*", lambda route: route.abort())  # nothing but the inline card
            page.set_content(card_html())
            page.screenshot(path=str(OUTPUT), full_page=False)
        finally:
            browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
