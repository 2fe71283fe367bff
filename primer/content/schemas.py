"""The JSON Schemas of the content kinds: the contract editors show while typing and
`build.py check` runs (primer/content/structure.py).

The model takes its fixed vocabularies and patterns from here, so the schemas, the editor hints
and the checker cannot drift apart."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
KINDS = ("source", "document", "term", "event", "eras", "taxonomy", "names", "figure", "hant-phrases")


@cache
def schema(kind: str) -> dict[str, Any]:
    """Returns the parsed schema of a content kind."""
    with open(SCHEMAS / f"{kind}.schema.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def node(kind: str, *path: str) -> dict[str, Any]:
    """Returns the sub-schema at `path` (property names; 'items' steps into arrays)."""
    current = schema(kind)
    for step in path:
        current = current["items"] if step == "items" else current["properties"][step]
    return current


def vocabulary(kind: str, *path: str) -> tuple[str, ...]:
    """Returns the allowed values of an enumerated field."""
    return tuple(node(kind, *path)["enum"])
