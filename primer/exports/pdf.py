"""PDF per language, printed by headless Chromium from the single-file HTML.

Chromium rather than WeasyPrint: it renders exactly the CSS the site uses (Material's grid,
admonitions, tables), finds the CJK font through fontconfig and embeds subsets of it, writes a
document outline from the headings and keeps internal links; and the tests need it anyway.
pikepdf (qpdf) then replaces the document information Chromium writes (its user agent as the
creator, the clock as the date) and saves with an /ID derived from the content, so the bytes
depend on the sources alone."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from primer.exports.edition import Book
from primer.pages.render import render, ui_strings

if TYPE_CHECKING:
    import pikepdf
    from playwright.sync_api import Browser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]
NODE_ID = re.compile(rb"\(node(\d{8})\)")
CREATOR = "Large Model Primer (build.py export, printed by Chromium)"


def chromium_path() -> str:
    """Returns the Chromium binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Launches Debian's Chromium headless with the flags these machines need (no sandbox, no
    background networking); the exports, the browser tests and the benchmarks share it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def print_pdf(html_file: Path, pdf_file: Path, book: Book) -> int:
    """Prints `html_file` to `pdf_file` (A4, page numbers, outline, tagged; reproducible); returns
    its number of pages."""
    footer = render("pdf-footer.html.j2", title=book.title, page_label=ui_strings()[book.lang]["page"])
    with launch_chromium() as browser:
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else route.abort())
        page.goto(html_file.resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.pdf(path=str(pdf_file), format="A4", print_background=True, outline=True, tagged=True,
                 display_header_footer=True, header_template="<span></span>", footer_template=footer,
                 margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
    pdf_file.write_bytes(renumber_nodes(pdf_file.read_bytes()))
    return set_document_info(pdf_file, book)


def renumber_nodes(data: bytes) -> bytes:
    """Renumbers the structure-element ids Chromium takes from its DOM node counter (which differs
    from run to run) as 1, 2, 3 … in their original order: same length, same sort order."""
    order = sorted({int(found) for found in NODE_ID.findall(data)})
    new = {old: index for index, old in enumerate(order, start=1)}
    return NODE_ID.sub(lambda m: b"(node%08d)" % new[int(m.group(1))], data)


def pdf_date(epoch: int) -> str:
    """Returns a PDF date string (`D:YYYYMMDDHHmmSSZ`) of a Unix time."""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("D:%Y%m%d%H%M%SZ")


def share_form_dictionaries(pdf: pikepdf.Pdf) -> None:
    """Replaces the resources and transparency group written into each form XObject by one indirect
    copy per distinct dictionary: a stream's own dictionary is stored uncompressed, outside the object
    streams, and Chromium writes ~480 forms (text drawn with opacity) with a few distinct ones."""
    import pikepdf

    shared: dict[bytes, pikepdf.Object] = {}
    for form in pdf.objects:
        if not (isinstance(form, pikepdf.Stream) and form.get("/Subtype") == "/Form"):
            continue
        for key in ("/Resources", "/Group"):
            value = form.stream_dict.get(key)
            if value is not None and not value.is_indirect:
                text = value.unparse()
                if text not in shared:
                    shared[text] = pdf.make_indirect(value)
                form.stream_dict[key] = shared[text]


def set_document_info(pdf_file: Path, book: Book) -> int:
    """Writes title, author, subject, creator, language and dates; saves with a content-derived /ID;
    returns the number of pages."""
    import pikepdf

    from primer.exports.pdf_cids import renumber_cids
    from primer.exports.pdf_faces import merge_faces
    from primer.exports.pdf_fonts import compact_fonts
    from primer.exports.pdf_runs import join_runs
    from primer.exports.pdf_streams import contents
    from primer.exports.pdf_structure import collapse_nonstruct

    with pikepdf.open(pdf_file, allow_overwriting_input=True) as pdf:
        streams = contents(pdf)  # parsed once for the three steps that read or rewrite text
        renumber_cids(pdf, compact_fonts(pdf, streams), streams)
        merge_faces(pdf)
        join_runs(streams)
        share_form_dictionaries(pdf)
        collapse_nonstruct(pdf)  # 9,000 of 13,000 structure elements are divs without meaning
        date = pikepdf.String(pdf_date(book.edition.epoch))
        pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(
            Title=pikepdf.String(book.title), Author=pikepdf.String(book.author),
            Subject=pikepdf.String(book.subject), Creator=pikepdf.String(CREATOR),
            Producer=pdf.docinfo.get("/Producer", pikepdf.String("Chromium")), CreationDate=date, ModDate=date))
        pdf.Root.Lang = pikepdf.String(book.language)
        # Object streams: the tagged structure (ten thousand small dictionaries) compressed too.
        pikepdf.settings.set_flate_compression_level(9)
        pdf.save(pdf_file, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 recompress_flate=True)
        return len(pdf.pages)
