"""Where the bytes of each PDF go, per page: fonts (per face), page content, forms, structure, maps.

Usage:
    .venv/bin/python -m benchmarks.pdf_bytes dist                  # this checkout's PDFs
    .venv/bin/python -m benchmarks.pdf_bytes before/dist dist      # side by side

Every stream is counted at its stored (compressed) length and sorted into one kind; `overhead` is
the rest of the file (stream dictionaries, the cross-reference stream, the header). The last line
compares each language's bytes per page with the English book's (issue 16: the Chinese one no
larger per page)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pikepdf

LANGS = ("zh", "en", "zh-hant")


def stream_kinds(pdf: pikepdf.Pdf) -> dict[tuple[int, int], str]:
    """Returns the kind of the streams that are not told apart by their own dictionary."""
    kinds: dict[tuple[int, int], str] = {}
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        if obj.get("/Type") == "/FontDescriptor" and "/FontFile2" in obj:
            kinds[obj.FontFile2.objgen] = "font " + str(obj.FontName).split("+", 1)[-1]
        for key, kind in (("/ToUnicode", "ToUnicode"), ("/CIDToGIDMap", "CIDToGIDMap")):
            if isinstance(obj.get(key), pikepdf.Stream):
                kinds[obj[key].objgen] = kind
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            kinds[stream.objgen] = "page content"
    return kinds


def kind_of(stream: pikepdf.Stream, kinds: dict[tuple[int, int], str]) -> str:
    """Returns what a stream holds."""
    if stream.objgen in kinds:
        return kinds[stream.objgen]
    if stream.get("/Subtype") == "/Form":
        return "forms"
    if stream.get("/Type") == "/ObjStm":
        return "object streams (structure tree, dictionaries)"
    return "other streams"


def breakdown(path: Path) -> tuple[int, Counter[str]]:
    """Returns the pages of a PDF and its bytes by kind (`overhead` included, so they sum to the size)."""
    with pikepdf.open(path) as pdf:
        kinds = stream_kinds(pdf)
        sizes: Counter[str] = Counter()
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                sizes[kind_of(obj, kinds)] += len(obj.read_raw_bytes())
        pages = len(pdf.pages)
    sizes["overhead"] = path.stat().st_size - sum(sizes.values())
    return pages, sizes


def table(folder: Path) -> str:
    """Returns a Markdown table of one dist/ folder: a column per language, KiB per page by kind."""
    found = {lang: breakdown(folder / f"large-model-primer-{lang}.pdf") for lang in LANGS
             if (folder / f"large-model-primer-{lang}.pdf").is_file()}
    kinds = sorted({kind for _, sizes in found.values() for kind in sizes},
                   key=lambda kind: -sum(sizes[kind] for _, sizes in found.values()))
    lines = [f"{folder}: KiB per page (whole file in KiB)", "",
             "| | " + " | ".join(found) + " |", "| --- |" + " ---: |" * len(found)]
    lines.append("| pages | " + " | ".join(str(pages) for pages, _ in found.values()) + " |")
    lines.append("| **bytes per page** | " + " | ".join(
        f"**{sum(sizes.values()) / pages / 1024:.2f}** ({sum(sizes.values()) / 1024:,.0f})"
        for pages, sizes in found.values()) + " |")
    for kind in kinds:
        lines.append(f"| {kind} | " + " | ".join(
            f"{sizes[kind] / pages / 1024:.2f} ({sizes[kind] / 1024:,.1f})" if sizes[kind] else "—"
            for pages, sizes in found.values()) + " |")
    if "en" in found:
        english = sum(found["en"][1].values()) / found["en"][0]
        ratios = [f"{lang} {sum(sizes.values()) / pages / english:.3f}" for lang, (pages, sizes) in found.items()]
        lines += ["", "bytes per page against en: " + ", ".join(ratios)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path, help="dist/ folders holding large-model-primer-*.pdf")
    for folder in parser.parse_args().folders:
        print(table(folder), end="\n\n")


if __name__ == "__main__":
    main()
