"""Lists what a reviewer of the zh-Hant edition must look at, from all of the Simplified content.

1. Phrases that OpenCC's `s2twp` changes beyond characters (its Taiwan phrases, e.g. 数据 → 資料):
   OpenCC's Taiwan phrases found in the `s2tw` (characters and Taiwan variants only) conversion.
2. Characters with several Traditional forms (后 → 後/后, 发 → 發/髮, 只 → 只/隻 …) and the form
   the converter chose in each context.
Phrases already in content/zh-hant/phrases.yml are marked `table`. Usage:
    .venv/bin/python scripts/hant_review.py [--ambiguous]"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import ahocorasick_rs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from primer.hant.convert import opencc_convert  # noqa: E402
from primer.hant.leaks import dictionary_entries  # noqa: E402
from primer.hant.phrases import hant_converter, load_phrase_table  # noqa: E402
from primer.hant.sources import simplified_texts  # noqa: E402


def phrase_changes(texts: list[str]) -> Counter[tuple[str, str]]:
    """Counts the Taiwan phrases of OpenCC (TWPhrases: Traditional word → Taiwan word) in the
    character-level conversion of `texts`: the words s2twp replaces beyond characters."""
    phrases = dictionary_entries("TWPhrases")
    matcher = ahocorasick_rs.AhoCorasick(list(phrases), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    changes: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for index, _, _ in matcher.find_matches_as_indexes(opencc_convert(text, "s2tw")):
            word = list(phrases)[index]
            changes[(word, phrases[word][0])] += 1
    return changes


def ambiguous_choices(texts: list[str]) -> Counter[tuple[str, str, str]]:
    """Counts (character, chosen form, context) for characters with several Traditional forms."""
    forms = {key: values for key, values in dictionary_entries("STCharacters").items() if len(values) > 1}
    convert = hant_converter(ROOT).convert
    choices: Counter[tuple[str, str, str]] = Counter()
    for line in (line for text in texts for line in text.splitlines()):
        converted = convert(line)
        if len(converted) != len(line):
            continue  # a phrase changed the line's length: positions no longer align
        for offset, character in enumerate(line):
            if character in forms:
                choices[(character, converted[offset], converted[max(0, offset - 2):offset + 3])] += 1
    return choices


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ambiguous", action="store_true", help="also list characters with several forms")
    args = parser.parse_args()
    texts = [text for _, text in simplified_texts(ROOT)]
    table = {entry.simplified for entry in load_phrase_table(ROOT)[0]}
    print("# s2twp phrase changes (character-level form → s2twp form, count)")
    for (plain, phrased), count in sorted(phrase_changes(texts).items(), key=lambda item: (-item[1], item[0])):
        marked = " table" if any(opencc_convert(phrase, "s2tw") in plain for phrase in table) else ""
        print(f"{plain}\t{phrased}\t{count}{marked}")
    if args.ambiguous:
        print("\n# characters with several Traditional forms (character, chosen, context, count)")
        for (character, chosen, context), count in sorted(ambiguous_choices(texts).items()):
            print(f"{character}\t{chosen}\t{context}\t{count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
