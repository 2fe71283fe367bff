"""One font dictionary per face: Chromium writes several Type 0 fonts for one face (five for the
Chinese book's WenQuanYi), each with its own descendant font, descriptor, widths and ToUnicode CMap.
Once they share one compact program and one numbering (`primer.exports.pdf_fonts`,
`primer.exports.pdf_cids`), one of them can stand for all: its widths and CMap become the union of
theirs, and every resource dictionary that named another points at it. The others are no longer
referenced, and saving leaves them out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

import pikepdf

from primer.exports.pdf_cids import cmap_of, unicode_map, width_array, widths
from primer.exports.pdf_fonts import font_file

Widths = dict[int, object]  # CID -> width, in 1/1000 of the text size


def font_widths(font: pikepdf.Dictionary) -> Widths:
    """Returns the width of every CID a font knows (from `/W`, or `/DW` for the CIDs its CMap maps).
    Zeros are left out: Skia fills the gaps of its `c [w …]` runs with 0 for glyphs of the face that
    this font does not draw, so a zero says nothing about the glyph."""
    descendant = font.DescendantFonts[0]
    default = descendant.get("/DW", 1000)
    found: Widths = dict.fromkeys(font_texts(font), default)
    found.update(widths(descendant.get("/W", pikepdf.Array())))
    return {cid: width for cid, width in found.items() if width != 0}


def font_texts(font: pikepdf.Dictionary) -> dict[int, bytes]:
    """Returns CID -> text of a font's ToUnicode CMap (none without one)."""
    cmap = font.get("/ToUnicode")
    return unicode_map(cmap.read_bytes()) if isinstance(cmap, pikepdf.Stream) else {}


def agree(first: Mapping[int, object], second: Mapping[int, object]) -> bool:
    """Whether two CID maps give the same value to every CID both hold."""
    return all(first[cid] == second[cid] for cid in first.keys() & second.keys())


def fonts_by_program(pdf: pikepdf.Pdf) -> dict[tuple[int, int], list[pikepdf.Dictionary]]:
    """Returns the renumbered Type 0 fonts (drawn by CID = glyph id) by the object id of their program."""
    found: dict[tuple[int, int], list[pikepdf.Dictionary]] = {}
    for font in [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)]:
        program = font_file(font)
        if program is not None and font.DescendantFonts[0].get("/CIDToGIDMap") == pikepdf.Name.Identity:
            found.setdefault(program.objgen, []).append(font)
    return found


def groups(pdf: pikepdf.Pdf) -> Iterator[list[pikepdf.Dictionary]]:
    """Yields the fonts sharing one program whose widths and texts agree, in groups of two or more
    (they may disagree: in the Chinese book one WenQuanYi font gives some Latin glyphs a width of 500)."""
    for fonts in fonts_by_program(pdf).values():
        found: list[tuple[list[pikepdf.Dictionary], Widths, dict[int, bytes]]] = []
        for font in fonts:
            own_widths, own_texts = font_widths(font), font_texts(font)
            group = next((g for g in found if agree(g[1], own_widths) and agree(g[2], own_texts)), None)
            if group is None:
                found.append(([font], own_widths, own_texts))
            else:
                group[0].append(font)
                group[1].update(own_widths)
                group[2].update(own_texts)
        yield from (members for members, _, _ in found if len(members) > 1)


def default_width(found: Widths) -> int:
    """Returns the most common whole width (`/DW`: poppler reads it only when it is an integer)."""
    whole = Counter(int(width) for width in found.values() if int(width) == width)  # type: ignore[call-overload]
    return whole.most_common(1)[0][0] if whole else 1000


def merge_into(pdf: pikepdf.Pdf, fonts: list[pikepdf.Dictionary]) -> pikepdf.Dictionary:
    """Makes the first font stand for all of `fonts` (union of widths and texts); returns it."""
    keeper, all_widths, texts = fonts[0], {}, {}
    for font in fonts:
        all_widths.update(font_widths(font))
        texts.update(font_texts(font))
    descendant = keeper.DescendantFonts[0]
    descendant.DW = default = default_width(all_widths)
    descendant.W = width_array({cid: width for cid, width in all_widths.items() if width != default})
    keeper.ToUnicode = pdf.make_stream(cmap_of(texts))
    return keeper


def font_resources(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Yields every `/Font` resource dictionary: of pages, forms, and shared resource dictionaries."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            continue
        holder = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        resources = holder.get("/Resources")
        inner = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        for candidate in (holder.get("/Font"), inner):
            if isinstance(candidate, pikepdf.Dictionary) and not candidate.get("/Type"):
                yield candidate


def merge_faces(pdf: pikepdf.Pdf) -> None:
    """Leaves one font dictionary per face (per shared program with agreeing widths and texts)."""
    replacement: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for fonts in groups(pdf):
        keeper = merge_into(pdf, fonts)
        replacement.update((font.objgen, keeper) for font in fonts[1:])
    for resources in font_resources(pdf):
        for name, font in list(resources.items()):
            if font.objgen in replacement:
                resources[name] = replacement[font.objgen]
