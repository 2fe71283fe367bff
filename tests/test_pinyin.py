"""Pinyin sort keys from pypinyin loaded with only the phrases the glossary needs."""

from __future__ import annotations

import json
import subprocess
import sys

from primer.model import Content

# Names whose reading depends on a phrase (行业 háng, 银行 háng, 重庆 chóng, 长城 cháng, 音乐 yuè,
# 快乐 lè; 朝阳区 cháo, though 朝阳 alone is zhāo) or that mix scripts.
TRICKY = ["行业大模型", "朝阳区", "出差错", "银行业务", "重庆大学", "长城", "音乐生成", "快乐", "GPT 模型", "思维链（CoT）", "〇"]

FAST = """
import json, sys
from primer.pages.pinyin import pinyin_function
names = json.loads(sys.stdin.read())
pinyin = pinyin_function(names)
import pypinyin.constants
print(json.dumps({"keys": {name: pinyin(name) for name in names}, "phrases": len(pypinyin.constants.PHRASES_DICT)}))
"""
FULL = """
import json, sys
from pypinyin import Style, lazy_pinyin
names = json.loads(sys.stdin.read())
print(json.dumps({name: " ".join(lazy_pinyin(name, style=Style.NORMAL)) for name in names}))
"""


def run(script: str, names: list[str]) -> dict:
    result = subprocess.run([sys.executable, "-c", script], input=json.dumps(names), capture_output=True,
                            text=True, check=True)
    data: dict = json.loads(result.stdout)
    return data


def test_keys_equal_pypinyin_with_all_its_phrases(content: Content) -> None:
    """Each side in a fresh interpreter: pypinyin imported without its phrase dictionary plus the
    phrases found in the names, against pypinyin as usually imported."""
    names = sorted({term.text("zh").term for term in content.terms.values()} | set(TRICKY))
    fast = run(FAST, names)
    assert fast["keys"] == run(FULL, names)
    assert fast["keys"]["行业大模型"] == "hang ye da mo xing" and fast["keys"]["朝阳区"] == "chao yang qu"
    assert 10 < fast["phrases"] < 200  # only what the names contain, not the 47,000 phrases


def test_a_second_glossary_in_the_same_process_gets_its_own_phrases() -> None:
    """`mkdocs serve` rebuilds in one process: names added after the first build need phrases
    that were not loaded for the first glossary (行业 háng)."""
    script = """
from primer.pages.pinyin import pinyin_function
pinyin_function(["大模型"])
print(pinyin_function(["行业大模型"])("行业大模型"))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "hang ye da mo xing"


def test_every_term_name_reads_its_polyphonic_characters_from_the_reviewed_list(content: Content) -> None:
    """Each common polyphonic character (调 行 重 …) in a Chinese term name or alias sits inside a
    reviewed phrase: a new name with one fails until someone checks its reading."""
    from primer.pages.pinyin import unreviewed_polyphones

    names = {name for term in content.terms.values() for name in term.text("zh").names()}
    assert {name: found for name in sorted(names) if (found := unreviewed_polyphones(name))} == {}


def test_reviewed_readings_win_over_pypinyin() -> None:
    """微调 (fine-tuning) is wēi tiáo, also inside longer names; pypinyin alone says diào."""
    from primer.pages.pinyin import READINGS, pinyin_function, with_reviewed_readings

    names = ["微调", "指令微调", "参数高效微调", "视觉 Transformer", "行业大模型"]
    read = with_reviewed_readings(pinyin_function(names))
    assert [read(name) for name in names] == [
        "wei tiao", "zhi ling wei tiao", "can shu gao xiao wei tiao", "shi jue Transformer", "hang ye da mo xing"]
    assert all(len(reading.split()) == len(phrase) for phrase, reading in READINGS.items())


def test_the_glossary_sorts_fine_tuning_by_tiao(content: Content) -> None:
    """The glossary page's pinyin key of 微调 is the reviewed one."""
    from primer.pages.glossary_page import term_keys

    keys = term_keys(content, "zh")
    assert keys["微调"] == "wei tiao" and keys["指令微调"] == "zhi ling wei tiao"
