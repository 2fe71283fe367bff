"""Exports: offline archive, single-file HTML, data files with schemas, llms.txt, manifest, downloads page
(the PDF and EPUB have their own test files)."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from primer.languages import CODES, LANGUAGES, language
from primer.model import Content
from primer.pages.downloads import export_name
from primer.pages.sitemap import site_pages
from tests.helpers import FIXTURES, collect, make_project, run_build

pytestmark = pytest.mark.slow
LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too
FOLDERS = [lang.folder for lang in LANGUAGES]


def test_dist_holds_every_export(real_dist: Path) -> None:
    """The archive, every edition's HTML, PDF and EPUB, data with schemas, llms files and a manifest."""
    names = {p.relative_to(real_dist).as_posix() for p in real_dist.rglob("*") if p.is_file()}
    expected = {"large-model-primer-offline.zip", "manifest.json", "data/glossary.json", "data/glossary.csv",
                "data/timeline.json", "data/taxonomy.json", "data/glossary.schema.json",
                "data/timeline.schema.json", "data/taxonomy.schema.json", "data/charts.json", "data/charts.csv",
                "data/charts.schema.json"}
    for lang in FOLDERS:
        expected |= {f"large-model-primer-{lang}.html", f"large-model-primer-{lang}.pdf",
                     f"large-model-primer-{lang}.epub", f"llms/{lang}/llms.txt", f"llms/{lang}/llms-full.txt"}
    assert names == expected


def test_manifest_lists_size_hash_language_and_length_of_every_file(real_dist: Path) -> None:
    """Sizes and SHA-256 match the files; per-language files name their language; PDFs count
    pages as pdfinfo does, EPUBs their chapters as the package's spine does."""
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in manifest["files"]} == {
        p.relative_to(real_dist).as_posix() for p in real_dist.rglob("*") if p.is_file() and p.name != "manifest.json"}
    for entry in manifest["files"]:
        data = (real_dist / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        own = [lang.code for lang in LANGUAGES if f"-{lang.folder}." in entry["path"] or f"/{lang.folder}/" in entry["path"]]
        assert entry["languages"] == (own or list(CODES)), entry["path"]
    by_path = {entry["path"]: entry for entry in manifest["files"]}
    for lang in FOLDERS:
        info = subprocess.run(["pdfinfo", str(real_dist / f"large-model-primer-{lang}.pdf")], capture_output=True,
                              text=True, check=True).stdout
        assert by_path[f"large-model-primer-{lang}.pdf"]["pages"] == int(re.search(r"Pages:\s+(\d+)", info).group(1))
        with zipfile.ZipFile(real_dist / f"large-model-primer-{lang}.epub") as book:
            spine = book.read("EPUB/package.opf").decode().count("<itemref ")
        assert by_path[f"large-model-primer-{lang}.epub"]["chapters"] == spine - 2  # cover and contents
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["date"])


def test_offline_archive_has_both_languages_and_vendored_search(real_dist: Path) -> None:
    """index.html at the top, .html links, the search index inlined, the iframe-worker shim local."""
    with zipfile.ZipFile(real_dist / "large-model-primer-offline.zip") as archive:
        names = set(archive.namelist())
        assert {"index.html", "zh/index.html", "en/index.html", "zh/search/search_index.js",
                "en/sections/generalization.html"} <= names
        page = archive.read("zh/sections/history.html").decode("utf-8")
        assert "unpkg.com" not in page and "assets/javascripts/vendor/iframe-worker/shim.js" in page
        for name in names:
            if name.endswith((".html", ".js", ".css")):
                text = archive.read(name).decode("utf-8", errors="replace")
                for url in collect(text).resources if name.endswith(".html") else []:
                    assert not re.match(r"^(https?:)?//", url), (name, url)


@pytest.mark.parametrize("lang", LANGS)
def test_single_file_html_is_self_contained_with_working_anchors(real_dist: Path, editions: dict[str, Content],
                                                               lang: str) -> None:
    """No external resources, no scripts, and every in-file link names an existing id."""
    html = (real_dist / f"large-model-primer-{language(lang).folder}.html").read_text(encoding="utf-8")
    parsed = collect(html)
    assert parsed.resources == [] and "<script" not in html and "<link" not in html
    broken = [href for _, attr, href in parsed.links if attr == "href" and href.startswith("#")
              and href[1:] not in parsed.ids]
    assert broken == []
    relative = [href for _, _, href in parsed.links if not re.match(r"^(#|https?:|mailto:)", href)]
    assert relative == []
    for section in editions[lang].sections:
        assert f'id="sections-{section.id}"' in html
        assert section.title.get(lang) in html


def test_data_files_validate_and_csv_round_trips(real_dist: Path) -> None:
    """Each JSON file validates against its published schema; the CSV carries the same terms."""
    for name in ("glossary", "timeline", "taxonomy", "charts"):
        data = json.loads((real_dist / f"data/{name}.json").read_text(encoding="utf-8"))
        schema = json.loads((real_dist / f"data/{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
    glossary = json.loads((real_dist / "data/glossary.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((real_dist / "data/glossary.csv").read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [term["id"] for term in glossary["terms"]]
    for row, term in zip(rows, glossary["terms"], strict=True):
        assert row["term_zh"] == term["zh"]["term"] and row["definition_en"] == term["en"]["definition"]
        assert row["aliases_zh"].split("; ") == (term["zh"]["aliases"] or [""])
        assert row["source_urls"].split("; ") == [s["url"] for s in term["sources"]]


@pytest.mark.parametrize("lang", LANGS)
def test_llms_txt_follows_the_convention(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """An H1, a blockquote summary, link lists with absolute URLs; the full text holds every section."""
    index = (real_dist / f"llms/{language(lang).folder}/llms.txt").read_text(encoding="utf-8")
    assert index.startswith("# ") and "\n> " in index
    links = re.findall(r"^- \[[^\]]+\]\((https://[^)]+)\)", index, re.M)
    assert len(links) >= 10
    full = (real_dist / f"llms/{language(lang).folder}/llms-full.txt").read_text(encoding="utf-8")
    assert all(f"## {s.title.get(lang)}" in full for s in editions[lang].sections)
    assert "{#" not in full and "[@" not in full and "](term:" not in full


def test_site_serves_data_llms_and_a_downloads_page_with_sizes(real_project: Path, real_dist: Path) -> None:
    """A build with exports publishes the files it made and lists each with its language, format,
    size, length and SHA-256, and names the commit they were built from."""
    site = real_project / "site"
    assert (site / "data/glossary.json").is_file() and (site / "zh/llms.txt").is_file()
    assert (site / "downloads/large-model-primer-offline.zip").read_bytes() == \
        (real_dist / "large-model-primer-offline.zip").read_bytes()
    page = (site / "en/downloads/index.html").read_text(encoding="utf-8")
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        name = entry["path"].rsplit("/", 1)[-1]
        assert f'href="../../downloads/{entry["path"]}">{name}</a>' in page
        assert f'<code class="primer-sha256">{entry["sha256"]}</code>' in page
    epub = hashlib.sha256((real_dist / "large-model-primer-zh.epub").read_bytes()).hexdigest()
    assert re.search(rf"{epub}</code></small></td><td>Simplified Chinese</td><td>EPUB</td><td>\d+\.\d KB</td>"
                     r"<td>\d+ chapters</td>", page)
    assert re.search(r"large-model-primer-en\.pdf.*?</td><td>English</td><td>PDF</td><td>[\d.]+ [KM]B</td>"
                     r"<td>\d+ pages</td>", page)
    assert re.search(r"</td><td>Simplified Chinese · English · Traditional Chinese</td><td>ZIP</td>", page)
    assert f"built from commit <code>{manifest['commit'][:12] or '—'}</code> ({manifest['date'][:10]})" in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_page_lists_the_pages_the_books_hold(real_project: Path, real_dist: Path,
                                                          editions: dict[str, Content], lang: str) -> None:
    """Its list of the books' pages is the site map's book in reading order, each title linked to
    its page, as many as the EPUB's chapters."""
    folder = real_project / "site" / language(lang).folder / "downloads"
    page = (folder / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>',
                        page.split('<ol class="primer-book-pages"', 1)[1].split("</ol>", 1)[0])
    book = [entry for entry in site_pages(editions[lang], lang) if entry.in_book]
    assert [html.unescape(title) for _, title in listed] == [entry.title for entry in book]
    assert all((folder / href / "index.html").is_file() for href, _ in listed)
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    chapters = next(entry["chapters"] for entry in manifest["files"] if entry["path"] == export_name(lang, "epub"))
    assert len(listed) == chapters


def test_the_downloads_pages_run_facts_stay_out_of_the_search_index(real_project: Path, real_dist: Path) -> None:
    """Hashes, sizes and the commit change with every build: the search index holds none of them
    (they would make the page's text, and so its word cuts, new on every run)."""
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    for folder in FOLDERS:
        index = (real_project / "site" / folder / "search/search_index.json").read_text(encoding="utf-8")
        assert "downloads/" in index
        assert not any(entry["sha256"] in index for entry in manifest["files"])
        assert not manifest["commit"] or manifest["commit"][:12] not in index


def test_a_build_never_lists_an_earlier_runs_exports(tmp_path: Path) -> None:
    """A site-only build ignores dist/: its downloads pages say it made no exports and it serves none."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    (project / "dist").mkdir()
    (project / "dist/manifest.json").write_text(json.dumps({
        "version": 2, "commit": "0123456789abcdef", "date": "2020-01-01T00:00:00Z",
        "files": [{"path": "large-model-primer-offline.zip", "bytes": 1, "sha256": "f" * 64, "languages": ["zh"]}]}),
        encoding="utf-8")
    result = run_build(project, "build")
    assert result.returncode == 0, result.stderr
    page = (project / "site/en/downloads/index.html").read_text(encoding="utf-8")
    assert "This build made no downloads" in page
    assert "f" * 64 not in page and "0123456789ab" not in page
    assert not (project / "site/downloads").exists() and (project / "site/data/glossary.json").is_file()


def test_export_of_invalid_content_leaves_dist_untouched(tmp_path: Path) -> None:
    """Broken content: the same path:line errors as the build, exit 1, dist/ byte-identical."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    (project / "dist").mkdir()
    (project / "dist/keep.txt").write_text("previous export", encoding="utf-8")
    (project / "content/timeline/gpt-3-2020.yml").write_text(
        (FIXTURES / "mini/content/timeline/gpt-3-2020.yml").read_text(encoding="utf-8").replace("2020-05", "2020-13"),
        encoding="utf-8")
    result = run_build(project, "export")
    assert result.returncode == 1
    assert "content/timeline/gpt-3-2020.yml:2: 'date' '2020-13' has no month 13" in result.stderr
    assert [p.name for p in (project / "dist").iterdir()] == ["keep.txt"]
    assert not list(project.glob(".dist-staging-*")) and not list(project.glob(".export-work-*"))
    shutil.rmtree(project)
