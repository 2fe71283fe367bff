"""Safe YAML loading that remembers the line of every key and reports problems as Issues."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from primer.issues import Issue

MAX_FILE_BYTES = 512 * 1024
STR_TAG = "tag:yaml.org,2002:str"


class Mapping(dict[str, Any]):
    """A YAML mapping that knows its own line and column and those of each key (1-based)."""

    line: int
    column: int
    key_lines: dict[str, int]
    key_columns: dict[str, int]

    def line_of(self, key: str) -> int:
        """Returns the line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)

    def column_of(self, key: str) -> int:
        """Returns the column of `key`, or of the mapping itself when the key is absent."""
        return self.key_columns.get(key, self.column)


# libyaml's parser is about six times faster than the pure-Python one; both are safe loaders.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load` through libyaml when it is there (our own files: no line marks needed)."""
    return yaml.load(text, Loader=_SafeBase)  # a safe loader: libyaml's or PyYAML's


class _LineLoader(_SafeBase):
    """Safe loader that builds `Mapping`s and collects duplicate keys instead of overwriting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Mapping:  # type: ignore[override]
        self.flatten_mapping(node)
        mapping = Mapping()
        mapping.line = node.start_mark.line + 1
        mapping.column = node.start_mark.column + 1
        mapping.key_lines, mapping.key_columns = {}, {}
        for key_node, value_node in node.value:
            key = self._construct(key_node)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.duplicates.append((key, line))
            mapping[key] = self._construct(value_node)
            mapping.key_lines[key] = line
            mapping.key_columns[key] = key_node.start_mark.column + 1
        return mapping

    def _construct(self, node: yaml.Node) -> Any:
        """`construct_object`, short-cut for string scalars (most of our nodes): their value is
        the string itself, as SafeConstructor.construct_yaml_str would return."""
        if node.tag == STR_TAG and type(node) is yaml.ScalarNode:
            return node.value
        return self.construct_object(node, deep=True)


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _LineLoader.construct_mapping,
)
# Dates stay strings: we validate their format ourselves and keep YYYY-MM precision.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Loaded:
    """The result of loading one YAML file: the data (None on failure) and its problems."""

    data: Any
    issues: tuple[Issue, ...]


def read_text(path: Path, shown: str) -> tuple[str | None, list[Issue]]:
    """Reads a UTF-8 text file (BOM and CRLF tolerated); returns an Issue instead of raising."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Issue(path=shown, message=f"cannot read file: {error.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        return None, [Issue(path=shown, message=f"file is larger than {limit} KiB; split it")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Issue(path=shown, line=line, message="file is not valid UTF-8; re-save it as UTF-8")
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def load_yaml(path: Path, shown: str) -> Loaded:
    """Loads one YAML file with `yaml.safe_load` semantics plus line marks.

    Arguments:
        path: the file on disk.
        shown: the path as printed in messages (relative to the project root).
    """
    text, issues = read_text(path, shown)
    if text is None:
        return Loaded(None, tuple(issues))
    if not text.strip():
        return Loaded(None, (Issue(path=shown, line=1, message="file is empty"),))
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        problem = error.problem or error.context or "invalid YAML"
        return Loaded(None, (Issue(path=shown, line=line, column=column, message=f"YAML syntax error: {problem}"),))
    except yaml.YAMLError as error:
        return Loaded(None, (Issue(path=shown, message=f"YAML error: {error}"),))
    finally:
        loader.dispose()
    duplicates = tuple(
        Issue(path=shown, line=line, message=f"duplicate key '{key}'; keep only one")
        for key, line in loader.duplicates
    )
    return Loaded(data, duplicates)
