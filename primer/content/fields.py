"""Typed reading of one YAML mapping: each accessor returns a value or records an Issue."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from primer.content.yamlsource import Mapping
from primer.issues import Issue
from primer.languages import WRITTEN

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = WRITTEN  # the languages content fields are written in (`zh:`, `en:`)
MAX_TEXT = 4000
# Control characters other than tab and newline have no place in text (U+0000 also separates
# texts inside the cross-linker); YAML's double-quoted escapes could put them there.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class FieldReader:
    """Reads fields of one mapping in one file, collecting every problem instead of stopping."""

    def __init__(self, data: Mapping, path: str, issues: list[Issue], where: str = "") -> None:
        self.data = data
        self.path = path
        self.issues = issues
        self.where = where

    def line(self, key: str) -> int:
        """Returns the line of `key` (or of the mapping when the key is absent)."""
        return self.data.line_of(key)

    def error(self, key: str, message: str) -> None:
        """Records a problem located at `key`."""
        self.issues.append(Issue(path=self.path, line=self.line(key), message=message))

    def _name(self, key: str) -> str:
        return f"'{self.where}{key}'"

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self.error(key, f"missing required field {self._name(key)}")
        return value

    def text(self, key: str, *, required: bool = True, max_length: int = MAX_TEXT) -> str:
        """Returns a non-empty string field, or '' after recording why it is unusable."""
        value = self._get(key, required)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"{self._name(key)} must be text, not {type(value).__name__}")
            return ""
        text = str(value).strip()
        if CONTROL.search(text):
            self.error(key, f"{self._name(key)} contains a control character; remove it")
            return CONTROL.sub("", text)
        if required and not text:
            self.error(key, f"{self._name(key)} must not be empty")
        if len(text) > max_length:
            self.error(key, f"{self._name(key)} is longer than {max_length} characters; shorten it")
            return text[:max_length]
        return text

    def identifier(self, key: str, *, required: bool = True) -> str:
        """Returns an id field after checking it against `[a-z0-9-]`."""
        value = self.text(key, required=required, max_length=80)
        if value and not ID_PATTERN.match(value):
            self.error(key, f"{self._name(key)} '{value}' is not a valid id: use a-z, 0-9 and single '-'")
            return ""
        return value

    def integer(self, key: str, *, required: bool = True, low: int = 0, high: int = 10**6) -> int | None:
        """Returns an integer field within [low, high]."""
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{self._name(key)} must be a whole number")
            return None
        if not low <= value <= high:
            self.error(key, f"{self._name(key)} must be between {low} and {high}")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        """Returns a true/false field."""
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.error(key, f"{self._name(key)} must be true or false")
            return default
        return value

    def strings(self, key: str, *, required: bool = False, min_items: int = 0) -> tuple[str, ...]:
        """Returns a list of non-empty strings."""
        value = self._get(key, required)
        if value is None:
            value = []
        if not isinstance(value, list):
            self.error(key, f"{self._name(key)} must be a list")
            return ()
        items = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                self.error(key, f"{self._name(key)} must contain only non-empty text items")
                continue
            if CONTROL.search(str(item)):
                self.error(key, f"{self._name(key)} has an item with a control character; remove it")
                continue
            items.append(str(item).strip())
        if len(items) < min_items and (required or value):
            self.error(key, f"{self._name(key)} must list at least {min_items} item(s)")
        return tuple(items)

    def ids(self, key: str, *, required: bool = False, min_items: int = 0) -> tuple[str, ...]:
        """Returns a list of ids, each checked against `[a-z0-9-]` and for repetition."""
        items = self.strings(key, required=required, min_items=min_items)
        valid = []
        for item in items:
            if not ID_PATTERN.match(item):
                self.error(key, f"{self._name(key)} has invalid id '{item}': use a-z, 0-9 and single '-'")
            elif item in valid:
                self.error(key, f"{self._name(key)} lists '{item}' twice")
            else:
                valid.append(item)
        return tuple(valid)

    def mapping(self, key: str, *, required: bool = True) -> FieldReader | None:
        """Returns a reader for a nested mapping field."""
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.error(key, f"{self._name(key)} must be a mapping of fields")
            return None
        return FieldReader(value, self.path, self.issues, f"{self.where}{key}.")

    def localized(self, key: str, *, required: bool = True) -> dict[str, str]:
        """Returns a `{zh: ..., en: ...}` text field; both languages are required."""
        reader = self.mapping(key, required=required)
        if reader is None:
            return {lang: "" for lang in LANGS}
        return {lang: reader.text(lang) for lang in LANGS}

    def check_keys(self, allowed: Iterable[str]) -> None:
        """Records every key that the format does not define (usually a typo)."""
        known = set(allowed)
        for key in self.data:
            if key not in known:
                hint = ", ".join(sorted(known))
                self.error(key, f"unknown field {self._name(key)}; expected one of: {hint}")


def as_mapping(data: Any, path: str, issues: list[Issue]) -> Mapping | None:
    """Returns the document as a mapping, or records that the file's top level is wrong."""
    if isinstance(data, Mapping):
        return data
    if data is not None:
        issues.append(Issue(path=path, line=1, message="top level must be a mapping of fields (key: value)"))
    return None
