"""zh-Hant conversions kept between processes: a later process answers from the memo, never OpenCC."""

from __future__ import annotations

import pytest

from primer.build.cache import cache_dir
from primer.hant import convert as convert_module
from primer.hant import search as search_module
from primer.hant.convert import OPENCC_CONFIG, HantConverter
from primer.hant.memo import PREFIX, conversion_memo
from primer.hant.search import projection_words, projection_words_cached

TABLE = {"参数量": "參數量"}


def no_opencc(text: str, config: str = OPENCC_CONFIG) -> str:
    raise AssertionError(f"OpenCC was asked to convert {text!r}")


def test_a_saved_conversion_is_answered_without_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    """What one process converted and saved, the next gives back as is, without loading OpenCC."""
    memo = conversion_memo(OPENCC_CONFIG, TABLE)
    assert HantConverter(TABLE, memo).convert("模型的参数量与数据") == "模型的參數量與資料"
    memo.save()  # what the process does at exit
    monkeypatch.setattr(convert_module, "opencc_convert", no_opencc)
    later = HantConverter(TABLE, conversion_memo(OPENCC_CONFIG, TABLE))
    assert later.convert("模型的参数量与数据") == "模型的參數量與資料"
    with pytest.raises(AssertionError, match="OpenCC was asked"):
        later.convert("一段新的文字")


def test_another_phrase_table_gets_another_memo() -> None:
    """A changed table never reads the conversions made with the old one; saving removes those."""
    old = conversion_memo(OPENCC_CONFIG, TABLE)
    new = conversion_memo(OPENCC_CONFIG, {**TABLE, "数据": "數據"})
    assert old.path != new.path
    HantConverter(TABLE, old).convert("数据")
    old.save()
    HantConverter({**TABLE, "数据": "數據"}, new).convert("数据")
    new.save()
    assert sorted(cache_dir().glob(f"{PREFIX}*.json")) == [new.path]


def test_projection_words_are_computed_once_for_the_same_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """The jieba words of a zh-Hant build come from the cache folder while the names are the same."""
    names = ["演算法", "資料集", "參數量"]
    expected = projection_words(names)
    assert projection_words_cached(names) == expected
    monkeypatch.setattr(search_module, "projection_words", lambda words: pytest.fail("computed again"))
    assert projection_words_cached(names) == expected
