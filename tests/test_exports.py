"""Exports: offline archive, single-file HTML, PDF, data files with schemas, llms.txt, downloads page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from primer.loader import load_content
from tests.helpers import FIXTURES, ROOT, collect, make_project, run_build

pytestmark = pytest.mark.slow
LANGS = ("zh", "en")


def test_dist_holds_every_export(real_dist: Path) -> None:
    """The archive, both languages' HTML and PDF, data with schemas, llms files and a manifest."""
    names = {p.relative_to(real_dist).as_posix() for p in real_dist.rglob("*") if p.is_file()}
    expected = {"large-model-primer-offline.zip", "manifest.json", "data/glossary.json", "data/glossary.csv",
                "data/timeline.json", "data/taxonomy.json", "data/glossary.schema.json",
                "data/timeline.schema.json", "data/taxonomy.schema.json", "data/charts.json", "data/charts.csv",
                "data/charts.schema.json"}
    for lang in LANGS:
        expected |= {f"large-model-primer-{lang}.html", f"large-model-primer-{lang}.pdf",
                     f"llms/{lang}/llms.txt", f"llms/{lang}/llms-full.txt"}
    assert names == expected
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (real_dist / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()


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
def test_single_file_html_is_self_contained_with_working_anchors(real_dist: Path, lang: str) -> None:
    """No external resources, no scripts, and every in-file link names an existing id."""
    html = (real_dist / f"large-model-primer-{lang}.html").read_text(encoding="utf-8")
    parsed = collect(html)
    assert parsed.resources == [] and "<script" not in html and "<link" not in html
    broken = [href for _, attr, href in parsed.links if attr == "href" and href.startswith("#")
              and href[1:] not in parsed.ids]
    assert broken == []
    relative = [href for _, _, href in parsed.links if not re.match(r"^(#|https?:|mailto:)", href)]
    assert relative == []
    content, _ = load_content(ROOT)
    for section in content.sections:
        assert f'id="sections-{section.id}"' in html
        assert section.title.get(lang) in html


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_text_embedded_fonts_outline_and_page_numbers(real_dist: Path, lang: str) -> None:
    """pdftotext finds the section titles; pdffonts lists only embedded fonts; the outline exists."""
    pdf = real_dist / f"large-model-primer-{lang}.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    content, _ = load_content(ROOT)
    for section in content.sections:
        assert section.title.get(lang) in text
    label = "页" if lang == "zh" else "Page"
    assert re.search(rf"{label} 2 / \d+", text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the 'emb' column
    data = pdf.read_bytes()
    assert b"/Outlines" in data and b"/Subtype /Link" in data


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
def test_llms_txt_follows_the_convention(real_dist: Path, lang: str) -> None:
    """An H1, a blockquote summary, link lists with absolute URLs; the full text holds every section."""
    index = (real_dist / f"llms/{lang}/llms.txt").read_text(encoding="utf-8")
    assert index.startswith("# ") and "\n> " in index
    links = re.findall(r"^- \[[^\]]+\]\((https://[^)]+)\)", index, re.M)
    assert len(links) >= 10
    full = (real_dist / f"llms/{lang}/llms-full.txt").read_text(encoding="utf-8")
    content, _ = load_content(ROOT)
    assert all(f"## {s.title.get(lang)}" in full for s in content.sections)
    assert "{#" not in full and "[@" not in full and "](term:" not in full


def test_site_serves_data_llms_and_a_downloads_page_with_sizes(real_project: Path, real_dist: Path) -> None:
    """After an export, the next build publishes the files and lists them with their sizes."""
    result = run_build(real_project, "build")
    assert result.returncode == 0, result.stderr
    site = real_project / "site"
    assert (site / "data/glossary.json").is_file() and (site / "zh/llms.txt").is_file()
    assert (site / "downloads/large-model-primer-offline.zip").read_bytes() == \
        (real_dist / "large-model-primer-offline.zip").read_bytes()
    page = (site / "en/downloads/index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/large-model-primer-en.pdf"' in page
    assert re.search(r"large-model-primer-offline\.zip</a></td><td>ZIP</td><td>\d+\.\d MB</td>", page)


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
