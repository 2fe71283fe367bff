"""The JSON Schemas as `build.py check`'s structural check: every error, at its line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

from primer.content.loader import load_content
from primer.content.schemas import node
from primer.content.structure import structure_issues
from primer.content.yamlsource import load_yaml
from primer.issues import errors_only
from tests.helpers import FIXTURES

TERM = """id: x
kind: concept
zh:
  term: 某词
  definition: 定义。
en:
  term: word
  definition: A definition.
sources: [s]
"""


def check(tmp_path: Path, text: str, kind: str = "term") -> list[str]:
    """Returns the schema problems of one YAML text as `check` prints them."""
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return [issue.format() for issue in structure_issues(kind, load_yaml(path, "x.yml").data, "x.yml")]


def test_a_valid_term_has_no_structure_problem(tmp_path: Path) -> None:
    """A term that follows its schema yields nothing."""
    assert check(tmp_path, TERM) == []


def test_a_number_where_the_schema_wants_text_is_reported_by_check(tmp_path: Path) -> None:
    """`abbr: 4` fails term.schema.json and so fails `check`, at the key's line and column."""
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    term = tmp_path / "content/glossary/llm.yml"
    lines = [("abbr: 4" if line.startswith("abbr:") else line) for line in term.read_text(encoding="utf-8").split("\n")]
    term.write_text("\n".join(lines), encoding="utf-8")
    line = lines.index("abbr: 4") + 1
    _, issues = load_content(tmp_path)
    assert [i.format() for i in errors_only(issues)] == [
        f"content/glossary/llm.yml:{line}:1: 'abbr' must be text, not a whole number"]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    """Three mistakes in one file give three messages, each at its own key."""
    text = TERM.replace("kind: concept", "kind: idea").replace("sources: [s]", "sources: []\nyear: 1700")
    assert check(tmp_path, text) == [
        "x.yml:2:1: 'kind' must be one of: concept, method, architecture, field, model, model-family, "
        "product, organization, hardware (not 'idea')",
        "x.yml:9:1: 'sources' must list at least 1 item(s)",
        "x.yml:10:1: 'year' must be between 1800 and 2100",
    ]


def test_a_missing_key_is_placed_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    """A nested mapping without a required key is reported at the key that holds the mapping."""
    assert check(tmp_path, TERM.replace("  definition: A definition.\n", "")) == [
        "x.yml:6: missing required field 'en.definition'"]


def test_an_unknown_key_is_reported_at_its_line_with_the_allowed_names(tmp_path: Path) -> None:
    """A typo names the field and lists the names the schema allows at that place."""
    assert check(tmp_path, TERM.replace("  term: word", "  term: word\n  alias: [w]")) == [
        "x.yml:8:3: unknown field 'en.alias'; expected one of: aliases, definition, term"]


def test_length_limits_come_from_the_schema(tmp_path: Path) -> None:
    """The message states the schema's own maximum."""
    limit = node("term", "abbr")["maxLength"]
    assert check(tmp_path, TERM + f"abbr: {'A' * (limit + 1)}\n") == [
        f"x.yml:10:1: 'abbr' is longer than {limit} characters; shorten it"]


def test_a_list_item_is_placed_at_its_list(tmp_path: Path) -> None:
    """A bad id inside a flow list is reported at the list's key, naming the item."""
    assert check(tmp_path, TERM + "related: [ok, Not_OK]\n") == [
        "x.yml:10:1: 'related[]' 'Not_OK' is not a valid id: use a-z, 0-9 and single '-'"]


def test_control_characters_are_reported(tmp_path: Path) -> None:
    """An escaped control character in a text is an error the schemas alone cannot state."""
    assert check(tmp_path, TERM.replace("definition: 定义。", 'definition: "定义\\x07"')) == [
        "x.yml:5:3: 'zh.definition' contains a control character; remove it"]


def test_exactly_one_shape_per_diagram_item(tmp_path: Path) -> None:
    """A diagram item with two kinds breaks the schema's oneOf, told as the keys that exclude each other."""
    figure = (FIXTURES.parent.parent / "content/figures").glob("*.yml")
    text = next(path for path in figure if "diagram:" in path.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    broken = text.replace("    - box:", "    - label: [1, 1]\n      box:", 1)
    assert any("'diagram.items[]' has exactly one of: box, arrow, line, label" in line
               for line in check(tmp_path, broken, "figure"))


def test_keys_that_exclude_each_other_are_named(tmp_path: Path) -> None:
    """A fact with both a value and `undisclosed` breaks the schema's oneOf, told as the two keys."""
    facts = "facts:\n  released: 2020-05\n  parameters: {value: 1, undisclosed: true, source: s}\n"
    assert check(tmp_path, TERM + facts) == [
        "x.yml:12:3: 'facts.parameters' has exactly one of: value, undisclosed"]


def test_a_choice_of_forms_is_told_by_the_fields_description(tmp_path: Path) -> None:
    """A date that is neither text of the right form nor a year reads as the schema describes dates."""
    event = "id: e\ndate: 2020/05\ntags: [model]\nzh: {title: 标题, summary: 摘要}\nen: {title: T, summary: S}\nsources: [s]\n"
    assert check(tmp_path, event, "event") == ["x.yml:2:1: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD"]


def test_a_text_of_only_spaces_is_reported_as_empty(tmp_path: Path) -> None:
    """`minLength: 1` counts spaces as text, so a blank title or definition is caught by the walk."""
    text = TERM.replace("  term: word", '  term: "   "').replace("definition: 定义。", 'definition: "\\u3000"')
    assert check(tmp_path, text) == [
        "x.yml:5:3: 'zh.definition' must not be empty (it holds only spaces)",
        "x.yml:7:3: 'en.term' must not be empty (it holds only spaces)",
    ]
