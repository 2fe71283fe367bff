"""The reviewed phrase table (`content/zh-hant/phrases.yml`), its checks, and whole-page overrides.

An entry is one line: `简体短语: 繁體詞語`, or `简体短语: {to: 繁體詞語, note: why}`. The checks report a
malformed entry (an error), and two kinds of dead weight (warnings, fatal under `--strict`): a
phrase that no Simplified text contains any more, and an entry that gives what OpenCC gives anyway."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import opencc

from primer.build.cache import cached, digest
from primer.content.yamlsource import Mapping, load_yaml
from primer.hant.convert import OPENCC_CONFIG, HantConverter
from primer.hant.leaks import find_leaks
from primer.hant.markdown import convert_markdown
from primer.hant.memo import conversion_memo
from primer.hant.sources import simplified_texts, source_files
from primer.issues import Issue

TABLE = "content/zh-hant/phrases.yml"
PAGE_OVERRIDE = "zh-Hant.md"  # beside zh.md in a section or page folder: replaces its conversion
ENTRY_KEYS = frozenset({"to", "note"})
PHRASE = re.compile(r"^[^\s{}\[\]:#,]+$")  # one phrase: no spaces, no YAML or Markdown syntax


@dataclass(frozen=True, slots=True, kw_only=True)
class PhraseOverride:
    """One reviewed entry: the Simplified phrase, its Traditional form, why, and its line."""

    simplified: str
    traditional: str
    note: str = ""
    line: int = 0


def load_phrase_table(root: Path) -> tuple[list[PhraseOverride], list[Issue]]:
    """Loads the table; returns the well-formed entries and the problems of the others."""
    loaded = load_yaml(root / TABLE, TABLE)
    issues = list(loaded.issues)
    data = loaded.data
    if data is None:
        return [], issues
    if not isinstance(data, Mapping) or not isinstance(data.get("phrases"), Mapping):
        return [], [*issues, Issue(path=TABLE, line=1, message="expected a mapping 'phrases:' of 简体: 繁體 lines")]
    entries: list[PhraseOverride] = []
    table: Mapping = data["phrases"]
    for key, value in table.items():
        entry = _entry(key, value, table.line_of(key))
        if isinstance(entry, Issue):
            issues.append(entry)
        else:
            entries.append(entry)
    return entries, issues


def _entry(key: str, value: object, line: int) -> PhraseOverride | Issue:
    """Reads one entry, or says what is wrong with it."""
    target, note = value, ""
    if isinstance(value, dict):
        if unknown := sorted(set(value) - ENTRY_KEYS):
            return Issue(path=TABLE, line=line, message=f"'{key}': unknown key '{unknown[0]}'; use 'to' and 'note'")
        target, note = value.get("to"), value.get("note", "")
    if not PHRASE.match(key):
        return Issue(path=TABLE, line=line, message=f"'{key}': a phrase is one run of text without spaces")
    if not isinstance(target, str) or not PHRASE.match(target) or not isinstance(note, str):
        return Issue(path=TABLE, line=line, message=f"'{key}': give its Traditional form as text, "
                     "e.g. 参数量: 參數量 or 参数量: {to: 參數量, note: …}")
    return PhraseOverride(simplified=key, traditional=target, note=note, line=line)


def check_phrase_table(root: Path, texts: Iterable[str] | None = None) -> Iterator[Issue]:
    """Yields the table's problems: malformed entries, Simplified characters in a Traditional form,
    phrases no text contains, entries that change nothing.

    Arguments:
        texts: the Simplified texts to look in (default: all of the project's)."""
    entries, issues = load_phrase_table(root)
    yield from issues
    corpus = list(texts) if texts is not None else [text for _, text in simplified_texts(root)]
    table = {entry.simplified: entry.traditional for entry in entries}
    full = HantConverter(table)
    for entry in entries:
        found = [text for text in corpus if entry.simplified in text]
        if leaks := "".join(leak.character for leak in find_leaks(entry.traditional)):
            yield Issue(path=TABLE, line=entry.line, message=f"'{entry.simplified}': its form "
                        f"'{entry.traditional}' has Simplified-only characters: {leaks}")
        elif not found:
            yield Issue(path=TABLE, line=entry.line, severity="warning",
                        message=f"'{entry.simplified}' occurs in no Simplified text any more; remove the entry")
        elif _changes_nothing(entry, table, full, found):
            yield Issue(path=TABLE, line=entry.line, severity="warning",
                        message=f"'{entry.simplified}' → '{entry.traditional}' changes nothing: OpenCC and the "
                        "other entries give the same text without it; remove the entry")


def check_phrase_table_cached(root: Path) -> list[Issue]:
    """`check_phrase_table` on the project's texts, reused from the cache folder while the table,
    the texts, this code and OpenCC are unchanged: the check loads OpenCC (~0.4 s) and converts the
    texts around every phrase twice, too slow to repeat on every `build.py check` of a preview."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    files = [root / TABLE, *source_files(root)]
    version = digest(opencc.__version__, *(part for path in code + files
                                            for part in (path.name, _bytes(path))))
    return cached("hant-phrase-check", root, version, lambda: list(check_phrase_table(root)))


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # a missing table: the check reports it


def _changes_nothing(entry: PhraseOverride, table: dict[str, str], full: HantConverter, texts: list[str]) -> bool:
    """Tells whether the texts containing an entry's phrase convert the same without the entry.

    Judged in context, not on the phrase alone: 只用 alone converts right, but in 是只用 OpenCC
    cuts 是只 and writes 隻."""
    without = HantConverter({key: value for key, value in table.items() if key != entry.simplified})
    return all(full.convert(text) == without.convert(text) for text in texts)


def hant_converter(root: Path) -> HantConverter:
    """Returns the converter with the project's reviewed table (malformed entries left out),
    answering texts converted by earlier processes from the cache folder."""
    entries, _ = load_phrase_table(root)
    table = {entry.simplified: entry.traditional for entry in entries}
    return HantConverter(table, conversion_memo(OPENCC_CONFIG, table))


def page_override(folder: Path) -> Path | None:
    """Returns the contributor's `zh-Hant.md` of a section or page folder, if there is one."""
    path = folder / PAGE_OVERRIDE
    return path if path.is_file() else None


def hant_body(folder: Path, converter: HantConverter) -> str:
    """Returns the Traditional Markdown of a section or page folder: its `zh-Hant.md` when a
    contributor wrote one (as written), else its `zh.md` converted."""
    override = page_override(folder)
    if override is not None:
        return override.read_text(encoding="utf-8")
    return convert_markdown((folder / "zh.md").read_text(encoding="utf-8"), converter.convert)
