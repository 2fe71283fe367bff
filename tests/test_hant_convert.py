"""zh-Hant conversion: OpenCC s2twp from the wheel, the phrase table winning, Markdown syntax kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from primer.hant.convert import HantConverter, opencc_convert, opencc_converter
from primer.hant.markdown import convert_markdown

TABLE = {"参数量": "參數量", "参数": "參數", "词元后": "詞元後", "网络": "網路", "神经网络": "類神經網路",
         "程序": "程式", "程序员": "程式設計師"}


@pytest.fixture(scope="module")
def convert() -> HantConverter:
    return HantConverter(TABLE)


def test_opencc_s2twp_uses_taiwan_phrases_offline() -> None:
    """The wheel's own configuration and dictionaries give Taiwan's words (and the known mistake the
    table fixes)."""
    assert Path(opencc_converter().config).parent == Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    assert opencc_convert("人工智能的算法需要数据和网络") == "人工智慧的演算法需要資料和網路"
    assert opencc_convert("参数量") == "引數量"


def test_opencc_output_is_the_same_in_a_fresh_interpreter() -> None:
    """Conversion is deterministic: another process gives the same characters."""
    text = "大模型在海量数据上预训练，参数量很大，词元后面是下一个词元。"
    script = "import sys; from primer.hant.convert import opencc_convert; print(opencc_convert(sys.argv[1]))"
    other = subprocess.run([sys.executable, "-c", script, text], capture_output=True, text=True, check=True)
    assert other.stdout.rstrip("\n") == opencc_convert(text)


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("参数量很大", "參數量很大"),
    ("模型的参数", "模型的參數"),
    ("读完全部词元后", "讀完全部詞元後"),
    ("函数的参数量与参数", "函式的參數量與參數"),
    ("没有表格中的词", "沒有表格中的詞"),
    ("神经网络的网络", "類神經網路的網路"),
    ("程序员写程序", "程式設計師寫程式"),
])
def test_table_wins_over_opencc(convert: HantConverter, simplified: str, traditional: str) -> None:
    """Table phrases, longest first, replace OpenCC's result; the rest is OpenCC's."""
    assert convert.convert(simplified) == traditional


def test_quotes_become_corner_brackets(convert: HantConverter) -> None:
    """Chinese quotes become Taiwan's 「」 and, nested, 『』."""
    assert convert.convert("“大”不是‘小’") == "「大」不是『小』"


def test_empty_table_is_opencc_alone() -> None:
    """Without a table the converter is s2twp (plus quotes)."""
    assert HantConverter({}).convert("参数") == "引數"


MARKDOWN = """\
## 参数与规模 {#parameters-and-scale}

见[相关概念](section:concepts#参数)一节[@brown-2020-gpt3]，代码 `数据 = 1` 不变。
<abbr title="参数">参数</abbr> <img alt="数据" src="数据.png"> https://example.org/数据

```python
数据 = "参数"
```

```text
中国 | 的
```
"""

EXPECTED = """\
## 參數與規模 {#parameters-and-scale}

見[相關概念](section:concepts#参数)一節[@brown-2020-gpt3]，程式碼 `数据 = 1` 不變。
<abbr title="參數">參數</abbr> <img alt="資料" src="数据.png"> https://example.org/数据

```python
数据 = "参数"
```

```text
中國 | 的
```
"""


def test_markdown_converts_text_and_keeps_syntax(convert: HantConverter) -> None:
    """Link targets, citations, anchors, code, tag names, src and URLs stay; text, title, alt and
    `text` fences are converted."""
    assert convert_markdown(MARKDOWN, convert.convert) == EXPECTED


def test_bare_url_ends_where_chinese_text_begins(convert: HantConverter) -> None:
    """A URL followed by full-width punctuation and Chinese text: only the URL is kept."""
    source = "见 https://example.org/zh/数据/，访问日期：2026-11-28。"
    assert convert_markdown(source, convert.convert) == "見 https://example.org/zh/数据/，訪問日期：2026-11-28。"


def test_markdown_unclosed_fence_is_kept_to_the_end(convert: HantConverter) -> None:
    """An unclosed code fence protects everything after it, as Markdown renders it."""
    assert convert_markdown("数据\n```\n数据\n", convert.convert) == "資料\n```\n数据\n"
