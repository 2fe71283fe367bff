"""Subsets the CJK fonts Chromium embeds whole.

Skia subsets a font only while few of its glyphs are used; past that it embeds the entire file,
and for Debian's WenQuanYi Micro Hei that is the whole 5 MB TrueType collection (both faces).
Here the glyphs each embedded TrueType font draws are read from the content streams, and the
font is cut down to them with fontTools, keeping glyph ids (the text is drawn by glyph id)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator, Sequence

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
WHOLE_FONT = 1_000_000  # bytes: Skia's own subsets stay far below this


def shown_strings(operands: Sequence[object]) -> Iterator[bytes]:
    """Yields the strings a text-showing operator draws (TJ takes an array of strings and kerns)."""
    for operand in operands:
        if isinstance(operand, pikepdf.String):
            yield bytes(operand)
        elif isinstance(operand, pikepdf.Array):
            yield from (bytes(item) for item in operand if isinstance(item, pikepdf.String))


def font_file(font: pikepdf.Object) -> pikepdf.Stream | None:
    """Returns the embedded TrueType program of a Type 0 font with two-byte glyph ids, if it has one."""
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H":
        return None
    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if descriptor is not None else None
    return program if isinstance(program, pikepdf.Stream) else None


def collect_glyphs(container: pikepdf.Object, used: dict[tuple[int, int], set[int]]) -> None:
    """Adds the glyph ids drawn by a page or form XObject (and the forms it draws) to `used`,
    keyed by the font program's object id."""
    resources = container.get("/Resources", pikepdf.Dictionary())
    fonts = resources.get("/Font", pikepdf.Dictionary())
    current: pikepdf.Stream | None = None
    for instruction in pikepdf.parse_content_stream(container):
        operands, name = list(instruction.operands), str(instruction.operator)
        if name == "Tf":
            current = font_file(fonts.get(str(operands[0]), pikepdf.Dictionary()))
        elif name in TEXT_OPERATORS and current is not None:
            glyphs = used.setdefault(current.objgen, set())
            for text in shown_strings(operands):
                glyphs.update(int.from_bytes(text[i:i + 2], "big") for i in range(0, len(text) - 1, 2))
        elif name == "Do":
            form = resources.get("/XObject", pikepdf.Dictionary()).get(str(operands[0]))
            if form is not None and form.get("/Subtype") == "/Form":
                collect_glyphs(form, used)


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


def subset_program(data: bytes, postscript_name: str, glyphs: set[int]) -> bytes:
    """Returns the font cut down to `glyphs`, every glyph keeping its id, without what horizontal
    text drawn by glyph id never reads (hinting, vertical metrics, layout tables)."""
    font = load_font(data, postscript_name)
    options = subset.Options(retain_gids=True, notdef_outline=True, layout_features=[], hinting=False,
                             recalc_timestamp=False, drop_tables=[*subset.Options().drop_tables, "vhea", "vmtx",
                                                                  "GDEF", "GSUB", "GPOS", "FFTM"])
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=sorted(glyphs | {0}))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embedded_faces(pdf: pikepdf.Pdf) -> dict[str, list[pikepdf.Dictionary]]:
    """Returns the Type 0 TrueType fonts by face (Chromium embeds one face as several fonts)."""
    faces: dict[str, list[pikepdf.Dictionary]] = {}
    for font in pdf.objects:
        if isinstance(font, pikepdf.Dictionary) and font_file(font) is not None:
            name = str(font.DescendantFonts[0].FontDescriptor.FontName).lstrip("/").split("+", 1)[-1]
            faces.setdefault(name, []).append(font)
    return faces


def programs(fonts: list[pikepdf.Dictionary]) -> list[pikepdf.Stream]:
    """Returns the TrueType programs of fonts."""
    return [program for program in map(font_file, fonts) if program is not None]


def subset_whole_fonts(pdf: pikepdf.Pdf) -> None:
    """Where Chromium embedded a whole font file, replaces it, and the subsets of the same face,
    by one subset of every glyph drawn in that face."""
    faces = {name: fonts for name, fonts in sorted(embedded_faces(pdf).items())
             if max(len(program.read_bytes()) for program in programs(fonts)) >= WHOLE_FONT}
    if not faces:
        return  # reading every page's drawing operators costs about a second: only when needed
    used: dict[tuple[int, int], set[int]] = {}
    for page in pdf.pages:
        collect_glyphs(page.obj, used)
    for name, fonts in faces.items():
        whole = max(programs(fonts), key=lambda program: len(program.read_bytes()))
        glyphs = set().union(*(used.get(program.objgen, set()) for program in programs(fonts)))
        smaller = subset_program(whole.read_bytes(), name, glyphs)
        shared = pdf.make_stream(zlib.compress(smaller, 9), Filter=pikepdf.Name.FlateDecode, Length1=len(smaller))
        for font in fonts:
            font.DescendantFonts[0].FontDescriptor.FontFile2 = shared
