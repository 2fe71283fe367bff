"""The 繁體中文 edition as published: converted pages without a Simplified character anywhere a
reader or a search engine sees (pages, search index, PDF, EPUB, single file, llms.txt), the glossary
in stroke order, search on Traditional words, and the root page sending Taiwan, Hong Kong and Macau
browsers to it."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from primer.hant.leaks import find_leaks
from primer.hant.pageleaks import page_leaks
from primer.languages import LANGUAGES, language
from tests.browser import Tab
from tests.helpers import FIXTURES, make_project, run_build

HANT = language("zh-Hant")
STROKES = re.compile(r"^(\d+) 畫$")


def text_leaks(where: str, text: str) -> list[str]:
    return [f"{where}: {leak.character} in '{leak.context}'" for leak in find_leaks(text)]


def html_leaks(where: str, html: str) -> list[str]:
    return [f"{where}: {found.where} {found.leak.character} in '{found.leak.context}'" for found in page_leaks(html)]


@pytest.mark.slow
def test_no_page_of_the_edition_shows_a_simplified_character(real_site: Path) -> None:
    """Every zh-Hant page (text and the attributes readers see) is free of Simplified-only characters."""
    pages = sorted((real_site / HANT.folder).rglob("*.html"))
    assert len(pages) > 15
    found = [leak for page in pages for leak in html_leaks(str(page.relative_to(real_site)), page.read_text("utf-8"))]
    assert found == []


def test_the_leak_scan_finds_a_planted_simplified_word() -> None:
    """The scanners name the page and the phrase of a Simplified word (the scan can fail)."""
    found = html_leaks("p.html", "<p>大語言模型與语言</p>")
    assert len(found) == 1 and found[0].startswith("p.html: text 语 in") and "模型與语言" in found[0]
    assert [leak.split(":")[0] for leak in text_leaks("x.pdf", "參數量 参数量")] == ["x.pdf", "x.pdf"]


@pytest.mark.slow
def test_the_search_index_is_traditional_and_segmented(real_site: Path) -> None:
    """The zh-Hant index holds no Simplified character, cuts Chinese with U+200B and keeps a
    Traditional glossary name whole, as the query side will ask for it."""
    text = (real_site / HANT.folder / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(text)
    words = {word for doc in index["docs"] for word in doc["text"].split("\u200b")}
    assert text_leaks("search_index.json", text) == []
    assert "\u200b" in text and "大語言模型" in words
    assert any("大語言模型" in names for names in index["config"]["primer"]["names"].values())


@pytest.mark.slow
def test_the_glossary_index_is_in_stroke_order(real_site: Path) -> None:
    """Latin initials first, then `N 畫` groups by growing stroke count, and the intro says why."""
    html = (real_site / HANT.folder / "glossary" / "index.html").read_text(encoding="utf-8")
    index = html[html.index('<nav class="primer-glossary-index"'):]
    headings = re.findall(r"<dt[^>]*>([^<]+)</dt>", index[:index.index("</nav>")])
    strokes = [int(match.group(1)) for heading in headings if (match := STROKES.match(heading))]
    latin = [heading for heading in headings if not STROKES.match(heading)]
    assert len(strokes) > 5 and strokes == sorted(strokes) and len(set(strokes)) == len(strokes)
    assert headings == latin + [f"{count} 畫" for count in strokes]
    assert "依筆畫排列" in html


@pytest.mark.slow
def test_the_edition_has_its_language_everywhere(real_site: Path) -> None:
    """Pages say lang zh-Hant and og:locale zh_TW; the root page lists every edition."""
    home = (real_site / HANT.folder / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="zh-(?:Hant|TW)"', home)
    assert '<meta property="og:locale" content="zh_TW">' in home
    root = (real_site / "index.html").read_text(encoding="utf-8")
    for edition in LANGUAGES:
        assert f'href="{edition.folder}/index.html" hreflang="{edition.tag}"' in root
    robots = (real_site / "robots.txt").read_text(encoding="utf-8")
    assert f"/{HANT.folder}/sitemap.xml" in robots and (real_site / HANT.folder / "sitemap.xml").is_file()


@pytest.mark.slow
def test_every_export_of_the_edition_is_traditional(real_dist: Path) -> None:
    """PDF (pdftotext), EPUB chapters, single-file HTML and llms.txt hold no Simplified character."""
    name = f"large-model-primer-{HANT.folder}"
    pdf = subprocess.run(["pdftotext", str(real_dist / f"{name}.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = text_leaks(f"{name}.pdf", pdf)
    with zipfile.ZipFile(real_dist / f"{name}.epub") as book:
        found += [leak for item in book.namelist() if item.endswith(".xhtml")
                  for leak in html_leaks(item, book.read(item).decode("utf-8"))]
    found += html_leaks(f"{name}.html", (real_dist / f"{name}.html").read_text(encoding="utf-8"))
    for llms in ("llms.txt", "llms-full.txt"):
        found += text_leaks(llms, (real_dist / "llms" / HANT.folder / llms).read_text(encoding="utf-8"))
    assert "大語言模型" in pdf and found == []


@pytest.mark.slow
def test_the_pdf_sets_traditional_text_in_a_truetype_subset(real_dist: Path) -> None:
    """The body text is set in WenQuanYi, embedded as a CID TrueType subset (it covers Traditional
    characters). Type 3 fonts from figure labels are tests/test_pdf.py's, as in the Simplified PDF."""
    rows = subprocess.run(["pdffonts", str(real_dist / f"large-model-primer-{HANT.folder}.pdf")],
                          capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    cjk = [row.split() for row in rows if "WenQuanYiMicroHei " in f"{row.split()[0]} "]
    assert cjk and all(" ".join(row[1:3]) == "CID TrueType" and row[4] == "yes" for row in cjk)


@pytest.mark.browser
@pytest.mark.parametrize(("locale", "folder"), [("zh-TW", "zh-hant"), ("zh-HK", "zh-hant"), ("zh-MO", "zh-hant"),
                                                ("zh-CN", "zh"), ("en-US", "en")])
def test_the_root_page_sends_each_browser_to_its_edition(new_tab: Callable[..., Tab], locale: str,
                                                          folder: str) -> None:
    """A browser preferring zh-TW, zh-HK or zh-MO lands on 繁體中文; zh-CN on 简体中文; en on English."""
    tab = new_tab(locale=locale)
    page = tab.open("/", wait="load")
    page.wait_for_url(re.compile(rf"/{folder}/$"))
    assert tab.offsite == []


def test_build_check_reports_a_bad_phrase_table_entry_at_its_line(tmp_path: Path) -> None:
    """`build.py check` checks content/zh-hant/phrases.yml: a Traditional form with a Simplified
    character is an error at `path:line`, and the check exits 1."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    table = project / "content" / "zh-hant" / "phrases.yml"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("phrases:\n  模型: 模型\n  大模型: 大模型们\n", encoding="utf-8")
    result = run_build(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/zh-hant/phrases.yml:3: '大模型': its form '大模型们' has Simplified-only characters: 们" in (
        result.stdout + result.stderr)
