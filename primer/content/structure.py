"""The structural check of every content file: its JSON Schema (schemas/), compiled once.

The schemas are the one statement of what a file may hold (types, required and allowed keys,
vocabularies, id patterns, lengths, ranges); editors show them while typing and `build.py check`
runs them here. jsonschema-rs, not fastjsonschema: its `iter_errors` reports every problem of a
file in one pass (fastjsonschema stops at the first) and it compiles to native code.
Each error is placed at the line and column of the offending key or item, or of the mapping that
lacks a required key, and told in words: the field, what was expected, the allowed values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import jsonschema_rs

from primer.content.fields import CONTROL, ID_PATTERN, LANGS
from primer.content.schemas import schema
from primer.content.yamlsource import Mapping
from primer.issues import Issue

Step = str | int
TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
              "array": "a list", "object": "a mapping of fields", "null": "empty"}


@cache
def validator(kind: str) -> Any:
    """Returns the compiled validator of a content kind (compiled once per process)."""
    return jsonschema_rs.validator_for(schema(kind))


def structure_issues(kind: str, data: Any, shown: str) -> list[Issue]:
    """Returns every way `data`, a file of `kind` as loaded, breaks its schema or holds a blank
    text or a control character (which the schemas cannot express for every text at once)."""
    issues = []
    for error in validator(kind).iter_errors(data):
        steps = error.instance_path
        if error.kind.name == "additionalProperties":  # one issue at each unknown key's own line
            allowed = ", ".join(sorted(node_at(kind, error.schema_path[:-1]).get("properties", {})))
            issues += [at(data, shown, (*steps, key), f"unknown field {field_name((*steps, key))}; "
                          f"expected one of: {allowed}") for key in error.kind.unexpected]
        elif error.kind.name == "required":  # at the mapping that lacks it: a line, no column
            issues.append(Issue(path=shown, line=position(data, steps)[0], message=missing(steps, error.kind.property)))
        else:
            issues.append(at(data, shown, steps, describe(kind, error, data)))
    return issues + unreadable_texts(data, shown)


def at(data: Any, shown: str, steps: Sequence[Step], message: str) -> Issue:
    """Returns an issue placed where the value at `steps` is written."""
    line, column = position(data, steps)
    return Issue(path=shown, line=line, column=column, message=message)


def position(data: Any, steps: Sequence[Step]) -> tuple[int, int]:
    """Returns where the value at `steps` is written: its key, or its list item when that is a
    mapping; a scalar list item reads as its list's key (lists keep no marks of their own)."""
    line, column = getattr(data, "line", 1), getattr(data, "column", 0)
    value = data
    for step in steps:
        if isinstance(value, Mapping) and isinstance(step, str):
            line, column = value.line_of(step), value.column_of(step)
        value = value[step]
        if isinstance(value, Mapping) and isinstance(step, int):
            line, column = value.line, value.column
    return line, column


def field_name(steps: Sequence[Step]) -> str:
    """Returns the dotted name of a field as messages show it, e.g. `diagram.items[].text`."""
    name = ""
    for step in steps:
        name += "[]" if isinstance(step, int) else (f".{step}" if name else step)
    return f"'{name}'"


def node_at(kind: str, path: Sequence[Step]) -> Any:
    """Returns the part of the schema at a schema path (references appear resolved in it)."""
    node: Any = schema(kind)
    for step in path:
        node = node[step]
    return node


def missing(steps: Sequence[Step], key: str) -> str:
    """Tells which required field is absent; a whole language block is a missing translation."""
    if not steps and key in LANGS:
        return f"missing translation: add '{key}:'"
    return f"missing required field {field_name((*steps, key))}"


def empty(steps: Sequence[Step], owner: dict[str, Any]) -> str:
    """`key: ~` or `key:` with nothing after it: a required field is missing, another is empty."""
    if steps[-1] in owner.get("required", ()):
        return f"missing required field {field_name(steps)}"
    return f"{field_name(steps)} has no value; write one or remove the line"


def describe(kind: str, error: Any, data: Any) -> str:
    """Returns a contributor's sentence for one schema error."""
    steps, details, rule = error.instance_path, error.kind.as_dict(), error.kind.name
    name, owner = field_name(steps), node_at(kind, error.schema_path[:-1])
    if rule == "type" and not steps:
        return "top level must be a mapping of fields (key: value)"
    if rule == "type" and value_at(data, steps) is None:
        in_properties = error.schema_path[-3:-2] == ["properties"]  # [..., properties, <key>, type]
        return empty(steps, node_at(kind, error.schema_path[:-3]) if in_properties else {})
    if rule == "enum":
        return f"{name} must be one of: {', '.join(map(str, details['options']))} (not '{value_at(data, steps)}')"
    if rule in ("oneOf", "anyOf"):
        return choice_message(name, node_at(kind, error.schema_path), owner)
    return value_message(rule, name, details, owner, value_at(data, steps))


def choice_message(name: str, branches: list[dict[str, Any]], owner: dict[str, Any]) -> str:
    """`oneOf` of required keys: which keys exclude each other; other choices: the description."""
    keys = [branch["required"][0] for branch in branches if list(branch) == ["required"]]
    if len(keys) == len(branches):
        return f"{name} has exactly one of: {', '.join(keys)}"
    return f"{name} must be {owner.get('description', 'of another form')}"


def value_message(rule: str, name: str, details: dict[str, Any], owner: dict[str, Any], value: Any) -> str:
    """Tells what is wrong with one value: type, form, length, range, repetition."""
    limit = details.get("limit")
    if rule == "type":
        expected = " or ".join(TYPE_WORDS.get(kind, kind) for kind in details["types"])
        return f"{name} must be {expected}, not {type_word(value)}"
    if rule == "pattern":
        if details["pattern"] == ID_PATTERN.pattern:
            return f"{name} '{value}' is not a valid id: use a-z, 0-9 and single '-'"
        return f"{name} '{value}' has the wrong form; expected {owner.get('description') or details['pattern']}"
    if rule == "minLength":
        return f"{name} must not be empty"
    if rule == "maxLength":
        return f"{name} is longer than {limit} characters; shorten it"
    if rule == "minItems":
        return f"{name} must list at least {limit} item(s)"
    if rule == "maxItems":
        return f"{name} must list at most {limit} item(s)"
    if rule == "uniqueItems":
        repeated = next(item for index, item in enumerate(value) if item in value[:index])
        return f"{name} lists '{repeated}' twice"
    if rule in ("minimum", "maximum", "exclusiveMinimum"):
        low, high = owner.get("minimum", owner.get("exclusiveMinimum")), owner.get("maximum")
        return f"{name} must be between {low} and {high}" if high is not None else f"{name} must be more than {low}"
    if rule == "const":
        return f"{name} must be {str(details['expected_value']).lower()} or absent"
    return f"{name}: {rule} {details}"


def type_word(value: Any) -> str:
    """Names the type a contributor wrote (YAML's words: text, number, list …)."""
    if isinstance(value, bool):
        return "true or false"
    for python_type, word in ((str, "text"), (int, "a whole number"), (float, "a number"),
                              (list, "a list"), (dict, "a mapping of fields")):
        if isinstance(value, python_type):
            return word
    return "empty"


def value_at(data: Any, steps: Sequence[Step]) -> Any:
    """Returns the value at an instance path."""
    for step in steps:
        data = data[step]
    return data


def unreadable_texts(data: Any, shown: str) -> list[Issue]:
    """Reports texts that are only white space (`minLength` counts spaces as text) and texts with
    control characters other than tab and newline (YAML's escapes can write them; U+0000 also
    separates texts inside the cross-linker)."""
    issues = []
    for steps in texts_where(data, (), str.isspace):
        line, column = position(data, steps)
        issues.append(Issue(path=shown, line=line, column=column,
                            message=f"{field_name(steps)} must not be empty (it holds only spaces)"))
    for steps in texts_where(data, (), lambda text: bool(CONTROL.search(text))):
        line, column = position(data, steps)
        issues.append(Issue(path=shown, line=line, column=column,
                            message=f"{field_name(steps)} contains a control character; remove it"))
    return issues


def texts_where(value: Any, steps: tuple[Step, ...], test: Callable[[str], bool]) -> list[tuple[Step, ...]]:
    """Returns the paths of the strings under `value` that pass `test`."""
    if isinstance(value, str):
        return [steps] if test(value) else []
    items: Any = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return [found for key, item in items for found in texts_where(item, (*steps, key), test)]
