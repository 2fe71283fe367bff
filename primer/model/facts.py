"""Sourced numbers about a model (glossary `facts:`): what the data charts plot."""

from __future__ import annotations

import re
from dataclasses import dataclass

from primer.content.fields import FieldReader

MONTH = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
MEASURE_KEYS = ("parameters", "training_compute")


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
    block = reader.mapping("facts", required=False)
    if block is None:
        return None
    block.check_keys(("released", *MEASURE_KEYS))
    released = block.text("released")
    if released and not MONTH.match(released):
        block.error("released", "'facts.released' must be a month written YYYY-MM, e.g. 2020-05")
        released = ""
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
    fact.check_keys(("value", "undisclosed", "source", "sparse"))
    source = fact.identifier("source")
    undisclosed = fact.boolean("undisclosed")
    if undisclosed == ("value" in fact.data):
        fact.error("value", f"'facts.{key}' has either a 'value' or 'undisclosed: true' (never a guess)")
        return None
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
