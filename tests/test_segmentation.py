"""The search segmentation memo: jieba's results reused between builds, the index unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from primer.model import Content
from primer.search.segmentation import HAN_RUN, SegmentationMemo, jieba_user_dictionary
from tests.helpers import ROOT


class FakeJieba(types.ModuleType):
    """Records what the memo asks of jieba; cuts text into characters."""

    def __init__(self, folder: Path) -> None:
        super().__init__("jieba")
        self.__version__ = "0.0-test"
        self.__file__ = str(folder / "__init__.py")
        self.calls: list[tuple[str, str]] = []

    def set_dictionary(self, path: str) -> None:
        self.calls.append(("set_dictionary", path))

    def load_userdict(self, path: str) -> None:
        self.calls.append(("load_userdict", path))

    def cut(self, text: str, *args: object, **kwargs: object) -> Iterator[str]:
        self.calls.append(("cut", text))
        return iter(list(text))


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIMER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_dictionaries_wait_for_the_first_new_text_and_seen_text_skips_jieba(tmp_path: Path, cache: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_text("大模型 100000 n\n", encoding="utf-8")
    jieba = FakeJieba(tmp_path)
    memo = SegmentationMemo(jieba, "zh")
    memo.load_userdict(str(user))
    assert jieba.calls == []  # loading the user dictionary would load the main one: deferred
    assert list(memo.cut("大模型".encode())) == ["大", "模", "型"]
    assert jieba.calls == [("load_userdict", str(user)), ("cut", "大模型")]
    assert list(memo.cut("大模型")) == ["大", "模", "型"]
    assert memo.segmented == 1
    memo.save()

    again = FakeJieba(tmp_path)
    memo = SegmentationMemo(again, "zh")
    memo.load_userdict(str(user))
    assert list(memo.cut("大模型".encode())) == ["大", "模", "型"]
    assert again.calls == [] and memo.segmented == 0
    list(memo.cut("微调"))
    assert again.calls == [("load_userdict", str(user)), ("cut", "微调")]
    memo.save()
    saved = json.loads(memo.path.read_text(encoding="utf-8"))
    assert saved == {"大模型": ["大", "模", "型"], "微调": ["微", "调"]}


def test_the_cache_belongs_to_one_set_of_dictionaries(tmp_path: Path, cache: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_text("大模型 100000 n\n", encoding="utf-8")
    first = SegmentationMemo(FakeJieba(tmp_path), "zh")
    first.load_userdict(str(user))
    list(first.cut("大模型"))
    first.save()
    user.write_text("模型 100000 n\n", encoding="utf-8")  # a glossary change may cut text differently
    second = SegmentationMemo(FakeJieba(tmp_path), "zh")
    second.load_userdict(str(user))
    assert second.path != first.path
    list(second.cut("大模型"))
    assert second.segmented == 1
    assert SegmentationMemo(FakeJieba(tmp_path), "en").path != SegmentationMemo(FakeJieba(tmp_path), "zh").path


def test_the_file_edition_and_the_hosted_site_keep_their_own_memo(tmp_path: Path, cache: Path) -> None:
    """A memo keeps only its last build's runs: builds of one language whose pages differ (file://
    and hosted) each keep theirs, so alternating them never leaves both cold."""
    hosted = SegmentationMemo(FakeJieba(tmp_path), "zh", "hosted")
    list(hosted.cut("下载页"))
    hosted.save()
    offline = SegmentationMemo(FakeJieba(tmp_path), "zh", "offline")
    list(offline.cut("离线版"))
    offline.save()
    again = SegmentationMemo(FakeJieba(tmp_path), "zh", "hosted")
    list(again.cut("下载页"))
    assert again.segmented == 0 and again.path != offline.path


def test_other_cut_modes_go_to_jieba(tmp_path: Path, cache: Path) -> None:
    jieba = FakeJieba(tmp_path)
    memo = SegmentationMemo(jieba, "zh")
    assert list(memo.cut("模型", HMM=False)) == ["模", "型"]
    memo.save()
    assert not memo.path.exists()


def _build_zh(cache: Path, out: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-f", "mkdocs.yml",
                             "-d", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "PRIMER_CACHE_DIR": str(cache),
                                 "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_a_warm_build_skips_jieba_and_writes_the_same_search_index(tmp_path: Path) -> None:
    """The real content in Chinese: a cold cache cuts every run with jieba, a warm one none, and
    the two search indexes are identical byte for byte."""
    cache = tmp_path / "cache"
    cold = _build_zh(cache, tmp_path / "cold")
    warm = _build_zh(cache, tmp_path / "warm")
    runs = [line for line in cold.splitlines() if "search segmentation (zh)" in line]
    assert runs and not runs[0].endswith(", 0 cut by jieba"), runs
    assert next(line for line in warm.splitlines() if "search segmentation (zh)" in line).endswith(
        ", 0 cut by jieba")
    assert "Loading model" not in warm and "Building prefix dict" not in warm
    index = "search/search_index.json"
    assert (tmp_path / "cold" / index).read_bytes() == (tmp_path / "warm" / index).read_bytes()
    entries = json.loads((tmp_path / "warm" / index).read_text(encoding="utf-8"))["docs"]
    assert any("大模型\u200b" in entry["text"] for entry in entries)  # segmented, the glossary's word whole


def test_user_dictionary_holds_the_chinese_part_of_every_glossary_name(content: Content, cache: Path) -> None:
    """Every Han run of every name (both languages' data) is a word, so jieba keeps it whole in
    the index and the query side finds it in the index vocabulary."""
    words = {line.split(" ")[0] for line in jieba_user_dictionary(content).read_text(encoding="utf-8").splitlines()}
    assert {"大语言模型", "人类反馈强化学习", "文心一言", "视觉", "书生"} <= words
    for term in content.terms.values():
        for name in (*term.names("zh"), *term.names("en")):
            for run in HAN_RUN.findall(name):
                assert run in words, (term.id, name)
