"""Draws runs of evenly spaced glyphs with one string instead of one `Tj` and one `Td` per glyph.

Chromium places every glyph by itself: `<g1> Tj  dx 0 Td  <g2> Tj …`, each `dx` the advance Skia
rounded to its grid. Where the offsets of a run all exceed the glyphs' widths (`/W`) by one
constant, a viewer puts them at the same places from one string with that constant as character
spacing (`Tc`, ISO 32000 9.3.2): `δ Tc <g1g2…> Tj`. Chinese text is such a run (every character is
1,000 units wide and Skia rounds each advance the same way); Latin letters of different widths
round differently and mostly stay glyph by glyph. Nothing moves: the offsets are summed exactly
(decimals as written), the offset after the run is the sum of the offsets it replaces, and a
stream is left alone if it sets any text state but the font itself.

A `Tc` costs its digits (Latin spacings have fifteen), so short runs are joined only under the
spacing already in force, and a stream keeps its joined form only if it compresses smaller: no
book grows. In the English book 2 of 151 pages and 209 of 488 forms keep it (0.4 KiB in all); in
the Chinese one 130 of 139 pages and 199 forms (17 KiB; BENCHMARKS.md)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import cast

import pikepdf

from primer.exports.pdf_cids import widths
from primer.exports.pdf_streams import Content, write

Instruction = pikepdf.ContentStreamInstruction
Widths = dict[int, Decimal]  # CID -> width in 1/1000 of the text size, `/DW` under key -1
MIN_RUN = 6  # glyphs: a shorter run is joined only if it needs no new Tc (measured: 4-12 within 0.4 %)
UNSUPPORTED = {"TJ", "'", '"', "Tc", "Tw", "Tz", "TL", "Ts", "TD", "T*"}


def decimal(value: object) -> Decimal:
    """Returns a PDF number as an exact decimal."""
    return value if isinstance(value, Decimal) else Decimal(int(value))  # type: ignore[call-overload]


def offset_of(instruction: Instruction, name: str) -> Decimal | None:
    """Returns the horizontal offset of a `dx 0 Td`, None for any other instruction."""
    if name != "Td" or decimal(instruction.operands[1]) != 0:
        return None
    return decimal(instruction.operands[0])


def glyph_of(instruction: Instruction, name: str) -> bytes | None:
    """Returns the two-byte code a `Tj` shows, None for any other instruction."""
    if name != "Tj" or not isinstance(instruction.operands[0], pikepdf.String):
        return None
    text = bytes(instruction.operands[0])
    return text if len(text) == 2 else None


def width(font: Widths, code: bytes) -> Decimal:
    """Returns a glyph's width (`/W`, else `/DW`)."""
    return font.get(int.from_bytes(code, "big"), font[-1])


class Positions:
    """What each instruction of a stream contributes to a run, read once: the code a `Tj` shows,
    the offset of a `dx 0 Td` (None for anything else), and the operators' names."""

    def __init__(self, instructions: list[Instruction], names: list[str]) -> None:
        self.names = names
        pairs = list(zip(instructions, names, strict=True))
        self.glyphs = [glyph_of(item, name) if name == "Tj" else None for item, name in pairs]
        self.offsets = [offset_of(item, name) if name == "Td" else None for item, name in pairs]


def collect(steps: Positions, index: int, font: Widths, size: Decimal) -> tuple[list[bytes], list[Decimal], Decimal]:
    """Returns the run that starts with the `Tj` at `index`: its codes, the offsets between them and
    their spacing. A run ends before a glyph whose offset breaks the spacing, and only where `Td` or
    `ET` follows (what comes next is placed from the run's first glyph: the replaced offsets are
    added to the next offset)."""
    codes, offsets, spacing, kept = [cast(bytes, steps.glyphs[index])], list[Decimal](), Decimal(0), 1
    position, count = index + 1, len(steps.names)
    while position + 1 < count:
        offset, code = steps.offsets[position], steps.glyphs[position + 1]
        if offset is None or code is None:
            break
        gap = offset - width(font, codes[-1]) * size / 1000
        if offsets and gap != spacing:
            break
        codes.append(code)
        offsets.append(offset)
        spacing, position = gap, position + 2
        if position == count or steps.names[position] in {"Td", "ET"}:
            kept = len(codes)
    return codes[:kept], offsets[:kept - 1], spacing


def rewrite(instructions: list[Instruction], names: list[str], widths: dict[str, Widths]) -> Iterator[Instruction]:
    """Yields the instructions of one content stream (and their operators' names) with evenly spaced
    runs joined; `widths` gives each font's widths by resource name."""
    font: Widths | None = None
    size, spacing, saved = Decimal(0), None, list[Decimal | None]()  # Tc unknown: a form inherits it
    index, steps = 0, Positions(instructions, names)
    while index < len(instructions):
        instruction, name = instructions[index], names[index]
        if name == "Tf":
            font, size = widths.get(str(instruction.operands[0])), decimal(instruction.operands[1])
        elif name == "q":
            saved.append(spacing)
        elif name == "Q" and saved:
            spacing = saved.pop()
        codes, offsets, gap = collect(steps, index, font, size) if (
            font is not None and steps.glyphs[index] is not None) else ([], [], Decimal(0))
        if len(codes) < 2 or (len(codes) < MIN_RUN and gap != spacing):
            # A run left as it is: the glyphs after its first would end it the same way, so they are
            # passed too, but for its last, which may start a run of another spacing.
            end = index + max(1, 2 * len(codes) - 2)
            yield from instructions[index:end]
            index = end
            continue
        if spacing != gap:
            spacing = gap
            yield Instruction([gap], pikepdf.Operator("Tc"))
        yield Instruction([pikepdf.String(b"".join(codes))], pikepdf.Operator("Tj"))
        index += 2 * len(codes) - 1
        following = instructions[index] if index < len(instructions) else None
        if following is not None and names[index] == "Td":
            moved = sum(offsets, decimal(following.operands[0]))  # its dy, if any, is kept
            yield Instruction([moved, following.operands[1]], pikepdf.Operator("Td"))
            index += 1


def font_widths(container: pikepdf.Object, cache: dict[tuple[int, int], Widths]) -> dict[str, Widths]:
    """Returns the CID widths of the Type 0 fonts a page or form names, by resource name."""
    fonts = container.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())
    found: dict[str, Widths] = {}
    for name, font in fonts.items():
        if font.get("/Subtype") != "/Type0":
            continue
        if font.objgen not in cache:
            descendant = font.DescendantFonts[0]
            known = {cid: decimal(value) for cid, value in widths(descendant.get("/W", pikepdf.Array()))}
            cache[font.objgen] = known | {-1: decimal(descendant.get("/DW", 1000))}
        found[name] = cache[font.objgen]
    return found


def joined(content: Content, cache: dict[tuple[int, int], Widths]) -> bytes:
    """Returns a page's or form's stream with its evenly spaced runs joined, if that compresses
    smaller (else as it is); streams that set other text state, or hold inline images, stay as they are."""
    plain = content.unparsed()
    if any(name in UNSUPPORTED for name in content.names) or not all(
            isinstance(item, Instruction) for item in content.instructions):
        return plain
    instructions = cast(list[Instruction], content.instructions)
    rewritten = list(rewrite(instructions, content.names, font_widths(content.holder, cache)))
    if len(rewritten) == len(instructions):  # nothing joined (a join removes two per glyph, adds one Tc)
        return plain
    candidate = pikepdf.unparse_content_stream(rewritten)
    return candidate if len(zlib.compress(candidate, 9)) < len(zlib.compress(plain, 9)) else plain


def join_runs(found: list[Content]) -> None:
    """Writes every page and form, evenly spaced glyph runs joined where that makes it smaller."""
    cache: dict[tuple[int, int], Widths] = {}
    write(found, lambda content: joined(content, cache))
