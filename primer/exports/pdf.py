"""PDF per language, printed by headless Chromium from the single-file HTML.

Chromium rather than WeasyPrint: it renders exactly the CSS the site uses (Material's grid,
admonitions, tables), finds the CJK font through fontconfig and embeds subsets of it, writes a
document outline from the headings and keeps internal links; and the tests need it anyway."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from primer.render import render, ui_strings

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)")
NODE_ID = re.compile(rb"\(node(\d{8})\)")


def chromium_path() -> str:
    """Returns the Chromium binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def print_pdf(html_file: Path, pdf_file: Path, lang: str, title: str) -> None:
    """Prints `html_file` to `pdf_file` (A4, page numbers, outline, tagged; reproducible)."""
    from playwright.sync_api import sync_playwright

    footer = render("pdf-footer.html.j2", title=title, page_label=ui_strings()[lang]["page"])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
            page.goto(html_file.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(pdf_file), format="A4", print_background=True, outline=True, tagged=True,
                     display_header_footer=True, header_template="<span></span>", footer_template=footer,
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
        finally:
            browser.close()
    data = renumber_nodes(pin_dates(pdf_file.read_bytes()))
    pdf_file.write_bytes(data)


def renumber_nodes(data: bytes) -> bytes:
    """Renumbers the structure-element ids Chromium takes from its DOM node counter (which differs
    from run to run) as 1, 2, 3 … in their original order: same length, same sort order."""
    order = sorted({int(found) for found in NODE_ID.findall(data)})
    new = {old: index for index, old in enumerate(order, start=1)}
    return NODE_ID.sub(lambda m: b"(node%08d)" % new[int(m.group(1))], data)


def pin_dates(data: bytes) -> bytes:
    """Replaces the PDF's creation and modification dates with SOURCE_DATE_EPOCH (same length,
    so the cross-reference offsets stay valid)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return data
    stamp = datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y%m%d%H%M%S").encode()

    def replace(match: re.Match[bytes]) -> bytes:
        suffix = match.group(3)
        pinned = b"+00'00'" if len(suffix) == 7 else (b"Z" + b" " * (len(suffix) - 1) if suffix else b"")
        return b"/" + match.group(1) + b" (D:" + stamp + pinned + b")"

    return PDF_DATE.sub(replace, data)
