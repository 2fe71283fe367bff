"""Renumbers the CIDs a PDF draws text with to the glyph ids of the compacted font programs.

Chromium draws by the original font's glyph ids (CID = glyph id, `/Identity`); once a face's program
holds only the drawn glyphs, numbered 1, 2, 3 …, the text can use those numbers directly: no
CIDToGIDMap (two bytes for every id up to the highest, 46,000 for a CJK face), and smaller numbers
in the content streams, which compress better. The widths (`/W`) and the text each glyph stands for
(`/ToUnicode`) are keyed by CID: they are renumbered too, so the text stays selectable."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

from primer.exports.pdf_fonts import drawn_text, font_file
from primer.exports.pdf_streams import Content

CidMap = dict[int, int]  # old CID -> new CID
HEX_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
SECTION = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
CMAP_HEAD = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
             b"<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
             b"/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
CMAP_TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def renumbered(text: bytes, cids: CidMap) -> bytes:
    """Returns a string of two-byte CIDs with every CID replaced by its new number."""
    return b"".join(cids[int.from_bytes(text[i:i + 2], "big")].to_bytes(2, "big") for i in range(0, len(text) - 1, 2))


def renumbered_operands(operands: list[pikepdf.Object], cids: CidMap) -> list[pikepdf.Object]:
    """Returns the operands of a text-showing operator with their strings renumbered."""
    result: list[pikepdf.Object] = []
    for operand in operands:
        if isinstance(operand, pikepdf.String):
            result.append(pikepdf.String(renumbered(bytes(operand), cids)))
        elif isinstance(operand, pikepdf.Array):
            result.append(pikepdf.Array([pikepdf.String(renumbered(bytes(item), cids))
                                         if isinstance(item, pikepdf.String) else item for item in operand]))
        else:
            result.append(operand)
    return result


def renumber_text(content: Content, maps: dict[tuple[int, int], CidMap]) -> None:
    """Renumbers the text of a page or form, font by font (the fonts whose program has a map)."""
    for index, program in drawn_text(content):
        cids = maps.get(program.objgen)
        if cids is not None:
            instruction = content.instructions[index]
            content.instructions[index] = pikepdf.ContentStreamInstruction(
                renumbered_operands(list(instruction.operands), cids), instruction.operator)


def widths(array: pikepdf.Object) -> Iterator[tuple[int, object]]:
    """Yields (CID, width) from a `/W` array (`c [w …]` and `first last w` entries)."""
    items, index = list(array), 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            yield from ((first + offset, width) for offset, width in enumerate(items[index + 1]))
            index += 2
        else:
            yield from ((cid, items[index + 2]) for cid in range(first, int(items[index + 1]) + 1))
            index += 3


def renumbered_widths(array: pikepdf.Object, cids: CidMap) -> pikepdf.Array:
    """Returns the `/W` array keyed by the new CIDs, consecutive CIDs in one `c [w …]` entry."""
    return width_array({cids[cid]: width for cid, width in widths(array) if cid in cids})


def width_array(found: dict[int, object]) -> pikepdf.Array:
    """Returns a `/W` array of CID -> width, consecutive CIDs in one `c [w …]` entry."""
    runs: list[tuple[int, list[object]]] = []
    for cid, width in sorted(found.items()):
        if runs and runs[-1][0] + len(runs[-1][1]) == cid:
            runs[-1][1].append(width)
        else:
            runs.append((cid, [width]))
    return pikepdf.Array([item for first, run in runs for item in (first, pikepdf.Array(run))])


def unicode_map(cmap: bytes) -> dict[int, bytes]:
    """Returns CID -> UTF-16BE text of a ToUnicode CMap (bfchar and bfrange sections)."""
    found: dict[int, bytes] = {}
    for kind, body in SECTION.findall(cmap):
        if kind == b"char":
            found.update((int(src, 16), bytes.fromhex(dst.decode())) for src, dst in HEX_PAIR.findall(body))
            continue
        for low, high, target in RANGE.findall(body):
            start, end = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                texts = [bytes.fromhex(t.decode()) for t in re.findall(rb"<([0-9A-Fa-f]+)>", target)]
                found.update(zip(range(start, end + 1), texts, strict=False))
            else:
                # The destination counts up by CID (Skia's ranges carry past a byte: read it as a number).
                base = bytes.fromhex(target[1:-1].decode())
                value = int.from_bytes(base, "big")
                found.update((cid, (value + cid - start).to_bytes(len(base), "big")) for cid in range(start, end + 1))
    return found


def renumbered_cmap(cmap: bytes, cids: CidMap) -> bytes:
    """Returns the ToUnicode CMap keyed by the new CIDs."""
    return cmap_of({cids[cid]: text for cid, text in unicode_map(cmap).items() if cid in cids})


def cmap_of(texts: dict[int, bytes]) -> bytes:
    """Returns a ToUnicode CMap of CID -> UTF-16BE text. Runs of consecutive CIDs (renumbered glyphs
    mostly are) become `bfrange` entries with an array of texts, which spares writing each CID; a
    range stays within one high byte (ISO 32000 9.10.3); lone CIDs are `bfchar` entries."""
    runs: list[tuple[int, list[bytes]]] = []
    for cid, text in sorted(texts.items()):
        if runs and runs[-1][0] + len(runs[-1][1]) == cid and cid & 0xFF:
            runs[-1][1].append(text)
        else:
            runs.append((cid, [text]))
    chars = [b"<%04X> <%s>\n" % (cid, run[0].hex().upper().encode()) for cid, run in runs if len(run) == 1]
    ranges = [b"<%04X> <%04X> [%s]\n" % (cid, cid + len(run) - 1, b" ".join(b"<%s>" % text.hex().upper().encode()
                                                                             for text in run))
              for cid, run in runs if len(run) > 1]
    return CMAP_HEAD + sections(b"bfchar", chars) + sections(b"bfrange", ranges) + CMAP_TAIL


def sections(kind: bytes, entries: list[bytes]) -> bytes:
    """Returns CMap sections of at most 100 entries each (the limit of ISO 32000 9.10.3)."""
    return b"".join(b"%d begin%s\n%send%s\n" % (len(entries[start:start + 100]), kind,
                                                 b"".join(entries[start:start + 100]), kind)
                    for start in range(0, len(entries), 100))


def renumber_cids(pdf: pikepdf.Pdf, maps: dict[tuple[int, int], CidMap], found: list[Content]) -> None:
    """Renumbers text, widths and ToUnicode of the fonts whose program (by object id) has a map; the
    streams' instructions are renumbered in `found` (the caller writes them)."""
    for content in found:
        renumber_text(content, maps)
    for font in pdf.objects:
        program = font_file(font) if isinstance(font, pikepdf.Dictionary) else None
        if program is None or program.objgen not in maps:
            continue
        cids, descendant = maps[program.objgen], font.DescendantFonts[0]
        descendant.CIDToGIDMap = pikepdf.Name.Identity
        if "/W" in descendant:
            descendant.W = renumbered_widths(descendant.W, cids)
        if isinstance(font.get("/ToUnicode"), pikepdf.Stream):
            font.ToUnicode = pdf.make_stream(renumbered_cmap(font.ToUnicode.read_bytes(), cids))
