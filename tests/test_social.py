"""Sharing and crawling: Open Graph and Twitter card tags on every page, the share image, robots.txt
naming the sitemaps, per-page lastmod from git, and the "report an error" link."""

from __future__ import annotations

import os
import re
import struct
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from primer.languages import CODES, LANGUAGES, language
from primer.pages.social import ISSUE_FORM, report_url
from tests.helpers import FIXTURES, ROOT, make_project, run_build

LOCALES = {"zh": "zh_CN", "en": "en_US", "zh-Hant": "zh_TW"}  # what crawlers expect, checked against the registry
REPORT_LABELS = {"zh": "发现错误？报告本页的问题", "en": "Spotted a mistake? Report an error on this page",
                 "zh-Hant": "發現錯誤？報告本頁的問題"}
SITE = "https://large-model-primer.github.io/"
FOLDERS = [lang.folder for lang in LANGUAGES]


def meta_tags(html: str) -> dict[str, list[str]]:
    """Returns property/name -> contents of a page's <meta> tags."""
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html):
        found.setdefault(key, []).append(unescape(value))
    return found


def pages(site: Path, lang: str) -> list[Path]:
    return [page for page in sorted((site / language(lang).folder).rglob("*.html")) if page.name != "404.html"]


def site_file(site: Path, url: str) -> Path:
    """The built file an absolute URL of the hosted site names."""
    assert url.startswith(SITE), url
    path = site / url[len(SITE):]
    return path / "index.html" if url.endswith("/") else path


def test_the_report_link_opens_the_content_error_form_filled_in() -> None:
    """The link names the issue form and fills its title and its `page` field (by the form's own id)."""
    url = report_url("https://github.com/o/r", "https://x.org/zh/a/", "注意力 & 机制", "内容错误：")
    parts = urlsplit(url)
    assert parts.netloc == "github.com" and parts.path == "/o/r/issues/new"
    assert parse_qs(parts.query) == {"template": [ISSUE_FORM], "title": ["内容错误：注意力 & 机制"],
                                     "page": ["https://x.org/zh/a/"]}
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / ISSUE_FORM).read_text(encoding="utf-8"))
    assert "page" in [field.get("id") for field in form["body"]]


@pytest.mark.slow
@pytest.mark.parametrize("lang", CODES)
def test_every_page_has_open_graph_and_twitter_tags(real_site: Path, lang: str) -> None:
    """Title, description, URL, locale and the share image, once each, on every page of the language."""
    for page in pages(real_site, lang):
        html = page.read_text(encoding="utf-8")
        tags = meta_tags(html)
        for key in ("og:title", "og:description", "og:url", "og:image", "og:locale", "og:type",
                    "twitter:card", "twitter:title", "twitter:description", "twitter:image"):
            assert len(tags.get(key, [])) == 1 and tags[key][0], (page, key)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        assert canonical and tags["og:url"] == [canonical.group(1)], page
        assert site_file(real_site, tags["og:url"][0]) == page
        others = [LOCALES[other] for other in CODES if other != lang]
        assert (tags["og:locale"], tags["og:locale:alternate"]) == ([LOCALES[lang]], others)
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and unescape(title.group(1)).startswith(tags["og:title"][0]), page
        assert tags["twitter:card"] == ["summary_large_image"] and tags["twitter:image"] == tags["og:image"]


@pytest.mark.slow
def test_the_share_image_exists_and_is_a_1200_by_630_png(real_site: Path) -> None:
    """og:image names a file the site serves: a PNG of the size the tags announce."""
    for lang in LANGUAGES:
        tags = meta_tags((real_site / lang.folder / "index.html").read_text(encoding="utf-8"))
        image = site_file(real_site, tags["og:image"][0])
        header = image.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (1200, 630)
        assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])


@pytest.mark.slow
def test_robots_txt_names_the_sitemap_of_each_language(real_site: Path) -> None:
    """robots.txt lists a Sitemap line per language, each naming a sitemap the site serves."""
    lines = (real_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    assert sitemaps == [f"{SITE}{lang.folder}/sitemap.xml" for lang in LANGUAGES]
    assert all(site_file(real_site, url).is_file() for url in sitemaps)


@pytest.mark.slow
@pytest.mark.parametrize("lang", CODES)
def test_every_page_links_to_the_error_form_with_its_own_url(real_site: Path, lang: str) -> None:
    """Each page ends with a link, in its language, to the content-error form filled in with the page."""
    for page in pages(real_site, lang):
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<p class="primer-report"><a href="([^"]+)">([^<]+)</a></p>', html)
        assert [label for _, label in found] == [REPORT_LABELS[lang]], page
        query = parse_qs(urlsplit(unescape(found[0][0])).query)
        assert query["template"] == [ISSUE_FORM]
        assert site_file(real_site, query["page"][0]) == page


def git(project: Path, *args: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=project, check=True, env=env, capture_output=True)


def lastmods(project: Path, lang: str) -> dict[str, str]:
    text = (project / "site" / lang / "sitemap.xml").read_text(encoding="utf-8")
    return dict(re.findall(rf"<loc>[^<]*/{lang}/([^<]*)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def test_sitemap_lastmod_is_each_pages_last_content_commit(tmp_path: Path) -> None:
    """lastmod is the date of the newest commit touching a page's content, not the build date (the
    last commit's, 2024-05-06)."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    git(project, "init", "-q", date="2024-01-02T10:00:00Z")
    git(project, "add", ".", date="2024-01-02T10:00:00Z")
    git(project, "commit", "-qm", "first", date="2024-01-02T10:00:00Z")
    body = project / "content/sections/01-basics/en.md"
    body.write_text(body.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    git(project, "commit", "-qam", "edit basics", date="2024-03-04T10:00:00Z")
    (project / "build.py").touch()
    git(project, "commit", "-q", "--allow-empty", "-m", "code only", date="2024-05-06T10:00:00Z")
    assert run_build(project, "build").returncode == 0
    for lang in FOLDERS:
        found = lastmods(project, lang)
        assert found["sections/basics/"] == "2024-03-04", lang  # both languages' page has the edited section
        assert found["glossary/"] == "2024-01-02", lang
        assert found[""] == "2024-01-02", lang  # the later commit touched code only
