"""Pinyin sort keys for Chinese term names, without loading all of pypinyin's phrases.

Imported as usual, pypinyin parses its 2.5 MB phrase dictionary (47,000 phrases) and trains its
word segmenter on all of them: 0.2–0.3 s, a tenth of a Chinese build of the real content. The
glossary needs only the phrases its own names contain. So pypinyin is imported without its phrases
(`PYPINYIN_NO_PHRASES`, its documented switch) and given just those (`load_phrases_dict`, its API
for custom phrases), found by scanning the keys of the same dictionary file.

pypinyin cuts a name by forward maximum matching: at each position it takes the longest phrase
that starts there, and every phrase it could take is a part of the name, so it is loaded here. One
quirk differs: when the rest of a name is only the beginning of some longer phrase that is not in
it, pypinyin with all phrases reads the rest character by character, while here it still finds
the phrases inside. On the real glossary the keys are identical (tested).

pypinyin's readings are not always right for this field's words (微调 is wēi tiáo, fine-tuning;
pypinyin reads diào). `READINGS` is a reviewed list of phrases with their toneless readings; it
wins over pypinyin, and every glossary name's common polyphonic characters must sit inside one of
its phrases (tested on every term), so a new term with 调, 行, 重 … gets a person's review."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

NO_PHRASES = "PYPINYIN_NO_PHRASES"
# Reviewed readings (toneless, one syllable per character) of the glossary's phrases that hold a
# character read in more than one way in modern Mandarin (`POLYPHONIC`).
READINGS = {
    "微调": "wei tiao", "行业": "hang ye", "模型": "mo xing", "模态": "mo tai", "视觉": "shi jue",
    "幻觉": "huan jue", "强化": "qiang hua", "增强": "zeng qiang", "参数": "can shu", "数据": "shu ju",
    "体系": "ti xi", "识别": "shi bie", "混合": "hun he", "拟合": "ni he", "提示": "ti shi",
    "向量": "xiang liang", "反馈的": "fan kui de", "重排序": "chong pai xu", "长上下文": "chang shang xia wen",
    "调优": "tiao you", "调参": "tiao can", "少样本": "shao yang ben", "处理": "chu li", "华为": "hua wei",
    "悟空": "wu kong", "系列": "xi lie", "适应": "shi ying", "参数量": "can shu liang", "精调": "jing tiao",
    "显卡": "xian ka", "规模": "gui mo", "轻量": "qing liang",
    "长度": "chang du", "解码": "jie ma", "分布": "fen bu", "分词": "fen ci", "切分": "qie fen",
    "传播": "chuan bo", "函数": "han shu", "权重": "quan zhong", "关系": "guan xi", "提前": "ti qian",
    "正则": "zheng ze", "灾难": "zai nan", "知识": "zhi shi", "计算量": "ji suan liang", "模块": "mo kuai",
}
POLYPHONIC = frozenset("调行重长数觉强处乐朝差率便降量传藏几着还得地的了为相少当种中只发分和应空正教假省解供看难都卡"
                       "模参系识合提")
HAN_RUN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
PHRASE_KEY = re.compile(r'^"([^"\\]+)": \[$', re.MULTILINE)  # one phrase per line in pypinyin's file


def phrases_in(texts: Iterable[str]) -> dict[str, list[list[str]]] | None:
    """Returns pypinyin's readings of every phrase that occurs in `texts`; None when its phrase
    file cannot be read (then the whole dictionary is needed)."""
    wanted = {run[start:end] for text in texts for run in HAN_RUN.findall(text)
              for start in range(len(run)) for end in range(start + 2, len(run) + 1)}
    spec = importlib.util.find_spec("pypinyin")
    folders = list(spec.submodule_search_locations or []) if spec else []
    try:
        text = Path(folders[0], "phrases_dict.json").read_text(encoding="utf-8")
    except (IndexError, OSError, UnicodeDecodeError):
        return None
    decoder = json.JSONDecoder()
    found: dict[str, list[list[str]]] = {}
    for match in PHRASE_KEY.finditer(text):
        if match.group(1) in wanted:
            found[match.group(1)] = decoder.raw_decode(text, match.end() - 1)[0]
    return found


# True once pypinyin was imported here without its phrases: every later call (another glossary,
# e.g. after an edit under `mkdocs serve`) must add the phrases of its own names.
_trimmed = False


def pinyin_function(texts: Iterable[str]) -> Callable[[str], str]:
    """Returns text -> space-separated toneless pinyin, ready for the names in `texts`."""
    global _trimmed
    texts = list(texts)
    phrases = phrases_in(texts) if _trimmed or "pypinyin" not in sys.modules else None
    if phrases is not None and "pypinyin" not in sys.modules:
        previous = os.environ.get(NO_PHRASES)
        os.environ[NO_PHRASES] = "1"
        try:
            import pypinyin  # noqa: F401 - imported here, without the phrase dictionary
        finally:
            if previous is None:
                del os.environ[NO_PHRASES]
            else:
                os.environ[NO_PHRASES] = previous
        _trimmed = True
    if _trimmed and phrases:
        from pypinyin import load_phrases_dict
        from pypinyin.constants import PHRASES_DICT

        missing = {phrase: readings for phrase, readings in phrases.items() if phrase not in PHRASES_DICT}
        if missing:
            load_phrases_dict(missing)
    from pypinyin import Style, lazy_pinyin

    return lambda text: " ".join(lazy_pinyin(text, style=Style.NORMAL))


def with_reviewed_readings(pinyin: Callable[[str], str]) -> Callable[[str], str]:
    """Returns `pinyin` with the phrases of `READINGS` read as reviewed (longest phrase first)."""
    phrases = re.compile("|".join(sorted(map(re.escape, READINGS), key=len, reverse=True)))

    def read(text: str) -> str:
        pieces, position = [], 0
        for match in phrases.finditer(text):
            pieces += [pinyin(text[position:match.start()]), READINGS[match.group(0)]]
            position = match.end()
        pieces.append(pinyin(text[position:]))
        return " ".join(" ".join(pieces).split())

    return read


def unreviewed_polyphones(name: str) -> list[str]:
    """Returns the `POLYPHONIC` characters of `name` that no `READINGS` phrase in it covers."""
    covered = [False] * len(name)
    for phrase in READINGS:
        start = name.find(phrase)
        while start >= 0:
            covered[start:start + len(phrase)] = [True] * len(phrase)
            start = name.find(phrase, start + 1)
    return [char for char, done in zip(name, covered, strict=True) if char in POLYPHONIC and not done]
