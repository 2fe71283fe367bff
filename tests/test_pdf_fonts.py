"""Compacting an embedded TrueType program: composite glyphs decomposed, outlines on a coarser grid."""

from __future__ import annotations

import io

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

from primer.exports.pdf_fonts import UNITS_PER_EM, compact_program, components, decompose


def square(left: int, bottom: int, size: int) -> Glyph:
    """Returns a simple glyph: one square contour."""
    pen = TTGlyphPen(None)
    pen.moveTo((left, bottom))
    pen.lineTo((left, bottom + size))
    pen.lineTo((left + size, bottom + size))
    pen.lineTo((left + size, bottom))
    pen.closePath()
    return pen.glyph()


def two_part_font() -> TTFont:
    """Returns a 2,048-unit font whose glyph 'pair' is built from 'left' and 'right' (shifted by 1,024),
    as WenQuanYi builds many CJK characters from two components."""
    glyphs = {".notdef": Glyph(), "left": square(100, 0, 800), "right": square(0, 100, 600)}
    pen = TTGlyphPen(glyphs)
    pen.addComponent("left", (1, 0, 0, 1, 0, 0))
    pen.addComponent("right", (1, 0, 0, 1, 1024, 0))
    glyphs["pair"] = pen.glyph()
    builder = FontBuilder(2048, isTTF=True)
    builder.setupGlyphOrder(list(glyphs))
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (2048, 0) for name in glyphs})
    builder.setupHorizontalHeader(ascent=1900, descent=-500)
    builder.setupCharacterMap({0x41: "left", 0x42: "right", 0x43: "pair"})
    builder.setupOS2()
    builder.setupPost()
    builder.setupNameTable({"familyName": "Pair", "styleName": "Regular"})
    out = io.BytesIO()
    builder.save(out)
    return TTFont(io.BytesIO(out.getvalue()))


def test_a_decomposed_composite_holds_its_components_outlines_where_they_were_placed() -> None:
    """Decomposing 'pair' gives a simple glyph with both squares, the second shifted by its offset."""
    font = two_part_font()
    pair = font.getGlyphID("pair")
    assert components(font, {pair}) == {font.getGlyphID("left"), font.getGlyphID("right")}
    decompose(font, {pair})
    glyph = font["glyf"]["pair"]
    assert not glyph.isComposite() and glyph.numberOfContours == 2
    assert sorted(glyph.coordinates)[:2] == [(100, 0), (100, 800)]
    assert (1024 + 600, 700) in list(glyph.coordinates)
    assert components(font, {pair}) == set()


def test_the_compact_program_holds_only_the_drawn_glyph_on_the_coarser_grid() -> None:
    """Compacting to 'pair' keeps .notdef and 'pair' alone (no components), scaled to UNITS_PER_EM."""
    font = two_part_font()
    data, new_ids = compact_program(font, {font.getGlyphID("pair")})
    compact = TTFont(io.BytesIO(data))
    order = compact.getGlyphOrder()
    assert len(order) == 2 and new_ids == {0: 0, 3: 1}
    assert compact["head"].unitsPerEm == UNITS_PER_EM < 2048
    pair = compact["glyf"][order[1]]
    scale = UNITS_PER_EM / 2048
    assert not pair.isComposite() and (round(1624 * scale), round(700 * scale)) in list(pair.coordinates)
    assert compact["hmtx"][order[1]][0] == UNITS_PER_EM
