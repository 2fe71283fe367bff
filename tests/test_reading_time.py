"""Reading time per section: what is counted, the rates, and where the pages show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.reading_times import table
from primer.pages.reading_time import (
    CHINESE_CHARACTERS_PER_MINUTE,
    ENGLISH_WORDS_PER_MINUTE,
    readable_text,
    reading_minutes,
)
from tests.helpers import FIXTURES, article


def test_markup_and_code_are_not_read() -> None:
    """Link targets, citations, heading ids, admonition markers and fenced code are left out."""
    body = ('## Part {#part}\n\n!!! takeaways "Key"\n    - See [this](section:basics#llm) [@brown-2020-gpt3].\n\n'
            "```\ncode is not read\n```\n")
    text = readable_text(body)
    assert "part" not in text and "section:" not in text and "brown" not in text and "code" not in text
    assert "Part" in text and "Key" in text and "See" in text and "this" in text


@pytest.mark.parametrize(("body", "minutes"), [
    ("word " * ENGLISH_WORDS_PER_MINUTE * 6, 6),
    ("word " * int(ENGLISH_WORDS_PER_MINUTE * 6.4), 6),
    ("word " * int(ENGLISH_WORDS_PER_MINUTE * 6.6), 7),
    ("模" * CHINESE_CHARACTERS_PER_MINUTE * 6, 6),
    ("模" * CHINESE_CHARACTERS_PER_MINUTE * 3 + " GPT-3" * ENGLISH_WORDS_PER_MINUTE * 2, 5),
    ("Short.", 1),
])
def test_minutes_follow_the_rates(body: str, minutes: int) -> None:
    """Han characters at 255 a minute plus Latin words at 228, rounded, at least one minute."""
    assert reading_minutes(body) == minutes


def test_section_pages_show_their_reading_time(mini_project: Path) -> None:
    """Under the title of a section, in each language, as computed from that language's text."""
    for lang, words in (("zh", "约 1 分钟"), ("en", "About 1 min read")):
        body = article((mini_project / f"site/{lang}/sections/basics/index.html").read_text(encoding="utf-8"))
        title_end = body.index("</h1>")
        assert body.index(f'<p class="primer-reading-time">{words}</p>') == body.index("<p", title_end)


def test_home_reading_path_shows_reading_times(mini_project: Path) -> None:
    """The reading path on the home page gives each section's minutes."""
    home = (mini_project / "site/zh/index.html").read_text(encoding="utf-8")
    assert '<span class="primer-reading-time">（约 1 分钟）</span>' in home
    assert '<span class="primer-reading-time"> (about 1 min)</span>' in (
        mini_project / "site/en/index.html").read_text(encoding="utf-8")


def test_benchmark_prints_a_row_per_section() -> None:
    """`python -m benchmarks.reading_times` lists each section with both languages' minutes."""
    rows = table(FIXTURES / "mini").splitlines()
    cells = [cell.strip() for cell in rows[2].split("|")[1:-1]]
    assert cells[:2] == ["1", "basics"] and cells[3] == cells[5] == "1"
