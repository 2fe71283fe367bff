"""The Simplified texts the zh-Hant edition is derived from, and the conversion of loaded YAML.

Every text a reader sees comes from one of: a section's or page's `zh.md`, a `zh` field of a
content YAML file (titles, terms, definitions, events, eras, classes) or of the interface words
(`templates/strings.yml`). The phrase table's checks, the review script and the benchmark all read
them from here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from primer.content.yamlsource import safe_load
from primer.languages import text_source

TARGET = "zh-Hant"  # the edition this package makes (primer/languages.py)
SOURCE = text_source(TARGET)
YAML_FILES = ("content/sections/*/meta.yml", "content/pages/*/meta.yml", "content/glossary/*.yml",
              "content/timeline/*.yml", "content/eras.yml", "content/taxonomy.yml", "templates/strings.yml")
MARKDOWN_FILES = ("content/sections/*/zh.md", "content/pages/*/zh.md")


def source_files(root: Path) -> list[Path]:
    """Returns every file the Simplified texts are read from, in a fixed order."""
    return [path for pattern in (*MARKDOWN_FILES, *YAML_FILES) for path in sorted(root.glob(pattern))]


def simplified_texts(root: Path) -> Iterator[tuple[str, str]]:
    """Yields (path relative to `root`, text) for every Simplified text of the project, in a fixed order."""
    for pattern in MARKDOWN_FILES:
        for path in sorted(root.glob(pattern)):
            yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")
    for pattern in YAML_FILES:
        for path in sorted(root.glob(pattern)):
            data = safe_load(path.read_text(encoding="utf-8"))
            shown = path.relative_to(root).as_posix()
            yield from ((shown, text) for text in zh_strings(data))


def zh_strings(data: Any, inside: bool = False) -> Iterator[str]:
    """Yields every string under a `zh` key of loaded YAML, depth first."""
    if isinstance(data, str) and inside:
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from zh_strings(value, inside or key == SOURCE)
    elif isinstance(data, list):
        for item in data:
            yield from zh_strings(item, inside)


def with_hant(data: Any, convert: Callable[[str], str]) -> Any:
    """Returns a copy of loaded YAML where each mapping with a `zh` value also has a `zh-Hant` one,
    converted from it; a `zh-Hant` value written by a contributor is kept (it wins)."""
    if isinstance(data, dict):
        copy = {key: with_hant(value, convert) for key, value in data.items()}
        if SOURCE in data and TARGET not in data:
            copy[TARGET] = _converted(data[SOURCE], convert)
        return copy
    if isinstance(data, list):
        return [with_hant(item, convert) for item in data]
    return data


def _converted(data: Any, convert: Callable[[str], str]) -> Any:
    if isinstance(data, str):
        return convert(data)
    if isinstance(data, dict):
        return {key: _converted(value, convert) for key, value in data.items()}
    if isinstance(data, list):
        return [_converted(item, convert) for item in data]
    return data  # numbers, booleans, None: nothing to convert
