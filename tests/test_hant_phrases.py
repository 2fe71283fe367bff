"""zh-Hant phrase table: loading, checks with lines, schema, page overrides, YAML fields, the real table."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from primer.content.yamlsource import safe_load
from primer.hant.convert import opencc_convert
from primer.hant.markdown import convert_markdown
from primer.hant.phrases import (
    TABLE,
    check_phrase_table,
    check_phrase_table_cached,
    hant_body,
    hant_converter,
    load_phrase_table,
)
from primer.hant.sources import simplified_texts, with_hant
from tests.helpers import ROOT


def table(tmp_path: Path, lines: str) -> Path:
    """Writes a phrase table under `tmp_path` and returns the project root."""
    path = tmp_path / TABLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("phrases:\n" + lines, encoding="utf-8")
    return tmp_path


def messages(root: Path, texts: list[str]) -> list[str]:
    return [issue.format() for issue in check_phrase_table(root, texts)]


def test_entries_load_in_both_forms(tmp_path: Path) -> None:
    """`简: 繁` and `简: {to, note}` both give an entry with its line."""
    entries, issues = load_phrase_table(table(tmp_path, "  参数: 參數\n  质量: {to: 品質, note: quality}\n"))
    assert issues == []
    assert [(e.simplified, e.traditional, e.note, e.line) for e in entries] == [
        ("参数", "參數", "", 2), ("质量", "品質", "quality", 3)]


def test_stale_phrase_is_reported_at_its_line(tmp_path: Path) -> None:
    """A phrase no Simplified text contains is a warning on the entry's line."""
    root = table(tmp_path, "  参数: 參數\n  质量: 品質\n")
    assert messages(root, ["模型的参数"]) == [
        f"{TABLE}:3: warning: '质量' occurs in no Simplified text any more; remove the entry"]


def test_entry_that_changes_nothing_is_reported(tmp_path: Path) -> None:
    """An entry whose texts convert the same without it is a warning."""
    root = table(tmp_path, "  模型: 模型\n")
    assert messages(root, ["大模型"]) == [f"{TABLE}:2: warning: '模型' → '模型' changes nothing: OpenCC and the "
                                          "other entries give the same text without it; remove the entry"]


def test_entry_needed_only_in_context_is_kept(tmp_path: Path) -> None:
    """只用 converts right alone but not after 是: judged in its texts, the entry is needed."""
    assert opencc_convert("只用") == "只用"
    assert messages(table(tmp_path, "  只用: 只用\n"), ["序列是只用解码器"]) == []


@pytest.mark.parametrize(("line", "message"), [
    ("  参数: [參數]\n", "'参数': give its Traditional form as text, e.g. 参数量: 參數量 or 参数量: {to: 參數量, note: …}"),
    ("  参数: {to: 參數, why: x}\n", "'参数': unknown key 'why'; use 'to' and 'note'"),
    ("  参 数: 參數\n", "'参 数': a phrase is one run of text without spaces"),
    ("  参数: 参數\n", "'参数': its form '参數' has Simplified-only characters: 参"),
    ("  参数: 參數\n  参数: 引數\n", "duplicate key '参数'; keep only one"),
])
def test_malformed_entry_is_an_error_at_its_line(tmp_path: Path, line: str, message: str) -> None:
    """Each kind of malformed entry is an error on its line."""
    found = [issue for issue in check_phrase_table(table(tmp_path, line), ["模型参数"]) if issue.severity == "error"]
    assert [(issue.line, issue.message) for issue in found] == [(line.count("\n") + 1, message)]


def test_table_that_is_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    """A file without a `phrases:` mapping is one error at line 1."""
    path = tmp_path / TABLE
    path.parent.mkdir(parents=True)
    path.write_text("- 参数\n", encoding="utf-8")
    assert [issue.format() for issue in check_phrase_table(tmp_path, [])] == [
        f"{TABLE}:1: expected a mapping 'phrases:' of 简体: 繁體 lines"]


def test_real_table_is_clean_against_all_content() -> None:
    """The project's table has no malformed, stale or useless entry."""
    assert [issue.format() for issue in check_phrase_table(ROOT)] == []


def test_real_table_matches_its_schema() -> None:
    """The JSON Schema editors use accepts the real table and rejects a list value."""
    schema = json.loads((ROOT / "schemas/hant-phrases.schema.json").read_text(encoding="utf-8"))
    data = safe_load((ROOT / TABLE).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"phrases": {"参数": ["參數"]}}, schema)


def test_real_table_fixes_opencc_on_real_content() -> None:
    """The converted content says 參數量 and 品質, never OpenCC's 引數量 or 質量."""
    convert = hant_converter(ROOT).convert
    text = "".join(convert(text) for _, text in simplified_texts(ROOT))
    assert "參數量" in text and "品質" in text
    assert "引數" not in text and "質量" not in text


def test_page_override_wins_over_conversion(tmp_path: Path) -> None:
    """A folder's zh-Hant.md is used as written; without it, zh.md is converted."""
    convert = hant_converter(ROOT)
    (tmp_path / "zh.md").write_text("参数与[数据](term:data)\n", encoding="utf-8")
    assert hant_body(tmp_path, convert) == convert_markdown("参数与[数据](term:data)\n", convert.convert)
    assert hant_body(tmp_path, convert) == "參數與[資料](term:data)\n"
    (tmp_path / "zh-Hant.md").write_text("參數與資料（人工校訂）\n", encoding="utf-8")
    assert hant_body(tmp_path, convert) == "參數與資料（人工校訂）\n"


def test_yaml_fields_get_a_converted_sibling() -> None:
    """Every `zh` value gets a `zh-Hant` value beside it; ids and English stay; a written one wins."""
    data = {"id": "parameter", "zh": {"term": "参数", "aliases": ["参数量"]}, "en": {"term": "parameter"},
            "title": {"zh": "数据", "zh-Hant": "數據（校訂）"}}
    assert with_hant(data, hant_converter(ROOT).convert) == {
        **data, "zh-Hant": {"term": "參數", "aliases": ["參數量"]}}


def test_simplified_texts_cover_every_kind_of_content() -> None:
    """Section bodies, titles, glossary, timeline, eras, taxonomy and interface words are all read."""
    paths = {path.split("/")[1] if path.startswith("content/") else path for path, _ in simplified_texts(ROOT)}
    assert paths == {"sections", "pages", "glossary", "timeline", "eras.yml", "taxonomy.yml", "templates/strings.yml"}


def test_cached_check_follows_edits_of_table_and_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cached check gives the check's issues, and new ones after a text changes."""
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(tmp_path / "cache"))
    root = table(tmp_path / "project", "  质量: 品質\n")
    body = root / "content/sections/01-definition/zh.md"
    body.parent.mkdir(parents=True)
    body.write_text("生成质量\n", encoding="utf-8")
    assert check_phrase_table_cached(root) == list(check_phrase_table(root)) == []
    body.write_text("生成效果\n", encoding="utf-8")
    assert [issue.message for issue in check_phrase_table_cached(root)] == [
        "'质量' occurs in no Simplified text any more; remove the entry"]
