"""Simplified → Traditional (Taiwan) conversion: OpenCC `s2twp` plus the reviewed phrase table.

The table is applied to the Simplified input, before OpenCC sees it, and its phrases are cut out
of the text that OpenCC converts. OpenCC segments text itself (maximum matching over its phrase
dictionary) and converts segment by segment: fed 参数量, it takes 参数 as one word and turns it into
引數 (a function's argument), whatever we would write after conversion. Replacing 引數量 afterwards
would also rewrite the places where 引數 is right, and its output for a phrase depends on the
neighbours. Matching the Simplified phrase first, longest first, makes the table win everywhere
its phrase occurs, independently of how OpenCC would have cut the sentence."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import ahocorasick_rs
import opencc

from primer.hant.memo import ConversionMemo

OPENCC_CONFIG = "s2twp"  # Simplified → Taiwan standard characters, with Taiwan's phrases
# Taiwan quotes with corner brackets (「」, nested 『』); OpenCC converts words, not punctuation.
QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@cache
def opencc_converter(config: str = OPENCC_CONFIG) -> opencc.OpenCC:
    """Returns OpenCC for `config` from the dictionaries shipped in the wheel (loaded once: ~0.4 s)."""
    return opencc.OpenCC(config)


def opencc_convert(text: str, config: str = OPENCC_CONFIG) -> str:
    """Returns `text` converted by OpenCC alone, without our phrase table."""
    result: str = opencc_converter(config).convert(text)
    return result


class HantConverter:
    """Converts Simplified text to Traditional (Taiwan), the phrase table winning over OpenCC.

    Arguments:
        phrases: Simplified phrase → its Traditional form, as reviewed.
        memo: conversions of earlier processes with the same table (see primer.hant.memo).
    """

    def __init__(self, phrases: Mapping[str, str], memo: ConversionMemo | None = None) -> None:
        self._memo = memo
        self._targets = list(phrases.values())
        longest = ahocorasick_rs.MatchKind.LeftmostLongest
        self._matcher = ahocorasick_rs.AhoCorasick(list(phrases), matchkind=longest) if phrases else None

    def convert(self, text: str) -> str:
        """Returns `text` in Traditional characters and Taiwan's quotes; table phrases become their
        reviewed form."""
        if self._memo is None:
            return self._convert(text)
        converted = self._memo.get(text)
        if converted is None:
            converted = self._convert(text)
            self._memo.put(text, converted)
        return converted

    def _convert(self, text: str) -> str:
        if self._matcher is None:
            return opencc_convert(text).translate(QUOTES)
        pieces: list[str] = []
        done = 0
        for index, start, end in self._matcher.find_matches_as_indexes(text):
            pieces += [opencc_convert(text[done:start]), self._targets[index]]
            done = end
        pieces.append(opencc_convert(text[done:]))
        return "".join(pieces).translate(QUOTES)
