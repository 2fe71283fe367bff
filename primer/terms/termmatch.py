"""Finds glossary terms in text: leftmost-longest over every surface form of one language.

Chinese forms match anywhere; a form that begins or ends with an ASCII letter or digit only
matches on an ASCII word boundary. Acronym-like forms (GPT-4, RLHF) match case-sensitively,
the others ignoring ASCII case; simple English plurals (LLMs, foundation models) match too.

Known proper names ("Stability AI", 上海人工智能实验室) take part in the same leftmost-longest
search as blockers: a term inside one is not found, and the search goes on after the name, so the
term's next real mention is the one found. Whitespace runs in text (a line break in the source)
match the single spaces of multi-word forms."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick_rs

from primer.model import Content

CHUNK_SEPARATOR = "\x00"  # callers join independent texts with it; no term contains it
KNOWN_NAME = ""  # the "term id" of a blocker: found like a term, never reported
SPACE_RUN = re.compile(r"  +")
OTHER_SPACES = "\t\n\r\f\v"


def is_case_sensitive(name: str) -> bool:
    """Acronym-like names (no lower-case letter, at least one capital) match case-sensitively."""
    return not any(ch.islower() for ch in name) and any(ch.isupper() for ch in name)


def match_key(name: str) -> str:
    """Returns the form under which a name is matched in text (two names with one key are one)."""
    return name if is_case_sensitive(name) else name.lower()


def ascii_lower(text: str) -> str:
    """Lower-cases ASCII letters only, so offsets never shift.

    `bytes.lower` touches ASCII bytes only, and UTF-8 encodes every other character with bytes
    above 0x7F, so the round trip keeps every non-ASCII character (and so every offset) as it was;
    it is ten times faster than `str.translate` on Chinese text."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def is_word_char(char: str) -> bool:
    """ASCII letters, digits and underscore form Latin words."""
    return char.isascii() and (char.isalnum() or char == "_")


def plural(form: str) -> str | None:
    """Returns the simple English plural of a Latin form, or None when it has none."""
    if not form or not form[-1].isascii() or not form[-1].isalpha():
        return None
    if is_case_sensitive(form):
        return form + "s"
    if form.endswith(("s", "x", "ch", "sh")):
        return form + "es"
    if form.endswith("y") and len(form) > 1 and form[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


@dataclass(frozen=True, slots=True)
class Match:
    """A term found in text: [start, end) offsets and the term id."""

    start: int
    end: int
    term_id: str


class TermMatcher:
    """Four Aho–Corasick automata, built once per build: the case-sensitive forms and the
    ASCII-case-folded ones, each as a leftmost-longest automaton (`find`'s fast path) and as a
    standard one that reports overlapping matches (the slow path's candidates)."""

    def __init__(self, forms: Iterable[tuple[str, str]]) -> None:
        """Builds the automata from (surface form, term id) pairs."""
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        for form, term_id in forms:
            variants = [form] + ([p] if (p := plural(form)) and p != form else [])
            for variant in variants:
                if is_case_sensitive(form):
                    exact.setdefault(variant, term_id)
                else:
                    folded.setdefault(ascii_lower(variant), term_id)
        self._exact_ids = list(exact.values())
        self._folded_ids = list(folded.values())
        self._exact = ahocorasick_rs.AhoCorasick(list(exact)) if exact else None
        self._folded = ahocorasick_rs.AhoCorasick(list(folded)) if folded else None
        longest = ahocorasick_rs.MatchKind.LeftmostLongest
        self._exact_longest = ahocorasick_rs.AhoCorasick(list(exact), matchkind=longest) if exact else None
        self._folded_longest = ahocorasick_rs.AhoCorasick(list(folded), matchkind=longest) if folded else None

    def candidates(self, text: str) -> list[tuple[int, int, int, str]]:
        """Returns every occurrence of every form, overlapping, that sits on valid boundaries, as
        (start, -end, automaton, term id) tuples: sorted, they run leftmost first, longest first,
        and a case-sensitive form before a folded one over the same text."""
        found: list[tuple[int, int, int, str]] = []
        for rank, automaton, ids, haystack in ((0, self._exact, self._exact_ids, text),
                                               (1, self._folded, self._folded_ids, ascii_lower(text))):
            if automaton is None:
                continue
            for index, start, end in automaton.find_matches_as_indexes(haystack, overlapping=True):
                # Boundaries only concern Latin ends; most matches are Chinese on both ends.
                if (text[start] < "\x80" or text[end - 1] < "\x80") and not on_boundaries(text, start, end):
                    continue
                found.append((start, -end, rank, ids[index]))
        return found

    def find(self, text: str) -> list[Match]:
        """Returns non-overlapping matches, leftmost first and longest at each position.

        The automata's own leftmost-longest search gives that answer whenever every match it picks
        sits on valid boundaries and the two automata's picks do not overlap (then no other valid
        candidate could start earlier or be longer). Where that fails, the text between the
        nearest `CHUNK_SEPARATOR`s is searched again the slow way: all overlapping candidates,
        filtered, then chosen greedily. No form contains the separator, so chunks are independent."""
        picks: list[tuple[int, int, int, str]] = []
        for rank, automaton, ids, haystack in ((0, self._exact_longest, self._exact_ids, text),
                                               (1, self._folded_longest, self._folded_ids, ascii_lower(text))):
            if automaton is not None:
                picks += [(start, end, rank, ids[index])
                          for index, start, end in automaton.find_matches_as_indexes(haystack)]
        picks.sort()
        redo: list[tuple[int, int]] = []  # chunks to search the slow way
        chosen: list[Match] = []
        previous_end = 0
        for start, end, _, term_id in picks:
            if redo and start < redo[-1][1]:
                continue  # inside a chunk that is searched again
            latin = text[start] < "\x80" or text[end - 1] < "\x80"
            if start < previous_end or (latin and not on_boundaries(text, start, end)):
                low, high = text.rfind(CHUNK_SEPARATOR, 0, start) + 1, text.find(CHUNK_SEPARATOR, start)
                redo.append((low, len(text) if high < 0 else high))
                while chosen and chosen[-1].start >= low:
                    chosen.pop()
                continue
            chosen.append(Match(start, end, term_id))
            previous_end = end
        for low, high in redo:
            chosen += [Match(m.start + low, m.end + low, m.term_id) for m in self._greedy(text[low:high])]
        if redo:
            chosen.sort(key=lambda match: match.start)
        return [match for match in chosen if match.term_id != KNOWN_NAME]

    def find_in_prose(self, text: str) -> list[Match]:
        """`find`, with every whitespace run in `text` read as one space; offsets are `text`'s own.

        Line breaks and tabs become spaces in place (same length); only runs of several spaces,
        rarer, need the text collapsed and the offsets mapped back."""
        for char in OTHER_SPACES:
            if char in text:
                text = text.replace(char, " ")
        # A run at either end of a text (next to a chunk separator or the ends) is never inside a
        # form: most runs are whitespace-only texts between tags, left as they are.
        end = len(text) - 1
        runs = [run for run in SPACE_RUN.finditer(text) if run.start() > 0 and run.end() <= end
                and text[run.start() - 1] != CHUNK_SEPARATOR and text[run.end()] != CHUNK_SEPARATOR]
        if not runs:
            return self.find(text)
        collapsed, shifts, removed = _collapse(text, runs)

        def original(offset: int) -> int:
            return offset + removed[bisect_left(shifts, offset)]

        return [Match(original(m.start), original(m.end - 1) + 1, m.term_id) for m in self.find(collapsed)]

    def _greedy(self, text: str) -> list[Match]:
        """Leftmost-longest over every valid overlapping candidate (exact for any text)."""
        chosen: list[Match] = []
        position = 0
        for start, negative_end, _, term_id in sorted(self.candidates(text)):
            if start >= position:
                chosen.append(Match(start, -negative_end, term_id))
                position = -negative_end
        return chosen


def _collapse(text: str, runs: list[re.Match[str]]) -> tuple[str, list[int], list[int]]:
    """Returns `text` with each run replaced by one space, where each run's space sits in the
    result, and how many characters were removed before each run (plus the total, last)."""
    pieces: list[str] = []
    shifts: list[int] = []
    removed = [0]
    position = 0
    for run in runs:
        pieces += (text[position:run.start()], " ")
        shifts.append(run.start() - removed[-1])
        removed.append(removed[-1] + len(run.group(0)) - 1)
        position = run.end()
    pieces.append(text[position:])
    return "".join(pieces), shifts, removed


def on_boundaries(text: str, start: int, end: int) -> bool:
    """A match that begins or ends with a Latin word character must not continue a Latin word."""
    if is_word_char(text[start]) and start > 0 and is_word_char(text[start - 1]):
        return False
    if is_word_char(text[end - 1]) and end < len(text):
        following = text[end]
        if is_word_char(following):
            return False
        # "GPT" must not match inside "GPT-5" when only "GPT" is a term.
        if following == "-" and end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isdigit():
            return False
    return True


def term_matcher(content: Content, lang: str) -> TermMatcher:
    """Returns the matcher of a language: every term's names, and the known proper names as blockers."""
    forms = [(name, term.id) for term in content.terms.values() for name in term.names(lang)]
    taken = {match_key(name) for name, _ in forms}
    forms += [(name, KNOWN_NAME) for name in content.known_names(lang) if match_key(name) not in taken]
    return TermMatcher(forms)
