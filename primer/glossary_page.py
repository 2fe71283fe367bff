"""The glossary page of one language: entries grouped by kind, an alphabetical/pinyin index."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from primer.model import TERM_KINDS, Content, Term
from primer.render import render, ui_strings


@lru_cache(maxsize=8192)
def sort_key(text: str, lang: str) -> str:
    """Returns the key terms sort by: pinyin for Chinese, case-folded text for English."""
    if lang == "zh":
        return " ".join(lazy_pinyin(text, style=Style.NORMAL)).casefold()
    return text.casefold()


def initial(text: str, lang: str) -> str:
    """Returns the index letter of a term: A–Z, or '#' for anything else."""
    key = sort_key(text, lang).lstrip()
    letter = key[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


@dataclass(frozen=True, slots=True)
class GlossaryGroup:
    """The terms of one kind, sorted."""

    kind: str
    terms: tuple[Term, ...]


def groups(content: Content, lang: str) -> list[GlossaryGroup]:
    """Returns the non-empty kind groups in a fixed order."""
    ordered = sorted(content.terms.values(), key=lambda term: sort_key(term.text(lang).term, lang))
    result = []
    for kind in TERM_KINDS:
        terms = tuple(term for term in ordered if term.kind == kind)
        if terms:
            result.append(GlossaryGroup(kind, terms))
    return result


def letter_index(content: Content, lang: str) -> list[tuple[str, list[Term]]]:
    """Returns (letter, terms) pairs for the index, letters in order and '#' last."""
    letters: dict[str, list[Term]] = {}
    for term in sorted(content.terms.values(), key=lambda t: sort_key(t.text(lang).term, lang)):
        letters.setdefault(initial(term.text(lang).term, lang), []).append(term)
    return sorted(letters.items(), key=lambda item: (item[0] == "#", item[0]))


def glossary_markdown(content: Content, lang: str, axis_pages: dict[str, str]) -> str:
    """Renders the glossary page body.

    Arguments:
        axis_pages: axis id -> link from the glossary to that classification page ('' if none).
    """
    other = "en" if lang == "zh" else "zh"
    t = ui_strings()[lang]
    classes = {axis.id: {cls.id: cls.name.get(lang) for cls in axis.classes} for axis in content.axes}
    return render(
        "glossary.md.j2", lang=lang, other=other, t=t, groups=groups(content, lang),
        index=letter_index(content, lang), terms=content.terms, sources=content.sources,
        classes=classes, axis_pages=axis_pages, count=len(content.terms),
    )

