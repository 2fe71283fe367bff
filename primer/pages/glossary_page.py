"""The glossary page of one language: entries grouped by kind, an alphabetical/pinyin index."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from primer.build.cache import cache_dir, digest, write_atomically
from primer.hant.collation import CharacterKey, StrokeOrder
from primer.languages import WRITTEN, language
from primer.model import TERM_KINDS, Content, Term
from primer.pages.pinyin import READINGS, pinyin_function, with_reviewed_readings
from primer.pages.render import render, ui_strings


def pinyin_keys(texts: Iterable[str]) -> dict[str, str]:
    """Returns text -> pinyin sort key for Chinese terms.

    The keys are kept in a cache file named after the texts (like jieba's own cache): only a
    changed glossary imports pypinyin (0.1 s with just the phrases it needs, see primer.pages.pinyin)."""
    wanted = sorted(set(texts))
    cache = cache_dir() / f"primer-pinyin-{digest(*wanted, json.dumps(READINGS, sort_keys=True))}.json"
    if cache.is_file():
        keys: dict[str, str] = json.loads(cache.read_text(encoding="utf-8"))
        return keys
    pinyin = with_reviewed_readings(pinyin_function(wanted))
    keys = {text: pinyin(text).casefold() for text in wanted}
    write_atomically(cache, json.dumps(keys, ensure_ascii=False))
    return keys


@lru_cache(maxsize=8)
def _keys_for(texts: tuple[str, ...]) -> dict[str, str]:
    return pinyin_keys(texts)


def term_keys(content: Content, lang: str) -> dict[str, str]:
    """Returns the sort key of every term name by the language's collation: pinyin (Simplified),
    strokes then radical (Traditional, as Taiwan's indexes), or case-folded text (English)."""
    names = tuple(sorted(term.text(lang).term for term in content.terms.values()))
    collation = language(lang).collation
    if collation == "pinyin":
        return _keys_for(names)
    if collation == "stroke":
        order = StrokeOrder(names)
        return {name: stroke_key_text(order.sort_key(name)) for name in names}
    return {name: name.casefold() for name in names}


def stroke_key_text(key: tuple[CharacterKey, ...]) -> str:
    """Returns a stroke-order key (`StrokeOrder.sort_key`) as a string that sorts the same: one
    fixed-width record per character."""
    return "".join(f"{kind}{strokes:03d}{radical:03d}{rest:03d}{character}"
                   for kind, strokes, radical, rest, character in key)


def initial(key: str) -> str:
    """Returns the index letter of a sort key: A–Z, or '#' for anything else."""
    letter = key.lstrip()[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


@dataclass(frozen=True, slots=True)
class GlossaryGroup:
    """The terms of one kind, sorted."""

    kind: str
    terms: tuple[Term, ...]


def groups(content: Content, lang: str) -> list[GlossaryGroup]:
    """Returns the non-empty kind groups in a fixed order."""
    keys = term_keys(content, lang)
    ordered = sorted(content.terms.values(), key=lambda term: keys[term.text(lang).term])
    result = []
    for kind in TERM_KINDS:
        terms = tuple(term for term in ordered if term.kind == kind)
        if terms:
            result.append(GlossaryGroup(kind, terms))
    return result


def letter_index(content: Content, lang: str) -> list[tuple[str, list[Term]]]:
    """Returns (letter, terms) pairs for the index, letters in order and '#' last."""
    keys = term_keys(content, lang)
    letters: dict[str, list[Term]] = {}
    order = StrokeOrder(keys.keys()) if language(lang).collation == "stroke" else None
    for term in sorted(content.terms.values(), key=lambda t: keys[t.text(lang).term]):
        name = term.text(lang).term
        letters.setdefault(order.heading(name) if order else initial(keys[name]), []).append(term)
    if order:
        return list(letters.items())  # `N 畫` groups in the terms' order: Latin first, then by strokes
    return sorted(letters.items(), key=lambda item: (item[0] == "#", item[0]))


def glossary_markdown(content: Content, lang: str, axis_pages: dict[str, str]) -> str:
    """Renders the glossary page body.

    Arguments:
        axis_pages: axis id -> link from the glossary to that classification page ('' if none).
    """
    other = next(code for code in WRITTEN if code != language(lang).text_source)  # its names shown beside
    t = ui_strings()[lang]
    classes = {axis.id: {cls.id: cls.name.get(lang) for cls in axis.classes} for axis in content.axes}
    return render(
        "glossary.md.j2", lang=lang, other=other, t=t, groups=groups(content, lang),
        index=letter_index(content, lang), terms=content.terms, sources=content.sources,
        classes=classes, axis_pages=axis_pages, count=len(content.terms),
    )

