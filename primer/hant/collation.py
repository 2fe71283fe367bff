"""Glossary order for Traditional readers: by stroke count, as Taiwan orders indexes and lists.

Unicode's CLDR makes stroke order the default collation of Traditional Chinese (zh-Hant), while
Simplified Chinese defaults to pinyin; Taiwan's official lists and book indexes count strokes
(筆畫), and Taiwan's Ministry of Education dictionaries order characters by radical, then strokes.
Zhuyin (注音) is how Taiwan types and looks words up, not how it orders lists. Stroke order also
needs no reading, so polyphonic characters (行, 重, 长) cannot be misplaced, unlike pinyin.

Counts come from the Unicode Han Database (Unihan, in Debian's `unicode-data`). Its total
(kTotalStrokes) gives Taiwan's value only where it lists two (范: 8 and 9); elsewhere it is
China's count, which writes 艹 with 3 strokes and ⻌ with 3, where Taiwan writes 4 (模: 14 for
China, 15 in Taiwan). Unihan's radical-stroke index (kRSUnicode) counts the strokes beyond the
radical in the traditional way (艹 as 4), so Taiwan's count is taken as the larger of the total and
the radical's shortest written form in Taiwan plus those strokes (木 4 + 11 = 15 for 模; 氵 3 + 8 = 11
for 深). Like CLDR, characters of equal count follow radical-stroke order, then code point; Latin
letters and digits come before Han characters."""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from primer.build.cache import cached, digest

UNICODE_DATA = Path("/usr/share/unicode")  # Debian package `unicode-data`
UNIHAN, RADICALS = "Unihan_IRGSources.txt.bz2", "CJKRadicals.txt"
RADICAL = re.compile(r"^(\d+)'*\.(-?\d+)")
RADICAL_CHARACTER = re.compile(r"^(\d+); [0-9A-F]+; ([0-9A-F]+)$", re.MULTILINE)  # number; radical; ideograph
# Radicals whose shortest written form in Taiwan has fewer strokes than the radical itself
# (心 忄, 手 扌, 水 氵, 犬 犭, 玉 王, 示 礻, 网 罒, 老 耂, 肉 月, 艸 艹, 衣 衤, 辵 ⻌, 邑 阝, 阜 阝).
SHORT_FORMS = {61: 3, 64: 3, 85: 3, 94: 3, 96: 4, 113: 4, 122: 5, 125: 4, 130: 4, 140: 4, 145: 5, 162: 4,
               163: 3, 170: 3}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
UNKNOWN = 99  # a character Unihan does not count sorts after all counted ones

HanKey = tuple[int, int, int]  # total strokes, radical, strokes beyond the radical
CharacterKey = tuple[int, int, int, int, str]


def _read_unihan(folder: Path, characters: frozenset[str]) -> dict[str, HanKey]:
    """Reads the Taiwan stroke count and radical-stroke index of `characters` from Unihan."""
    radical_characters = _radical_characters(folder)
    fields = _unihan_fields(folder, characters | set(radical_characters.values()))
    totals = {character: int(values["kTotalStrokes"].split(" ")[-1])  # "8 9": China's count, then Taiwan's
              for character, values in fields.items() if "kTotalStrokes" in values}
    radical_strokes = {number: totals.get(character, 0) for number, character in radical_characters.items()}
    keys: dict[str, HanKey] = {}
    for character in characters:
        if character not in totals:
            continue
        match = RADICAL.match(fields[character].get("kRSUnicode", ""))
        radical, rest = (int(match.group(1)), int(match.group(2))) if match else (UNKNOWN, 0)
        shortest = SHORT_FORMS.get(radical, radical_strokes.get(radical, 0))
        keys[character] = (max(totals[character], shortest + rest), radical, rest)
    return keys


def _radical_characters(folder: Path) -> dict[int, str]:
    """Returns the ideograph of each of the 214 radicals (木 for radical 75)."""
    text = (folder / RADICALS).read_text(encoding="utf-8")
    return {int(number): chr(int(code, 16)) for number, code in RADICAL_CHARACTER.findall(text)}


def _unihan_fields(folder: Path, characters: Iterable[str]) -> dict[str, dict[str, str]]:
    """Returns the fields (name -> value) of each of `characters` that Unihan lists.

    The file is sorted by code point, so each character's lines are found by searching on from the
    previous one's, and it is decompressed only as far as the last character asked for: the
    glossary's few hundred characters cost a pass over part of the file, not a table of all 100,000."""
    wanted = sorted((character for character in characters if HAN.match(character)), key=ord)
    if not wanted:
        return {}
    text = _unihan_text(folder, ord(wanted[-1]))
    found: dict[str, dict[str, str]] = {}
    position = 0
    for character in wanted:
        head = f"\nU+{ord(character):04X}\t"
        start = text.find(head, position)
        if start < 0:
            continue  # Unihan does not list it: it sorts as UNKNOWN
        values = found[character] = {}
        while text.startswith(head, start):
            end = text.find("\n", start + 1)
            field, _, value = text[start + len(head):end if end >= 0 else len(text)].partition("\t")
            values[field] = value
            start = end if end >= 0 else len(text)
        position = start
    return found


def _unihan_text(folder: Path, last: int) -> str:
    """Returns Unihan's text from its start to past code point `last`'s lines."""
    decompressor = bz2.BZ2Decompressor()
    parts: list[bytes] = []
    with (folder / UNIHAN).open("rb") as compressed:
        while not decompressor.eof and (block := compressed.read(1 << 16)):
            parts.append(decompressor.decompress(block))
            if _past(parts[-1], last):
                break
    return b"".join(parts).decode("utf-8", errors="ignore")  # a cut may split the last character


def _past(block: bytes, last: int) -> bool:
    """Tells whether `block` reaches a code point after `last` (the lines of `last` are then complete)."""
    start = block.rfind(b"\nU+")
    end = block.find(b"\t", start)
    return start >= 0 and end > start and int(block[start + 3:end], 16) > last


@cache
def han_keys(characters: frozenset[str], folder: Path = UNICODE_DATA) -> dict[str, HanKey]:
    """Returns (Taiwan strokes, radical, strokes beyond it) of each Han character of `characters`
    that Unihan counts; read from Unihan once per version of its files and set of characters
    (~0.1 s for the glossary's), then from the cache folder."""
    stamps = []
    for name in (UNIHAN, RADICALS):
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: install the Debian package unicode-data")
        stamps += [str(path), str(path.stat().st_size), str(path.stat().st_mtime_ns)]
    code = Path(__file__).read_bytes()  # the rule above is part of the cached value
    asked = "".join(sorted(characters))
    return cached("unihan-strokes", folder, digest(code, *stamps, asked), lambda: _read_unihan(folder, characters))


class StrokeOrder:
    """Orders names as a Taiwanese index does, with the counts of their characters read once."""

    def __init__(self, names: Iterable[str], folder: Path = UNICODE_DATA) -> None:
        self.keys = han_keys(frozenset(character for name in names for character in name if HAN.match(character)),
                             folder)

    def count(self, character: str) -> int:
        """Returns a Han character's stroke count as Taiwan writes it (99 when unknown)."""
        return self.keys.get(character, (UNKNOWN,))[0]

    def sort_key(self, name: str) -> tuple[CharacterKey, ...]:
        """Returns the key that orders names character by character: Latin letters and digits
        (case-insensitive) first, then Han characters by strokes and radical."""
        return tuple(
            (1, *self.keys.get(character, (UNKNOWN, UNKNOWN, UNKNOWN)), character) if HAN.match(character)
            else (0, 0, 0, 0, character.casefold())
            for character in name
        )

    def heading(self, name: str) -> str:
        """Returns the index group of a name: `N 畫` by its first character's strokes, or its first letter."""
        first = name[:1]
        if HAN.match(first):
            return f"{self.count(first)} 畫"
        return first.upper()
