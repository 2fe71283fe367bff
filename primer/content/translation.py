"""Translation status: each English text records the hash of the Chinese text it was translated
from (`translated_from`); a changed Chinese source makes the English stale."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from primer.model import Content, Document, Figure, Term, TimelineEvent

Status = Literal["current", "stale", "missing", "unrecorded"]
STATUS_ORDER: tuple[Status, ...] = ("missing", "stale", "unrecorded", "current")
Kind = Literal["section", "page", "term", "event", "figure"]
Translatable = Document | Term | TimelineEvent | Figure
FIELD = re.compile(r"^translated_from:.*$", re.M)


def text_hash(*parts: str) -> str:
    """Returns a short stable hash of Chinese texts (whitespace at the ends ignored)."""
    joined = "\x1f".join(part.strip() for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class TranslationState:
    """Whether the English version of one item follows its current Chinese source."""

    kind: Kind
    id: str
    title: str
    path: str
    status: Status
    zh_hash: str


def chinese_hash(item: Translatable) -> str:
    """Returns the hash of everything Chinese that the English of `item` translates."""
    if isinstance(item, Figure):  # its texts and every word drawn in it
        words = item.text("zh")
        return text_hash(words.caption, words.alt, words.description, "\x1e".join(item.labels("zh")))
    if isinstance(item, Document):
        return text_hash(item.title.zh, item.description.zh, item.body("zh"))
    if isinstance(item, Term):
        text = item.text("zh")
        return text_hash(text.term, "\x1e".join(text.aliases), text.definition)
    return text_hash(item.title.zh, item.summary.zh)


def english_missing(item: Translatable) -> bool:
    """Tells whether the English text is absent."""
    if isinstance(item, Figure):
        words = item.text("en")
        return not (words.caption and words.alt and words.description and all(item.labels("en")))
    if isinstance(item, Document):
        return not (item.title.en and item.body("en").strip())
    if isinstance(item, Term):
        return not (item.text("en").term and item.text("en").definition)
    return not (item.title.en and item.summary.en)


def state_of(kind: Kind, item: Translatable, title: str) -> TranslationState:
    """Returns the translation state of one item."""
    current = chinese_hash(item)
    if english_missing(item):
        status: Status = "missing"
    elif not item.translated_from:
        status = "unrecorded"
    else:
        status = "current" if item.translated_from == current else "stale"
    return TranslationState(kind=kind, id=item.id, title=title, path=item.origin.path, status=status, zh_hash=current)


def translation_states(content: Content) -> list[TranslationState]:
    """Returns the state of every translatable item, sections first."""
    states = [state_of("section", s, s.title.zh) for s in content.sections]
    states += [state_of("page", p, p.title.zh) for p in content.pages.values()]
    states += [state_of("term", t, t.text("zh").term) for t in content.terms.values()]
    states += [state_of("event", e, e.title.zh) for e in content.events]
    states += [state_of("figure", f, f.text("zh").caption) for f in content.figures.values()]
    return states


def record_hash(path: Path, digest: str) -> None:
    """Writes `translated_from: <digest>` into a YAML file, keeping everything else as it is."""
    text = path.read_text(encoding="utf-8")
    line = f'translated_from: "{digest}"'  # quoted: an all-digit hash would otherwise load as a number
    text = FIELD.sub(line, text, count=1) if FIELD.search(text) else text.rstrip("\n") + "\n" + line + "\n"
    path.write_text(text, encoding="utf-8")


def mark_translated(root: Path, states: list[TranslationState], ids: set[str] | None) -> Iterator[TranslationState]:
    """Records the current Chinese hash for the given ids (all when None); yields what changed."""
    for state in states:
        if (ids is None or state.id in ids) and state.status in ("stale", "unrecorded"):
            record_hash(root / state.path, state.zh_hash)
            yield state
