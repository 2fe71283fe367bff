"""Pinyin sort keys for Chinese term names, without loading all of pypinyin's phrases.

Imported as usual, pypinyin parses its 2.5 MB phrase dictionary (47,000 phrases) and trains its
word segmenter on all of them: 0.2–0.3 s, a tenth of a Chinese build of the real content. The
glossary needs only the phrases its own names contain. So pypinyin is imported without its phrases
(`PYPINYIN_NO_PHRASES`, its documented switch) and given just those (`load_phrases_dict`, its API
for custom phrases), found by scanning the keys of the same dictionary file.

pypinyin cuts a name by forward maximum matching: at each position it takes the longest phrase
that starts there, and every phrase it could take is a part of the name, so it is loaded here. One
quirk differs: when the rest of a name is only the beginning of some longer phrase that is not in
it, pypinyin with all phrases reads the rest character by character, while here it still finds
the phrases inside. On the real glossary the keys are identical (tested)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

NO_PHRASES = "PYPINYIN_NO_PHRASES"
HAN_RUN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
PHRASE_KEY = re.compile(r'^"([^"\\]+)": \[$', re.MULTILINE)  # one phrase per line in pypinyin's file


def phrases_in(texts: Iterable[str]) -> dict[str, list[list[str]]] | None:
    """Returns pypinyin's readings of every phrase that occurs in `texts`; None when its phrase
    file cannot be read (then the whole dictionary is needed)."""
    wanted = {run[start:end] for text in texts for run in HAN_RUN.findall(text)
              for start in range(len(run)) for end in range(start + 2, len(run) + 1)}
    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec else []
    try:
        text = Path(folders[0], "phrases_dict.json").read_text(encoding="utf-8")
    except (IndexError, OSError, UnicodeDecodeError):
        return None
    decoder = json.JSONDecoder()
    found: dict[str, list[list[str]]] = {}
    for match in PHRASE_KEY.finditer(text):
        if match.group(1) in wanted:
            found[match.group(1)] = decoder.raw_decode(text, match.end() - 1)[0]
    return found


# True once pypinyin was imported here without its phrases: every later call (another glossary,
# e.g. after an edit under `mkdocs serve`) must add the phrases of its own names.
_trimmed = False


def pinyin_function(texts: Iterable[str]) -> Callable[[str], str]:
    """Returns text -> space-separated toneless pinyin, ready for the names in `texts`."""
    global _trimmed
    texts = list(texts)
    phrases = phrases_in(texts) if _trimmed or "pypinyin" not in sys.modules else None
    if phrases is not None and "pypinyin" not in sys.modules:
        previous = os.environ.get(NO_PHRASES)
        os.environ[NO_PHRASES] = "1"
        try:
            import pypinyin  # noqa: F401 - imported here, without the phrase dictionary
        finally:
            if previous is None:
                del os.environ[NO_PHRASES]
            else:
                os.environ[NO_PHRASES] = previous
        _trimmed = True
    if _trimmed and phrases:
        from pypinyin import load_phrases_dict
        from pypinyin.constants import PHRASES_DICT

        missing = {phrase: readings for phrase, readings in phrases.items() if phrase not in PHRASES_DICT}
        if missing:
            load_phrases_dict(missing)
    from pypinyin import Style, lazy_pinyin

    return lambda text: " ".join(lazy_pinyin(text, style=Style.NORMAL))
