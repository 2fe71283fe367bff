"""Simplified leaks: characters in a Traditional text that exist only in Simplified Chinese.

The set comes from OpenCC's own character dictionaries in the wheel, so it matches the converter:
a character is Simplified-only when OpenCC's Simplified → Traditional dictionary (STCharacters)
converts it and never to itself (发 → 發 髮: a leak; 后 → 後 后 and 里 → 裏 里 哩 stay valid, as in
皇后 and 公里), and it is not a Traditional character either: not a Traditional form of any entry,
not a key of the Traditional → Simplified dictionary (TSCharacters), and not one of Taiwan's
standard forms (TWVariants: OpenCC converts 群 to 羣, which Taiwan writes 群)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

CONTEXT = 8  # characters shown on each side of a leak


def dictionary_entries(name: str) -> dict[str, list[str]]:
    """Returns an OpenCC dictionary of the wheel (e.g. 'STCharacters') as key → candidates.

    The wheel ships its dictionaries compiled (marisa trie, `.ocd2`) together with OpenCC's own
    `opencc_dict` tool, which writes them out as text."""
    clib = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as folder:
        text_file = Path(folder, f"{name}.txt")
        subprocess.run([str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(text_file), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        lines = text_file.read_text(encoding="utf-8").splitlines()
    return {key: values.split(" ") for key, values in (line.split("\t", 1) for line in lines if "\t" in line)}


@cache
def simplified_only() -> frozenset[str]:
    """Returns the characters that exist only in Simplified Chinese (the rule is above)."""
    to_traditional = dictionary_entries("STCharacters")
    traditional = {form for forms in to_traditional.values() for form in forms}
    traditional |= set(dictionary_entries("TSCharacters"))
    traditional |= {form for forms in dictionary_entries("TWVariants").values() for form in forms}
    return frozenset(key for key, forms in to_traditional.items() if key not in forms and key not in traditional)


@dataclass(frozen=True, slots=True)
class Leak:
    """A Simplified-only character found at `offset` of a text, with its neighbours."""

    character: str
    offset: int
    context: str


def find_leaks(text: str) -> Iterator[Leak]:
    """Yields every Simplified-only character of `text` with the phrase around it."""
    pattern = _leak_pattern()
    for match in pattern.finditer(text):
        start, end = max(0, match.start() - CONTEXT), match.end() + CONTEXT
        yield Leak(match.group(), match.start(), text[start:end])


@cache
def _leak_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(simplified_only())) + "]")
