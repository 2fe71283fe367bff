"""The search index as the build writes it: glossary names for ranking, UTF-8, the separator and
pipelines both sides share, and the worker every page starts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from benchmarks.search_quality import load_queries
from primer.languages import CODES, language
from primer.model import Content
from primer.search.index import add_search_data, glossary_names, index_json

LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too


def _index(site: Path, lang: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((site / language(lang).folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return loaded


def test_glossary_names_hold_both_languages_aliases_and_abbreviation(content: Content) -> None:
    """Every name a reader may type, in either language, leads to the entry's location."""
    names = glossary_names(content, "glossary/")
    term = content.terms["rlhf"]
    expected = {*term.names("zh"), *term.names("en")}
    assert set(names["glossary/#rlhf"]) == expected
    assert {"人类反馈强化学习", "RLHF", "reinforcement learning from human feedback"} <= expected
    assert set(names) == {f"glossary/#{term_id}" for term_id in content.terms}
    assert "glossary.html#rlhf" in glossary_names(content, "glossary.html")


def test_names_of_entries_missing_from_the_index_are_left_out() -> None:
    """Only locations the index holds are shipped (a term filtered from the page would dangle)."""
    index = {"config": {"lang": ["zh"]}, "docs": [{"location": "glossary/#a", "title": "A", "text": ""}]}
    added = add_search_data(index, {"glossary/#a": ["A", "甲"], "glossary/#b": ["B"]})
    assert added["config"]["primer"] == {"names": {"glossary/#a": ["A", "甲"]}}
    assert added["config"]["lang"] == ["zh"] and "primer" not in index["config"]


def test_index_json_is_utf8_and_safe_to_inline_in_a_script() -> None:
    """Chinese characters and U+200B are written as themselves; U+2028/2029 stay escaped."""
    text = index_json({"docs": [{"text": "大模型\u200b参数\u2028\u2029"}]})
    assert "大模型\u200b参数" in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"docs": [{"text": "大模型\u200b参数\u2028\u2029"}]}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_built_index_carries_every_glossary_name(real_site: Path, editions: dict[str, Content], lang: str) -> None:
    """The worker's name ranking covers every term, with the names of both written languages (as
    the edition writes them: Traditional on the 繁體中文 site)."""
    index = _index(real_site, lang)
    shipped = index["config"]["primer"]["names"]
    for term_id, term in editions[lang].terms.items():
        assert set(shipped[f"glossary/#{term_id}"]) == {*term.names("zh"), *term.names("en")}, term_id
    assert {doc["location"] for doc in index["docs"]} >= set(shipped)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_built_index_stems_english_on_both_sides(real_site: Path, lang: str) -> None:
    """Both sites load lunr's English and Chinese support with the stemmer in the pipeline, so a
    plural in the query meets the stemmed word in the index."""
    config = _index(real_site, lang)["config"]
    assert set(config["lang"]) == {"zh", "en"}
    assert "stemmer" in config["pipeline"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_indexed_word_is_glued_to_punctuation(real_site: Path, lang: str) -> None:
    """Split with the site's own separator, no token keeps Latin letters next to punctuation of
    either language (`GPT、ChatGPT` gives `chatgpt`)."""
    index = _index(real_site, lang)
    separator = re.compile(index["config"]["separator"])
    text = " ".join(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]) for doc in index["docs"])
    tokens = set(separator.split(text.lower()))
    assert "chatgpt" in tokens
    glued = {token for token in tokens if re.search(r"[a-z][、，。：；！？（）《》“”,.:;!?()]|[、，。：；！？（）《》“”,:;!?()][a-z]", token)}
    assert glued == set()


@pytest.mark.slow
def test_index_is_written_in_utf8(real_site: Path) -> None:
    """No six-byte escapes for Chinese characters or U+200B in the file."""
    raw = (real_site / "zh" / "search" / "search_index.json").read_bytes()
    assert "大模型\u200b".encode() in raw and b"\\u5927" not in raw  # 大 as itself, never escaped


@pytest.mark.slow
@pytest.mark.parametrize("page", ["zh/index.html", "en/sections/history/index.html", "zh/glossary/index.html"])
def test_pages_start_our_worker_in_front_of_materials(real_site: Path, page: str) -> None:
    """The page config names our worker, whose fragment names Material's worker beside it."""
    html = (real_site / page).read_text(encoding="utf-8")
    found = re.search(r'"search": "([^"]*)"', html)
    assert found, page
    worker, _, material = found.group(1).partition("#")
    assert worker.endswith("assets/javascripts/workers/primer-search.js")
    assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", material)
    folder = real_site / page.split("/")[0] / "assets" / "javascripts" / "workers"
    assert (folder / "primer-search.js").is_file() and (folder / material).is_file()


def test_query_set_is_large_enough_and_names_real_targets(content: Content) -> None:
    """At least 50 queries per language, each with answers; glossary answers name existing terms."""
    queries = load_queries()
    for lang in LANGS:
        assert sum(query.lang == lang for query in queries) >= 50
        assert any(query.must for query in queries if query.lang == lang)
    for query in queries:
        assert query.want, query
        for want in query.want:
            assert not want.startswith("/") and (want.endswith("/") or "#" in want), query
            if want.startswith("glossary/#"):
                assert want.removeprefix("glossary/#") in content.terms, query


@pytest.mark.slow
def test_every_answer_of_the_query_set_is_in_the_built_index(real_site: Path) -> None:
    """A renamed heading or page shows up here, not as a mysterious miss in the benchmark."""
    locations = {lang: {doc["location"] for doc in _index(real_site, lang)["docs"]} for lang in LANGS}
    stale = [(query.lang, query.q, want) for query in load_queries() for want in query.want
             if want not in locations[query.lang]]
    assert stale == []
