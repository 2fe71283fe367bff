"""Chinese typography warnings and their safe fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from primer.checks.typography import NEIGHBOURS, check_file, check_line, check_spans

CASES = [
    ("GPT-3有1750亿个参数", "GPT-3 有 1750 亿个参数", 3),
    ("在2017年提出", "在 2017 年提出", 2),
    ("模型,然后训练", "模型，然后训练", 1),
    ("它是什么?", "它是什么？", 1),
    ("大语言模型(LLM)很大", "大语言模型（LLM）很大", 1),
    ("模型 ，数据", "模型，数据", 1),
    ("增长了15%的", "增长了 15% 的", 2),
    ("已经正确：GPT-4 与 RLHF。", "已经正确：GPT-4 与 RLHF。", 0),
    ("见 `代码a` 和[链接](term:llm)", "见 `代码a` 和[链接](term:llm)", 0),
    ("## 涌现能力 {#emergence}", "## 涌现能力 {#emergence}", 0),
    ("引用[@wei-2022-emergent]。", "引用[@wei-2022-emergent]。", 0),
    ("网址 https://arxiv.org/abs/1706.03762 有效", "网址 https://arxiv.org/abs/1706.03762 有效", 0),
    ("English only, with (parentheses): fine.", "English only, with (parentheses): fine.", 0),
]


@pytest.mark.parametrize(("line", "fixed", "count"), CASES)
def test_check_line(line: str, fixed: str, count: int) -> None:
    """Each row: a line, the fixed line, how many problems it reports."""
    problems, result = check_line(line)
    assert result == fixed
    assert len(problems) == count
    assert check_line(result)[0] == []  # the fix leaves nothing to report


def test_the_clean_line_shortcut_never_hides_a_problem() -> None:
    """`check_line` skips lines without a NEIGHBOURS pair; on random mixed lines (code, links,
    citations, both kinds of punctuation) it must answer exactly what the full rule scan does."""
    import random

    rng = random.Random(8)
    alphabet = ["大", "模", "A", "b", "7", "%", ",", ":", "?", "(", ")", "，", "。", "（", "）", " ", "\t",
                "`", "[", "]", "@", "{#", "}", "<b>", "https://x.org/", "](term:llm)"]
    hits = 0
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert check_line(line) == check_spans(line), line
        hits += bool(check_spans(line)[0])
    assert hits > 300  # the random lines do exercise the rules
    assert not NEIGHBOURS.search("大模型（LLM）是什么？")  # and clean Chinese prose takes the shortcut


def test_yaml_fix_touches_only_chinese_text_values(tmp_path: Path) -> None:
    """In YAML only zh values change; keys, flow lists and English stay as written."""
    path = tmp_path / "t.yml"
    path.write_text(
        "id: llm\nzh:\n  term: 大语言模型\n  aliases: [大型语言模型, LLM]\n  definition: >-\n"
        "    基于Transformer的模型,参数很多。\nen:\n  term: large language model\n"
        "  definition: A model (big),with many parameters.\n", encoding="utf-8")
    issues, fixed = check_file(path, "content/glossary/t.yml")
    assert [(i.line, i.column) for i in issues] == [(6, 7), (6, 18), (6, 21)]
    assert fixed == path.read_text(encoding="utf-8").replace(
        "基于Transformer的模型,参数很多。", "基于 Transformer 的模型，参数很多。")


def test_markdown_fix_skips_code_blocks(tmp_path: Path) -> None:
    """Fenced code keeps its text; prose around it is fixed."""
    path = tmp_path / "zh.md"
    path.write_text("使用GPT模型\n\n```\n代码a,b\n```\n", encoding="utf-8")
    issues, fixed = check_file(path, "zh.md")
    assert [i.line for i in issues] == [1, 1]
    assert fixed == "使用 GPT 模型\n\n```\n代码a,b\n```\n"
