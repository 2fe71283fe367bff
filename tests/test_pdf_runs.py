"""Joining evenly spaced glyphs into one string: same places, fewer operators, without a build."""

from __future__ import annotations

from decimal import Decimal

import pikepdf

from primer.exports.pdf_runs import Widths, rewrite

# CID 1-8: full-width (1,000) characters; 9: a Latin letter 556.15234 wide. Default width 1,000.
WIDTHS: dict[str, Widths] = {"/F1": {9: Decimal("556.15234"), -1: Decimal(1000)}}
CJK = Decimal("13.59375")  # Skia's offset for a 1,000-unit glyph at 13.6000004
DOCUMENT = pikepdf.new()  # streams belong to a document that must outlive them


def instructions(content: bytes) -> list[pikepdf.ContentStreamInstruction]:
    """Parses a content stream."""
    stream = DOCUMENT.make_stream(content)
    return [item for item in pikepdf.parse_content_stream(stream) if isinstance(item, pikepdf.ContentStreamInstruction)]


def names(items: list[pikepdf.ContentStreamInstruction]) -> list[str]:
    """Returns the operators' names."""
    return [str(item.operator) for item in items]


def glyph_by_glyph(cids: list[int], offsets: list[Decimal], after: bytes = b"ET") -> bytes:
    """Returns Chromium's way of drawing: `<cid> Tj` and `dx 0 Td` for every glyph."""
    body = b"".join(b"<%04x> Tj\n%s 0 Td\n" % (cid, str(offset).encode()) for cid, offset in zip(cids, offsets, strict=False))
    return b"BT\n/F1 13.6000004 Tf\n1 0 0 -1 16 100 Tm\n" + body + b"<%04x> Tj\n" % cids[-1] + after + b"\n"


def positions(items: list[pikepdf.ContentStreamInstruction]) -> list[tuple[int, Decimal]]:
    """Returns (CID, x) of every glyph drawn, as a viewer places them (Td from the line start,
    advance = width × size / 1000 + Tc within a string)."""
    found, line, spacing, size = [], Decimal(0), Decimal(0), Decimal(0)
    for item in items:
        name, operands = str(item.operator), list(item.operands)
        if name == "Tf":
            size = Decimal(str(operands[1]))
        elif name == "Tc":
            spacing = Decimal(str(operands[0]))
        elif name == "Td":
            line += Decimal(str(operands[0]))
        elif name == "Tj":
            x, text = line, bytes(operands[0])
            for start in range(0, len(text), 2):
                cid = int.from_bytes(text[start:start + 2], "big")
                found.append((cid, x))
                x += WIDTHS["/F1"].get(cid, Decimal(1000)) * size / 1000 + spacing
    return found


def test_an_evenly_spaced_run_becomes_one_string_with_its_spacing() -> None:
    """Eight full-width glyphs at Skia's offsets: one `Tc`, one `Tj`, glyphs at the same places."""
    before = instructions(glyph_by_glyph(list(range(1, 9)), [CJK] * 7))
    after = list(rewrite(before, names(before), WIDTHS))
    assert [str(item.operator) for item in after] == ["BT", "Tf", "Tm", "Tc", "Tj", "ET"]
    assert after[3].operands[0] == CJK - Decimal("13.6000004")
    assert positions(after) == positions(before)


def test_the_offset_after_a_run_adds_the_offsets_it_replaced() -> None:
    """Six glyphs at Skia's offsets, then one 0.0000153 further: the Td before the seventh moves by
    the run's offsets."""
    odd = Decimal("13.5937653")
    before = instructions(glyph_by_glyph([1, 2, 3, 4, 5, 6, 9], [CJK] * 5 + [odd]))
    after = list(rewrite(before, names(before), WIDTHS))
    assert [str(item.operator) for item in after][3:] == ["Tc", "Tj", "Td", "Tj", "ET"]
    assert after[5].operands[0] == 5 * CJK + odd
    assert positions(after) == positions(before)


def test_a_glyph_off_the_spacing_ends_the_run_and_short_runs_stay_glyph_by_glyph() -> None:
    """An offset 0.0000153 longer breaks the spacing; the three glyphs before it are too few to pay
    for a `Tc`, so nothing is joined."""
    before = instructions(glyph_by_glyph([1, 2, 3, 4], [CJK, CJK, Decimal("13.5937653")]))
    after = list(rewrite(before, names(before), WIDTHS))
    assert pikepdf.unparse_content_stream(after) == pikepdf.unparse_content_stream(before)


def test_a_run_is_joined_only_up_to_a_glyph_that_td_or_et_follows() -> None:
    """The last glyph, followed by another operator, stays alone (what follows it would otherwise be
    placed from the run's start)."""
    before = instructions(glyph_by_glyph(list(range(1, 9)), [CJK] * 7, after=b"0 0 0 rg\nET"))
    after = list(rewrite(before, names(before), WIDTHS))
    assert [str(item.operator) for item in after][3:] == ["Tc", "Tj", "Td", "Tj", "rg", "ET"]
    assert bytes(after[6].operands[0]) == b"\x00\x08" and positions(after) == positions(before)
