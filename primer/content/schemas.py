"""The JSON Schemas of the content kinds: the contract editors show while typing.

The loader takes its field names and fixed vocabularies from here, so the schemas, the
editor hints and `build.py check` cannot drift apart."""

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


def keys(kind: str, *path: str) -> tuple[str, ...]:
    """Returns the field names allowed at `path`."""
    return tuple(node(kind, *path)["properties"])


def vocabulary(kind: str, *path: str) -> tuple[str, ...]:
    """Returns the allowed values of an enumerated field."""
    return tuple(node(kind, *path)["enum"])
