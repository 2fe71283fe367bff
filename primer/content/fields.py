"""Typed reading of one YAML mapping that its schema has checked (primer/content/structure.py).

A value of the wrong form reads as absent (`''`, `None`, `()`): the schema check reports it, and
the model built from a broken file stays well-typed so the cross-reference checks can still run.
`error` records the problems no schema can see (an id against its file name, a calendar date …)."""

from __future__ import annotations

import re

from primer.content.yamlsource import Mapping
from primer.issues import Issue
from primer.languages import WRITTEN

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = WRITTEN  # the languages content fields are written in (`zh:`, `en:`)
# Control characters other than tab and newline have no place in text (U+0000 also separates
# texts inside the cross-linker); YAML's double-quoted escapes could put them there.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FieldReader:
    """Reads the fields of one mapping in one file; `error` records a problem at a field's line."""

    def __init__(self, data: Mapping, path: str, issues: list[Issue]) -> None:
        self.data = data
        self.path = path
        self.issues = issues

    def line(self, key: str) -> int:
        """Returns the line of `key` (or of the mapping when the key is absent)."""
        return self.data.line_of(key)

    def error(self, key: str, message: str) -> None:
        """Records a problem located at `key`."""
        self.issues.append(Issue(path=self.path, line=self.line(key), message=message))

    def text(self, key: str) -> str:
        """Returns a text field without surrounding blanks, or '' when it is absent or not text."""
        value = self.data.get(key)
        return CONTROL.sub("", value).strip() if isinstance(value, str) else ""

    def identifier(self, key: str) -> str:
        """Returns an id field, or '' when it is absent or no valid id."""
        value = self.text(key)
        return value if ID_PATTERN.match(value) else ""

    def integer(self, key: str) -> int | None:
        """Returns a whole-number field, or None."""
        value = self.data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def boolean(self, key: str, default: bool = False) -> bool:
        """Returns a true/false field, or `default`."""
        value = self.data.get(key)
        return value if isinstance(value, bool) else default

    def strings(self, key: str) -> tuple[str, ...]:
        """Returns the non-empty text items of a list field."""
        value = self.data.get(key)
        items = value if isinstance(value, list) else []
        texts = (CONTROL.sub("", item).strip() for item in items if isinstance(item, str))
        return tuple(text for text in texts if text)

    def ids(self, key: str) -> tuple[str, ...]:
        """Returns the valid ids of a list field, each once."""
        return tuple(dict.fromkeys(item for item in self.strings(key) if ID_PATTERN.match(item)))

    def mapping(self, key: str) -> FieldReader | None:
        """Returns a reader for a nested mapping field, or None."""
        value = self.data.get(key)
        return FieldReader(value, self.path, self.issues) if isinstance(value, Mapping) else None

    def localized(self, key: str) -> dict[str, str]:
        """Returns a `{zh: ..., en: ...}` text field ('' for a language that is missing)."""
        reader = self.mapping(key)
        return {lang: reader.text(lang) if reader else "" for lang in LANGS}
