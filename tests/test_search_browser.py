"""Search as readers meet it, in Chromium: the must-pass lines of benchmarks/search-queries.yml rank
their answer first on the served site and in the offline archive opened from disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from benchmarks.search_quality import Answer, Query, load_queries, open_search, type_query
from primer.languages import CODES, language
from tests.browser import Tab, open_tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MUST = [query for query in load_queries() if query.must]  # every edition's, the derived one too


def _root(base: str, lang: str) -> str:
    """Returns the URL of a language's root folder under `base`."""
    return f"{base}/{language(lang).folder}/"


def _ids(query: Query) -> str:
    return f"{query.lang}-{query.q}"


@pytest.fixture(scope="module")
def served_tabs(browser: Browser, site_url: str) -> Iterator[dict[str, Tab]]:
    """One tab per language on the served site, its search dialog open."""
    tabs = {lang: open_tab(browser, site_url) for lang in CODES}
    for lang, tab in tabs.items():
        open_search(tab.page, _root(site_url, lang))
    yield tabs
    for tab in tabs.values():
        tab.page.context.close()


@pytest.fixture(scope="module")
def disk_pages(browser: Browser, unzipped: Path) -> Iterator[dict[str, tuple[Page, list[str]]]]:
    """One page per language opened from file://, with what it tried beyond the disk and the
    errors it logged (one list for both)."""
    context = browser.new_context()
    blocked: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    pages = {}
    for lang in CODES:
        page = context.new_page()
        page.on("console", lambda message: blocked.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: blocked.append(str(error)))
        open_search(page, (unzipped / language(lang).folder / "index.html").as_uri())
        pages[lang] = (page, blocked)
    yield pages
    context.close()


def _first(answer: Answer) -> str:
    return f"{answer.best[:3]}"


@pytest.mark.parametrize("query", MUST, ids=_ids)
def test_served_search_ranks_the_answer_first(served_tabs: dict[str, Tab], site_url: str, query: Query) -> None:
    """Over http the query's answer is the first result, and search asks nothing of another host."""
    tab = served_tabs[query.lang]
    answer = type_query(tab.page, query, _root(site_url, query.lang), timeout_ms=20_000)
    assert answer.rank == 1, _first(answer)
    assert tab.offsite == [] and tab.problems == []


@pytest.mark.parametrize("query", MUST, ids=_ids)
def test_search_from_disk_ranks_the_answer_first(disk_pages: dict[str, tuple[Page, list[str]]], unzipped: Path,
                                                  query: Query) -> None:
    """From file:// (iframe-worker, inlined index) the same query ranks the same answer first, with
    no request beyond the disk and no error."""
    page, blocked = disk_pages[query.lang]
    answer = type_query(page, query, _root(unzipped.as_uri(), query.lang), timeout_ms=20_000)
    assert answer.rank == 1, _first(answer)
    assert blocked == []


def test_a_name_finds_the_page_that_defines_it_before_the_pages_built_on_it(served_tabs: dict[str, Tab],
                                                                            site_url: str) -> None:
    """大模型: the glossary entry, then the definition (its heading 什么是大模型), and only after them
    大模型的特点, whose title also holds the word."""
    answer = type_query(served_tabs["zh"].page, Query(lang="zh", q="大模型", want=()), f"{site_url}/zh/")
    assert answer.best[0] == "glossary/#large-model"
    assert answer.best[1] == "sections/definition/#what-is-a-large-model"
    assert answer.pages.index("sections/characteristics/") > 1
