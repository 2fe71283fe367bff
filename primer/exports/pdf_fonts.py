"""Cuts the TrueType fonts Chromium embeds down to the glyphs the pages draw, one program per face.

Skia embeds a face as several subsets, each keeping every glyph id up to the highest it draws
(46,000 empty slots of loca and hmtx for a CJK face), plus layout and hinting tables a PDF never
reads; past a number of glyphs it embeds the whole file instead (for Debian's WenQuanYi Micro Hei,
the whole 5 MB collection). Here each face's glyphs are read from the content streams, merged from
its programs into one font with fontTools and renumbered 1, 2, 3 …; every font of the face shares
that program, and `primer.exports.pdf_cids` renumbers the text to match.

Two changes make the program smaller without changing what a reader sees. Composite glyphs (most of
WenQuanYi's CJK characters are two components placed side by side) are decomposed into simple
glyphs: each component was a glyph of its own, with a header, bounding box, loca and hmtx entries,
and most are used by one character only. And the outlines are scaled from 2,048 to 256 units per em:
a coordinate step then fits one byte, and a rounding error is at most 1/512 em (0.03 pt at 14 pt,
a quarter of a 600 dpi printer dot). The PDF's widths and bounding boxes are in 1/1000 of the text
size, independent of the program's units, so they stay as Chromium wrote them."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator, Sequence

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph

from primer.exports.pdf_streams import Content

WHOLE_FONT = 1_000_000  # bytes: Skia's own subsets stay far below this
UNITS_PER_EM = 256  # the compact programs' grid (see the module's docstring)
# What text drawn by CID through a CIDToGIDMap never reads (ISO 32000 9.9: no cmap for CIDFontType2).
UNREAD_TABLES = ["vhea", "vmtx", "GDEF", "GSUB", "GPOS", "MATH", "FFTM", "cmap", "gasp"]


def shown_strings(operands: Sequence[object]) -> Iterator[bytes]:
    """Yields the strings a text-showing operator draws (TJ takes an array of strings and kerns)."""
    for operand in operands:
        if isinstance(operand, pikepdf.String):
            yield bytes(operand)
        elif isinstance(operand, pikepdf.Array):
            yield from (bytes(item) for item in operand if isinstance(item, pikepdf.String))


def font_file(font: pikepdf.Object) -> pikepdf.Stream | None:
    """Returns the embedded TrueType program of a Type 0 font with two-byte CIDs, if it has one."""
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H":
        return None
    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if descriptor is not None else None
    return program if isinstance(program, pikepdf.Stream) else None


def drawn_text(content: Content) -> Iterator[tuple[int, pikepdf.Stream]]:
    """Yields (index, font program) of the instructions of a page or form that show text in a Type 0
    TrueType font."""
    found: dict[tuple[int, int], pikepdf.Stream | None] = {}  # font dictionary -> its program
    for index, font in content.text():
        if font.objgen not in found:
            found[font.objgen] = font_file(font)
        program = found[font.objgen]
        if program is not None:
            yield index, program


def collect_glyphs(content: Content, used: dict[tuple[int, int], set[int]]) -> None:
    """Adds the CIDs a page or form draws to `used`, keyed by the font program's object id."""
    for index, program in drawn_text(content):
        glyphs = used.setdefault(program.objgen, set())
        for text in shown_strings(list(content.instructions[index].operands)):
            glyphs.update(int.from_bytes(text[i:i + 2], "big") for i in range(0, len(text) - 1, 2))


def load_font(data: bytes, postscript_name: str) -> TTFont:
    """Opens a font program; from a collection, the face whose PostScript name matches."""
    if data[:4] != b"ttcf":
        return TTFont(io.BytesIO(data), recalcTimestamp=False)
    faces = TTCollection(io.BytesIO(data), recalcTimestamp=False).fonts
    wanted = postscript_name.split("+", 1)[-1]
    for face in faces:
        if face["name"].getDebugName(6) == wanted:
            return face
    return faces[0]


def outlined(font: TTFont) -> set[int]:
    """Returns the glyph ids that have outline data in a font (a subset leaves the others empty)."""
    offsets = font["loca"].locations
    return {gid for gid in range(len(offsets) - 1) if offsets[gid + 1] > offsets[gid]}


def copy_glyph(source: TTFont, target: TTFont, gid: int) -> None:
    """Copies glyph `gid` (outline, advance, and the components it is built from) into `target`,
    which numbers glyphs the same way (both are subsets of one font that kept the glyph ids)."""
    source_order, target_order = source.getGlyphOrder(), target.getGlyphOrder()
    glyph = source["glyf"][source_order[gid]]
    for component in getattr(glyph, "components", []) if glyph.isComposite() else []:
        component_gid = source.getGlyphID(component.glyphName)
        copy_glyph(source, target, component_gid)
        component.glyphName = target_order[component_gid]
    target["glyf"][target_order[gid]] = glyph
    target["hmtx"][target_order[gid]] = source["hmtx"][source_order[gid]]


def merge_programs(fonts: list[TTFont], glyphs: set[int]) -> TTFont:
    """Returns the font with the most glyph slots, completed with the outlines of `glyphs` that only
    the others hold."""
    base = max(fonts, key=lambda font: font["maxp"].numGlyphs)
    missing = glyphs - outlined(base)
    for other in fonts:
        if other is base:
            continue
        for gid in sorted(missing & outlined(other)):
            copy_glyph(other, base, gid)
    return base


def components(font: TTFont, gids: set[int]) -> set[int]:
    """Returns the glyph ids that the composite glyphs among `gids` are built from."""
    glyf = font["glyf"]
    return {font.getGlyphID(part.glyphName) for name in map(font.getGlyphName, gids)
            if glyf[name].isComposite() for part in glyf[name].components}


def decompose(font: TTFont, gids: set[int]) -> None:
    """Replaces the composite glyphs among `gids` by simple glyphs holding their components' outlines
    (placed and transformed as the composite placed them), so the components need not be embedded."""
    glyf = font["glyf"]
    for name in map(font.getGlyphName, sorted(gids)):
        if not glyf[name].isComposite():
            continue
        coordinates, ends, flags = glyf[name].getCoordinates(glyf)
        simple = Glyph()
        simple.numberOfContours, simple.endPtsOfContours = len(ends), list(ends)
        simple.coordinates, simple.flags = coordinates, bytearray(flag & 1 for flag in flags)  # on-curve bit
        simple.program = ttProgram.Program()
        simple.program.fromBytecode(b"")
        simple.recalcBounds(glyf)
        glyf[name] = simple


def compact_program(font: TTFont, glyphs: set[int]) -> tuple[bytes, dict[int, int]]:
    """Returns the font cut down to `glyphs` (decomposed, on the grid of UNITS_PER_EM) and renumbered,
    and the new id of each of `glyphs`."""
    decompose(font, glyphs)
    old_ids = {name: gid for gid, name in enumerate(font.getGlyphOrder())}
    options = subset.Options(retain_gids=False, notdef_outline=True, layout_features=[], hinting=False,
                             recalc_timestamp=False, prune_unicode_ranges=False, prune_codepage_ranges=False,
                             drop_tables=[*subset.Options().drop_tables, *UNREAD_TABLES])
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs | {0}))
    subsetter.subset(font)
    new_ids = {old_ids[name]: gid for gid, name in enumerate(font.getGlyphOrder())}
    if font["head"].unitsPerEm > UNITS_PER_EM:
        scale_upem(font, UNITS_PER_EM)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), {gid: new_ids[gid] for gid in glyphs | {0}}


def embedded_faces(pdf: pikepdf.Pdf) -> dict[str, list[pikepdf.Dictionary]]:
    """Returns the Type 0 TrueType fonts drawn by CID = glyph id, by face (Chromium embeds one face as
    several fonts)."""
    faces: dict[str, list[pikepdf.Dictionary]] = {}
    for font in pdf.objects:
        if isinstance(font, pikepdf.Dictionary) and font_file(font) is not None:
            descendant = font.DescendantFonts[0]
            if descendant.get("/CIDToGIDMap", pikepdf.Name.Identity) == pikepdf.Name.Identity:
                name = str(descendant.FontDescriptor.FontName).lstrip("/").split("+", 1)[-1]
                faces.setdefault(name, []).append(font)
    return faces


def programs(fonts: list[pikepdf.Dictionary]) -> list[pikepdf.Stream]:
    """Returns the distinct TrueType programs of fonts, in the order found."""
    found = {program.objgen: program for program in map(font_file, fonts) if program is not None}
    return list(found.values())


def compact_fonts(pdf: pikepdf.Pdf, found: list[Content]) -> dict[tuple[int, int], dict[int, int]]:
    """Gives every face one compact program of the glyphs drawn in it, shared by its fonts; returns,
    by program, the new glyph id of each CID drawn (the caller renumbers the text: until then the
    text draws the wrong glyphs)."""
    used: dict[tuple[int, int], set[int]] = {}
    for content in found:
        collect_glyphs(content, used)
    maps: dict[tuple[int, int], dict[int, int]] = {}
    for name, fonts in sorted(embedded_faces(pdf).items()):
        data = [program.read_bytes() for program in programs(fonts)]
        loaded = [load_font(program, name) for program in data]
        # Drawn glyphs, and any of Skia's subsets holds that no page was seen drawing (kept, not lost),
        # except the components of composite glyphs: decomposed, these draw nothing of their own.
        glyphs = set().union(*(used.get(program.objgen, set()) for program in programs(fonts)))
        subsets = [font for font, raw in zip(loaded, data, strict=True) if len(raw) < WHOLE_FONT]
        kept = set().union(*map(outlined, subsets))
        merged = merge_programs(loaded, glyphs | kept)
        glyphs |= kept - components(merged, glyphs | kept)
        program, new_ids = compact_program(merged, glyphs)
        shared = pdf.make_indirect(pdf.make_stream(zlib.compress(program, 9), Filter=pikepdf.Name.FlateDecode,
                                                   Length1=len(program)))
        for font in fonts:
            font.DescendantFonts[0].FontDescriptor.FontFile2 = shared
        maps[shared.objgen] = new_ids
    return maps
