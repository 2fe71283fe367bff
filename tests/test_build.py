"""Real strict builds of the tiny bilingual fixture: structure, links, search, safety, atomicity."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from primer.languages import CODES, LANGUAGES, language
from tests.helpers import FIXTURES, article, collect, copy_project, make_project, run_build

LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too


def pages(site: Path) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (site / lang.folder).rglob("*.html"))


def resolve(page: Path, href: str) -> Path:
    """Returns the file a relative link points at (directory URLs end in index.html)."""
    path = urlsplit(href).path
    target = (page.parent / path) if path else page
    target = Path(posixpath.normpath(str(target)))
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_both_languages_and_root_files(mini_project: Path) -> None:
    """site/ holds zh/, en/, a language chooser, robots.txt and a 404 page."""
    site = mini_project / "site"
    for name in ("zh/index.html", "en/index.html", "index.html", "robots.txt", "404.html",
                 "zh/sitemap.xml", "en/sitemap.xml", "zh/sections/basics/index.html"):
        assert (site / name).is_file(), name
    chooser = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="zh/index.html"' in chooser and 'href="en/index.html"' in chooser


def test_language_switcher_links_point_at_the_same_page(mini_project: Path) -> None:
    """Every page's switcher links resolve to the same path in the other language."""
    site = mini_project / "site"
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":
            continue
        links = re.findall(r'<a href="([^"]+)"[^>]*class="md-select__link primer-lang-link"[^>]*data-lang="([\w-]+)"', html)
        assert [lang for _, lang in links] == list(CODES), page  # every language, the derived one too
        relative = page.relative_to(site).parts[1:]
        for href, lang in links:
            target = resolve(page, href)
            assert target == site.joinpath(language(lang).folder, *relative), (page, href)


def test_hreflang_alternates_on_every_page(mini_project: Path) -> None:
    """Each page names both language versions and an x-default with absolute URLs."""
    page = mini_project / "site/en/sections/basics/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="zh-Hans" href="https://large-model-primer.github.io/zh/sections/basics/">' in html
    assert '<link rel="alternate" hreflang="en" href="https://large-model-primer.github.io/en/sections/basics/">' in html
    assert 'hreflang="x-default" href="https://large-model-primer.github.io/zh/sections/basics/"' in html


def test_internal_links_and_anchors_resolve(mini_project: Path) -> None:
    """Every relative href/src of every page names an existing file and, if any, an existing id."""
    site = mini_project / "site"
    problems = []
    for page in pages(site):
        if page.name == "404.html":
            continue  # its links are absolute paths for the hosted site
        for _tag, _attr, href in collect(page.read_text(encoding="utf-8")).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = resolve(page, href)
            if not target.exists():
                problems.append(f"{page.relative_to(site)}: {href}")
            elif (parts.fragment and target.suffix == ".html"
                  and parts.fragment not in collect(target.read_text(encoding="utf-8")).ids):
                problems.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert problems == []


def test_chinese_search_index_is_segmented_and_english_is_stemmed(mini_project: Path) -> None:
    """One index per language; zh text has U+200B between jieba words, terms stay whole."""
    zh = json.loads((mini_project / "site/zh/search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((mini_project / "site/en/search/search_index.json").read_text(encoding="utf-8"))
    assert zh["config"]["lang"] == ["zh", "en"] and en["config"]["lang"] == ["en", "zh"]  # English stemmed in both
    zh_text = " ".join(doc["text"] for doc in zh["docs"])
    assert "\u200b" in zh_text
    assert "大语言模型" in zh_text.replace("\u200b", "|").split("|") or "|大语言模型|" in zh_text.replace("\u200b", "|")
    en_text = " ".join(doc["text"] for doc in en["docs"])
    assert not re.search("[A-Za-z]\u200b[A-Za-z]", en_text)  # English words stay whole
    assert en["config"]["separator"] == zh["config"]["separator"]  # Chinese runs split alike in both


def test_no_request_leaves_the_site(mini_project: Path) -> None:
    """No script, stylesheet, font or image is loaded from another host."""
    site = mini_project / "site"
    for page in pages(site):
        for url in collect(page.read_text(encoding="utf-8")).resources:
            assert not urlsplit(url).scheme and not url.startswith("//"), (page, url)
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "fonts.googleapis" not in text and "@import" not in text, css


def test_section_page_has_title_description_citations_and_references(mini_project: Path) -> None:
    """The generated section: meta description, numbered citations linking to its references."""
    html = (mini_project / "site/en/sections/basics/index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Basics of large language models and the Transformer.">' in html
    body = article(html)
    assert '<sup class="citation"><a href="#ref-vaswani-2017-attention">[1]</a></sup>' in body
    assert '<li id="ref-brown-2020-gpt3">' in body
    assert 'href="https://github.com/large-model-primer/large-model-primer/edit/main/content/sections/01-basics/en.md"' in html


def test_terms_are_linked_with_tooltips(mini_project: Path) -> None:
    """First mentions link to the glossary anchor with the definition as title; code stays unlinked."""
    body = article((mini_project / "site/zh/sections/basics/index.html").read_text(encoding="utf-8"))
    assert '<a href="../../glossary/#llm" class="primer-term" title="在海量文本上预训练、参数规模很大的语言模型。" data-term="llm">大语言模型</a>' in body
    assert "<code>大模型</code>" in body
    assert body.count('data-term="llm"') == 1


def test_glossary_anchors_match_across_languages_and_list_backlinks(mini_project: Path) -> None:
    """Term anchors are identical in every language; "appears in" links to the pages mentioning a term."""
    ids = {}
    for lang in LANGS:
        html = (mini_project / f"site/{language(lang).folder}/glossary/index.html").read_text(encoding="utf-8")
        ids[lang] = set(re.findall(r'<h3 id="([a-z0-9-]+)"', html))
        appears = re.search(r'data-appears-in="transformer">(.*?)</dd>', html, re.S)
        assert appears and 'href="../sections/basics/"' in appears.group(1), lang
    assert all(found == {"llm", "large-model", "transformer", "gpt-3"} for found in ids.values())


def test_appears_in_lists_only_pages_that_teach(mini_project: Path) -> None:
    """Home and about mention "large model" but are not listed; the section and timeline are."""
    for lang in LANGS:
        html = (mini_project / f"site/{language(lang).folder}/glossary/index.html").read_text(encoding="utf-8")
        listed = re.findall(r'<dd class="primer-appears-in" data-appears-in="[a-z0-9-]+">(.*?)</dd>', html, re.S)
        links = {href for entry in listed for href in re.findall(r'href="([^"]+)"', entry)}
        assert links and links <= {"../sections/basics/", "../timeline/", "../classification/", "../classification/modality/",
                                   "../classification/level/"}, links


def test_footnote_back_links_speak_the_page_language(tmp_path: Path) -> None:
    """The footnote extension's back-link tooltip is Chinese on Chinese pages, English on English ones."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    for lang, note in (("zh", "注释。"), ("en", "A note.")):
        body = project / f"content/sections/01-basics/{lang}.md"
        body.write_text(body.read_text(encoding="utf-8") + f"\nText[^1].\n\n[^1]: {note}\n", encoding="utf-8")
    assert run_build(project, "build").returncode == 0
    for lang, title in (("zh", "返回正文中第 1 个脚注处"), ("en", "Jump back to footnote 1 in the text")):
        html = article((project / f"site/{lang}/sections/basics/index.html").read_text(encoding="utf-8"))
        assert re.findall(r'class="footnote-backref"[^>]*title="([^"]*)"', html) == [title], lang


def test_hostile_markdown_is_inert(tmp_path: Path) -> None:
    """Raw HTML, event handlers and javascript: URLs in contributors' Markdown never reach readers."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    body = project / "content/sections/01-basics/en.md"
    body.write_text(body.read_text(encoding="utf-8") + (
        '\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n'
        '<a href="javascript:alert(3)">click</a> <iframe src="evil.html"></iframe>\n'), encoding="utf-8")
    meta = project / "content/sections/01-basics/meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "en: Basics\n", "en: '</title><script>alert(4)</script>'\n").replace(
        "en: Basics of large", 'en: x"><script>alert(5)</script> Basics of large'), encoding="utf-8")
    result = run_build(project, "build", "--lang", "en")
    assert result.returncode == 0, result.stderr
    page = (project / "site/en/sections/basics/index.html").read_text(encoding="utf-8")
    html = article(page)
    for needle in ("<script", "onerror", "javascript:", "<iframe", "alert(1)"):
        assert needle not in html
    assert "<script>alert(4)" not in page and "<script>alert(5)" not in page
    assert "&lt;/title&gt;&lt;script&gt;alert(4)" in page


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            sha.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return sha.hexdigest()


@pytest.mark.parametrize("breakage", ["yaml", "reference", "mkdocs"])
def test_failed_build_leaves_previous_site_untouched(mini_project: Path, tmp_path: Path, breakage: str) -> None:
    """Content errors (exit 1) and MkDocs failures (exit 3) keep the last good site/ byte for byte."""
    project = copy_project(mini_project, tmp_path / "p")  # a project whose last build succeeded
    assert (project / "site/en/index.html").is_file()
    before = digest(project / "site")
    if breakage == "yaml":
        (project / "content/glossary/llm.yml").write_text("id: [llm\n", encoding="utf-8")
    elif breakage == "reference":
        meta = project / "content/sections/01-basics/meta.yml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("brown-2020-gpt3]", "nobody-1999]"), encoding="utf-8")
    else:
        (project / "overrides/main.html").write_text("{% extends 'base.html' %}{% block x %}{% endif %}", encoding="utf-8")
    result = run_build(project, "build")
    assert result.returncode == (3 if breakage == "mkdocs" else 1)
    if breakage == "yaml":
        assert "content/glossary/llm.yml:2:1: YAML syntax error" in result.stderr
    if breakage == "reference":
        assert "content/sections/01-basics/meta.yml:10: unknown source 'nobody-1999' in 'sources'" in result.stderr
    assert digest(project / "site") == before
    assert not list(project.glob(".site-staging-*"))


def test_sequential_and_parallel_builds_publish_the_same_site(tmp_path: Path) -> None:
    """`--sequential` builds one language after the other, with the check beside the first."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    env = {"SOURCE_DATE_EPOCH": "1764288000"}
    assert run_build(project, "build", env=env).returncode == 0
    parallel = digest(project / "site")
    result = run_build(project, "build", "--sequential", env=env)
    assert result.returncode == 0, result.stderr
    assert digest(project / "site") == parallel


def test_a_page_can_opt_out_of_cross_linking(tmp_path: Path) -> None:
    """`crosslink: false` in meta.yml leaves the page's terms unlinked; other pages keep theirs."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    meta = project / "content/sections/01-basics/meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "crosslink: false\n", encoding="utf-8")
    assert run_build(project, "build", "--lang", "en").returncode == 0
    assert "primer-term" not in article((project / "site/en/sections/basics/index.html").read_text(encoding="utf-8"))
    assert "primer-term" in article((project / "site/en/timeline/index.html").read_text(encoding="utf-8"))


def test_generated_pages_link_to_what_contributors_edit(mini_project: Path) -> None:
    """Glossary and timeline pages open their folders on GitHub; the contributing page its file."""
    repo = "https://github.com/large-model-primer/large-model-primer"
    for page, target in (("glossary", f"{repo}/tree/main/content/glossary/"),
                         ("timeline", f"{repo}/tree/main/content/timeline/"),
                         ("contributing", f"{repo}/edit/main/CONTRIBUTING.zh.md")):
        html = (mini_project / f"site/zh/{page}/index.html").read_text(encoding="utf-8")
        assert f'href="{target}" title="编辑此页"' in html, page
