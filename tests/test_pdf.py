"""The PDF of each language: text, real embedded subset fonts, metadata, outline, page numbers."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from primer.exports.pdf_faces import fonts_by_program, groups
from primer.exports.pdf_fonts import UNITS_PER_EM, collect_glyphs, font_file
from primer.exports.pdf_streams import contents
from primer.languages import CODES, language
from primer.model import Content
from primer.pages.render import ui_strings

pytestmark = pytest.mark.slow
LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too


def pdf_of(dist: Path, lang: str) -> Path:
    return dist / f"large-model-primer-{language(lang).folder}.pdf"


def fonts(pdf: Path) -> list[list[str]]:
    """Returns pdffonts' rows as (name, type words …, emb, sub, uni, object, generation)."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in listing.splitlines()[2:]]


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_section_text_page_numbers_and_links(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """pdftotext finds every section title and the footer's page numbers; internal links survive."""
    content = editions[lang]
    pdf = pdf_of(real_dist, lang)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for section in content.sections:
        assert section.title.get(lang) in text
    label = ui_strings()[lang]["page"]  # the footer's word, 页 / 頁 / Page
    assert re.search(rf"{label} 2 / \d+", text)
    with pikepdf.open(pdf) as document:
        links = [annot for page in document.pages for annot in page.get("/Annots", []) if annot.Subtype == "/Link"]
    assert links


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_fonts_are_embedded_cid_subsets_never_type3(real_dist: Path, lang: str) -> None:
    """Every font is an embedded, subset CID TrueType font with a Unicode map (selectable, searchable)."""
    rows = fonts(pdf_of(real_dist, lang))
    assert rows
    for row in rows:
        assert " ".join(row[1:3]) == "CID TrueType", row
        assert row[-5:-2] == ["yes", "yes", "yes"], row  # emb, sub, uni


def test_chinese_pdf_embeds_a_subset_of_its_cjk_font_not_the_whole_collection(real_dist: Path) -> None:
    """The Chinese text, code included, is set in WenQuanYi Micro Hei (its Mono face draws the same
    CJK glyphs: a second copy of them), and no embedded program is the whole .ttc."""
    names = [row[0].split("+", 1)[-1] for row in fonts(pdf_of(real_dist, "zh"))]
    assert "WenQuanYiMicroHei" in names and "WenQuanYiMicroHeiMono" not in names
    with pikepdf.open(pdf_of(real_dist, "zh")) as document:
        programs = [obj.FontFile2.read_bytes() for obj in document.objects
                    if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
                    and "/FontFile2" in obj]
    assert programs and not any(program.startswith(b"ttcf") for program in programs)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_names_the_book_and_the_project(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """Title, author, subject, language, a creator naming the project, dates of the edition."""
    content = editions[lang]
    manifest = json.loads((real_dist / "manifest.json").read_text(encoding="utf-8"))
    with pikepdf.open(pdf_of(real_dist, lang)) as document:
        info = {key: str(value) for key, value in document.docinfo.items()}
        pdf_language = str(document.Root.Lang)
    home = content.pages["home"]
    assert info["/Title"] == home.title.get(lang) and info["/Subject"] == home.description.get(lang)
    assert info["/Author"] == "Large Model Primer contributors"
    assert info["/Creator"].startswith("Large Model Primer") and "Mozilla" not in info["/Creator"]
    assert pdf_language == language(lang).tag
    stamp = "D:" + re.sub(r"[-:TZ]", "", manifest["date"]) + "Z"
    assert info["/CreationDate"] == info["/ModDate"] == stamp


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_bookmarks_match_the_chapter_headings(real_dist: Path, editions: dict[str, Content], lang: str) -> None:
    """The outline holds every section's title, in the order of the sections, as in the single file."""
    content = editions[lang]
    with pikepdf.open(pdf_of(real_dist, lang)) as document, document.open_outline() as outline:
        titles = []
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(reversed(item.children))
    positions = [titles.index(section.title.get(lang)) for section in content.sections]
    assert positions == sorted(positions)
    html = (real_dist / f"large-model-primer-{language(lang).folder}.html").read_text(encoding="utf-8")
    headings = [re.sub(r"<[^>]+>|¶", "", h).strip() for h in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.S)]
    assert set(titles) <= set(headings)


def test_every_chinese_glyph_drawn_has_an_outline_in_the_embedded_subset(real_dist: Path) -> None:
    """Every CID the pages draw is, after renumbering, the id of a glyph of the compact subset that has
    an outline (only blank glyphs such as spaces are empty); the subset holds no other glyphs (composites
    decomposed, their components gone) and is on the grid of UNITS_PER_EM."""
    with pikepdf.open(pdf_of(real_dist, "zh")) as document:
        used: dict[tuple[int, int], set[int]] = {}
        for content in contents(document):
            collect_glyphs(content, used)
        checked = 0
        for font in document.objects:
            program = font_file(font) if isinstance(font, pikepdf.Dictionary) else None
            if program is None or "WenQuanYi" not in str(font.BaseFont):
                continue
            outlines = TTFont(io.BytesIO(program.read_bytes()))
            order, glyf = outlines.getGlyphOrder(), outlines["glyf"]
            assert font.DescendantFonts[0].CIDToGIDMap == pikepdf.Name.Identity
            gids = used.get(program.objgen, set())
            empty = [gid for gid in gids if gid == 0 or gid >= len(order) or glyf[order[gid]].numberOfContours == 0]
            assert len(empty) <= 2, empty  # the space glyphs
            assert len(order) <= len(gids) + 2  # renumbered: no empty slots, no components (.notdef kept)
            assert not any(glyf[name].isComposite() for name in order)
            assert outlines["head"].unitsPerEm == UNITS_PER_EM
            checked += len(gids)
    assert checked > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_each_face_is_embedded_once(real_dist: Path, lang: str) -> None:
    """The fonts Chromium makes of one face share one font program (not one subset each)."""
    with pikepdf.open(pdf_of(real_dist, lang)) as document:
        programs: dict[str, set[tuple[int, int]]] = {}
        for font in document.objects:
            program = font_file(font) if isinstance(font, pikepdf.Dictionary) else None
            if program is not None:
                programs.setdefault(str(font.BaseFont).split("+", 1)[-1], set()).add(program.objgen)
    assert programs and all(len(found) == 1 for found in programs.values()), programs


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_of_one_face_that_agree_are_one_font_dictionary(real_dist: Path, lang: str) -> None:
    """Fonts sharing a program, widths and texts were merged into one (Chromium writes up to five);
    the Chinese book keeps at most two for WenQuanYi, whose widths disagree for some Latin glyphs."""
    with pikepdf.open(pdf_of(real_dist, lang)) as document:
        assert not list(groups(document))
        faces = [str(font.BaseFont).split("+", 1)[-1] for fonts in fonts_by_program(document).values() for font in fonts]
    assert faces and all(faces.count(face) <= 2 for face in faces), faces


def test_chinese_text_is_drawn_in_strings_not_glyph_by_glyph(real_dist: Path) -> None:
    """Nearly half the glyphs of the Chinese book are shown by strings of several glyphs (evenly
    spaced runs joined; one in twenty before), and pdftotext still reads its sentences."""
    pdf = pdf_of(real_dist, "zh")
    with pikepdf.open(pdf) as document:
        shown = [len(bytes(item.operands[0])) // 2 for page in document.pages
                 for item in pikepdf.parse_content_stream(page.obj, "Tj")]
    assert sum(count for count in shown if count > 1) > 0.4 * sum(shown)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "大语言模型" in text and "大模型" in text


@pytest.mark.parametrize("lang", LANGS)
def test_forms_share_their_resources_and_groups(real_dist: Path, lang: str) -> None:
    """Form XObjects point at shared resource and group dictionaries (compressed in object streams)
    instead of each carrying its own copy in its uncompressed stream dictionary."""
    with pikepdf.open(pdf_of(real_dist, lang)) as document:
        forms = [obj for obj in document.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form"]
        own = [key for form in forms for key in ("/Resources", "/Group")
               if key in form.stream_dict and not form.stream_dict[key].is_indirect]
    assert forms and not own, own[:3]


def test_chinese_pdf_is_no_larger_per_page_than_the_english_one(real_dist: Path) -> None:
    """Bytes per page: the Chinese book costs a reader no more than the English one."""
    per_page = {}
    for lang in ("zh", "en"):
        with pikepdf.open(pdf_of(real_dist, lang)) as document:
            per_page[lang] = pdf_of(real_dist, lang).stat().st_size / len(document.pages)
    assert per_page["zh"] <= per_page["en"], per_page
