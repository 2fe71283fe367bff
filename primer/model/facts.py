"""Sourced numbers about a model (glossary `facts:`): what the data charts plot."""

from __future__ import annotations

import re
from dataclasses import dataclass

from primer.content.fields import FieldReader
from primer.content.schemas import node

MONTH = re.compile(node("term", "facts", "released")["pattern"])
MEASURE_KEYS = tuple(key for key in node("term", "facts")["properties"] if key != "released")


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One number with the source that states it; `value` is None when the maker never disclosed it."""

    value: float | None
    source: str
    line: int
    sparse: bool = False  # a mixture-of-experts count: all experts, not the parameters used per token

    @property
    def undisclosed(self) -> bool:
        """Tells whether the maker did not disclose the number (the source says so)."""
        return self.value is None


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelFacts:
    """When a model was released and its sourced measures."""

    released: str  # YYYY-MM
    measures: dict[str, Fact]
    line: int

    @property
    def year(self) -> float:
        """Returns the release date as a fractional year (the middle of its month)."""
        year, month = self.released.split("-")
        return int(year) + (int(month) - 0.5) / 12


def read_facts(reader: FieldReader) -> ModelFacts | None:
    """Reads `facts: {released: YYYY-MM, parameters: {...}, training_compute: {...}}`."""
    block = reader.mapping("facts")
    if block is None:
        return None
    released = block.text("released")
    if not MONTH.match(released):
        return None  # the schema reports the form
    measures = {}
    for key in MEASURE_KEYS:
        fact = read_fact(block, key) if key in block.data else None
        if fact is not None:
            measures[key] = fact
    return ModelFacts(released=released, measures=measures, line=reader.line("facts")) if released else None


def read_fact(block: FieldReader, key: str) -> Fact | None:
    """Reads `{value: 175e9, source: id}` or `{undisclosed: true, source: id}`."""
    fact = block.mapping(key)
    if fact is None:
        return None
    source = fact.identifier("source")
    undisclosed = fact.boolean("undisclosed")
    if undisclosed == ("value" in fact.data):
        return None  # the schema reports that it has both or neither
    value = None if undisclosed else number(fact, "value")
    if not undisclosed and value is None:
        return None
    return Fact(value=value, source=source, line=block.line(key), sparse=fact.boolean("sparse"))


def number(fact: FieldReader, key: str) -> float | None:
    """Returns a positive number; `175e9` (which YAML reads as text) is accepted."""
    raw = fact.data.get(key)
    try:
        value = float(raw) if isinstance(raw, (int, float, str)) and not isinstance(raw, bool) else None
    except (TypeError, ValueError):
        value = None
    if value is None or not value > 0 or value == float("inf"):
        fact.error(key, f"'{key}' must be a positive number such as 175e9")
        return None
    return value
