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
from functools import cache
from pathlib import Path

from primer.build.cache import cached, digest

UNICODE_DATA = Path("/usr/share/unicode")  # Debian package `unicode-data`
UNIHAN, RADICALS = "Unihan_IRGSources.txt.bz2", "CJKRadicals.txt"
FIELD = re.compile(r"^U\+([0-9A-F]{4,6})\t(kTotalStrokes|kRSUnicode)\t(.+)$", re.MULTILINE)
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


def _read_unihan(folder: Path) -> dict[str, HanKey]:
    """Reads every character's Taiwan stroke count and radical-stroke index from Unihan."""
    text = bz2.decompress((folder / UNIHAN).read_bytes()).decode("utf-8")
    totals: dict[str, int] = {}
    radicals: dict[str, tuple[int, int]] = {}
    for code, field, value in FIELD.findall(text):
        character = chr(int(code, 16))
        if field == "kTotalStrokes":
            totals[character] = int(value.split(" ")[-1])  # "8 9": China's count, then Taiwan's
        elif match := RADICAL.match(value):
            radicals[character] = (int(match.group(1)), int(match.group(2)))
    radical_strokes = _radical_strokes(folder, totals)
    keys: dict[str, HanKey] = {}
    for character, total in totals.items():
        radical, rest = radicals.get(character, (UNKNOWN, 0))
        shortest = SHORT_FORMS.get(radical, radical_strokes.get(radical, 0))
        keys[character] = (max(total, shortest + rest), radical, rest)
    return keys


def _radical_strokes(folder: Path, totals: dict[str, int]) -> dict[int, int]:
    """Returns the strokes of each of the 214 radicals, counted on its ideograph (木 → 4)."""
    text = (folder / RADICALS).read_text(encoding="utf-8")
    return {int(number): totals.get(chr(int(code, 16)), 0) for number, code in RADICAL_CHARACTER.findall(text)}


@cache
def han_keys(folder: Path = UNICODE_DATA) -> dict[str, HanKey]:
    """Returns (Taiwan strokes, radical, strokes beyond it) per character; parsed once per version
    of the files (~1.5 s), then read from the cache folder (~0.1 s)."""
    stamps = []
    for name in (UNIHAN, RADICALS):
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: install the Debian package unicode-data")
        stamps += [str(path), str(path.stat().st_size), str(path.stat().st_mtime_ns)]
    code = Path(__file__).read_bytes()  # the rule above is part of the cached value
    return cached("unihan-strokes", folder, digest(code, *stamps), lambda: _read_unihan(folder))


def stroke_count(character: str) -> int:
    """Returns a Han character's stroke count as Taiwan writes it (99 when unknown)."""
    return han_keys().get(character, (UNKNOWN,))[0]


def stroke_sort_key(name: str) -> tuple[CharacterKey, ...]:
    """Returns the key that orders names as a Taiwanese index does: character by character, Latin
    letters and digits (case-insensitive) first, then Han characters by strokes and radical."""
    keys = han_keys()
    return tuple(
        (1, *keys.get(character, (UNKNOWN, UNKNOWN, UNKNOWN)), character) if HAN.match(character)
        else (0, 0, 0, 0, character.casefold())
        for character in name
    )


def index_heading(name: str) -> str:
    """Returns the index group of a name: `N 畫` by its first character's strokes, or its first letter."""
    first = name[:1]
    if HAN.match(first):
        return f"{stroke_count(first)} 畫"
    return first.upper()
