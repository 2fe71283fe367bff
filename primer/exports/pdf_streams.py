"""The content streams of a PDF, parsed once for every step that reads or rewrites drawing operators.

Finding the glyphs each font draws (`primer.exports.pdf_fonts`), renumbering them
(`primer.exports.pdf_cids`) and joining evenly spaced runs (`primer.exports.pdf_runs`) all walk
every operator of every page and form; parsing is the costly part (Python objects for half a million
operators in the English book), so each stream is parsed once, its operators' names read once, and
written once at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pikepdf

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


@dataclass
class Content:
    """One page's or form's content stream: the object holding its resources, the stream to write,
    and its parsed instructions with their operators' names."""

    holder: pikepdf.Object
    stream: pikepdf.Object
    instructions: list[Instruction]
    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names = [str(item.operator) for item in self.instructions]

    def fonts(self) -> pikepdf.Object:
        """Returns the `/Font` resources the stream names fonts from."""
        return self.holder.get("/Resources", pikepdf.Dictionary()).get("/Font", pikepdf.Dictionary())

    def text(self) -> Iterator[tuple[int, pikepdf.Object]]:
        """Yields (index, font dictionary) of every text-showing instruction, following `Tf` and the
        font `q` and `Q` save and restore with the graphics state."""
        fonts, current, saved = self.fonts(), None, list[pikepdf.Object | None]()
        by_name: dict[str, pikepdf.Object | None] = {}  # a resource lookup costs more than the walk
        for index, name in enumerate(self.names):
            if name in TEXT_OPERATORS:
                if current is not None:
                    yield index, current
            elif name == "Tf":
                key = str(self.instructions[index].operands[0])
                if key not in by_name:
                    by_name[key] = fonts.get(key)
                current = by_name[key]
            elif name == "q":
                saved.append(current)
            elif name == "Q" and saved:
                current = saved.pop()

    def unparsed(self) -> bytes:
        """Returns the stream's bytes as its instructions now stand."""
        return pikepdf.unparse_content_stream(self.instructions)


TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def contents(pdf: pikepdf.Pdf) -> list[Content]:
    """Returns every page's content stream (coalesced into one) and every form XObject's, each once."""
    found: list[Content] = []
    for page in pdf.pages:
        page.contents_coalesce()
        found.append(Content(page.obj, page.obj.Contents, list(pikepdf.parse_content_stream(page.obj))))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
            found.append(Content(obj, obj, list(pikepdf.parse_content_stream(obj))))
    return found


def write(found: list[Content], choose: Callable[[Content], bytes]) -> None:
    """Writes each stream's bytes as `choose` makes them."""
    for content in found:
        content.stream.write(choose(content))
