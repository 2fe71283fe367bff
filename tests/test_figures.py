"""Figures: content checks, layout, the Markdown extension, and the real build in every format."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html import unescape
from pathlib import Path

import markdown
import pytest

from primer.content.loader import load_content
from primer.figures.diagram import layout_issues
from primer.figures.layout import text_width, wrap
from primer.languages import LANGUAGES, language
from primer.model import Content
from primer.pages.downloads import ARCHIVE, export_name
from tests.helpers import FIXTURES, make_project, run_build, write

NESTING = """
id: nesting
sources: [brown-2020-gpt3]
licence: CC-BY-SA-4.0
zh: {caption: 嵌套, alt: 两个方框, description: 外框包含内框。}
en: {caption: Nesting, alt: Two boxes, description: The outer box holds the inner one.}
diagram:
  size: [300, 120]
  items:
    - box: [10, 10, 280, 100]
      text: {zh: 外框标签, en: Outer label}
"""


def fixture_project(tmp_path: Path, figure: str = NESTING, zh_line: str = "[[figure:nesting]]",
                    en_line: str = "[[figure:nesting]]") -> Path:
    """A copy of the mini fixture with one figure placed in its section (both languages)."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    write(project / "content/figures/nesting.yml", figure)
    section = project / "content/sections/01-basics"
    for lang, line in (("zh", zh_line), ("en", en_line)):
        path = section / f"{lang}.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return project


def messages(project: Path) -> list[str]:
    """Returns the formatted issues of a project's content."""
    return [issue.format() for issue in load_content(project)[1]]


def test_cjk_characters_measure_one_em() -> None:
    """A CJK label is measured at 1 em per character, wider than Latin letters."""
    assert text_width("大模型", "normal") == 42.0
    assert text_width("abc", "normal") < 42.0


def test_wrap_keeps_every_line_within_the_width() -> None:
    """Chinese wraps between characters, English between words, both within the width."""
    for text in ("预训练：在海量无标注文本上预测下一个词元", "Pre-training predicts the next token on text"):
        lines = wrap(text, 120)
        assert len(lines) > 1 and all(text_width(line) <= 120 for line in lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_label_that_does_not_fit_its_box_is_reported(tmp_path: Path) -> None:
    """A label too long for its box is an issue at the item's line."""
    project = fixture_project(tmp_path, NESTING.replace("Outer label", "x " * 200))
    figure = load_content(project)[0].figures["nesting"]
    found = [issue.format() for issue in layout_issues(figure)]
    assert found == ["content/figures/nesting.yml:9: the en label does not fit its box; "
                     "shorten it, add a line break or enlarge the box"]


@pytest.mark.parametrize(("figure", "zh_line", "expected"), [
    (NESTING, "[[figure:nowhere]]", "content/sections/01-basics/zh.md:{line}:10: unknown figure 'nowhere'"),
    (NESTING.replace("en: {caption: Nesting, alt: Two boxes, description: The outer box holds the inner one.}\n", ""),
     "[[figure:nesting]]", "content/figures/nesting.yml:1: missing translation: add 'en:'"),
    (NESTING.replace("alt: Two boxes, ", ""), "[[figure:nesting]]",
     "content/figures/nesting.yml:5: missing required field 'en.alt'"),
    (NESTING.replace("sources: [brown-2020-gpt3]", "sources: [no-such-paper]"), "[[figure:nesting]]",
     "content/figures/nesting.yml:2: unknown source 'no-such-paper'"),
])
def test_check_reports_figure_problems_with_their_place(tmp_path: Path, figure: str, zh_line: str,
                                                        expected: str) -> None:
    """Unknown figures, missing translations, alt texts and sources are located issues."""
    project = fixture_project(tmp_path, figure, zh_line=zh_line, en_line=zh_line)
    line = len((project / "content/sections/01-basics/zh.md").read_text(encoding="utf-8").splitlines())
    assert any(message.startswith(expected.format(line=line)) for message in messages(project)), messages(project)


def test_both_languages_must_place_the_same_figures(tmp_path: Path) -> None:
    """A figure placed only in zh.md is reported in en.md."""
    project = fixture_project(tmp_path, en_line="")
    assert any(m.startswith("content/sections/01-basics/en.md:1: figures differ from zh.md")
               for m in messages(project))


def test_extension_draws_the_labels_of_the_configured_language(tmp_path: Path) -> None:
    """The same placement line gives zh words in zh and en words in en, numbered by section."""
    project = fixture_project(tmp_path)
    rendered = {}
    for lang in ("zh", "en"):
        converter = markdown.Markdown(extensions=["primer.figures.markdown"], extension_configs={
            "primer.figures.markdown": {"lang": lang, "root": str(project)}})
        rendered[lang] = converter.convert("[[figure:nesting]]")
    assert ">外框标签</text>" in rendered["zh"] and "Outer label" not in rendered["zh"]
    assert ">Outer label</text>" in rendered["en"] and "外框标签" not in rendered["en"]
    assert "图 1-1" in rendered["zh"] and "Figure 1.1" in rendered["en"]
    assert '<svg class="primer-figure__svg"' in rendered["en"] and 'role="img"' in rendered["en"]
    assert "<title>Two boxes</title><desc>The outer box holds the inner one.</desc>" in rendered["en"]


def test_labels_are_escaped(tmp_path: Path) -> None:
    """Markup in a label reaches the SVG as text, never as elements."""
    project = fixture_project(tmp_path, NESTING.replace("Outer label", '"<script>x</script>"'))
    converter = markdown.Markdown(extensions=["primer.figures.markdown"], extension_configs={
        "primer.figures.markdown": {"lang": "en", "root": str(project)}})
    html = converter.convert("[[figure:nesting]]")
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_broken_figure_fails_the_build_and_keeps_the_site(tmp_path: Path) -> None:
    """A YAML error in a figure is a path:line error; the previous site/ stays."""
    project = fixture_project(tmp_path)
    assert run_build(project, "build").returncode == 0
    before = (project / "site/zh/sections/basics/index.html").read_bytes()
    (project / "content/figures/nesting.yml").write_text(NESTING.replace("size: [300, 120]", "size: [300, 120"),
                                                          encoding="utf-8")
    result = run_build(project, "build")
    assert result.returncode == 1
    assert re.search(r"content/figures/nesting\.yml:\d+(:\d+)?: ", result.stdout + result.stderr)
    assert (project / "site/zh/sections/basics/index.html").read_bytes() == before


def test_reference_shows_the_figure_number_and_links_to_it(tmp_path: Path) -> None:
    """`[](figure:id)` becomes a link whose text is the figure's number."""
    project = fixture_project(tmp_path, zh_line="见[](figure:nesting)。\n\n[[figure:nesting]]",
                              en_line="See [](figure:nesting).\n\n[[figure:nesting]]")
    assert run_build(project, "build").returncode == 0
    html = (project / "site/en/sections/basics/index.html").read_text(encoding="utf-8")
    assert '<a href="./#fig-nesting">Figure 1.1</a>' in html


def figure_ids(content: Content) -> list[str]:
    """Returns the ids of the real figures."""
    return sorted(content.figures)


def test_real_site_has_every_figure_in_every_edition(real_site: Path, editions: dict[str, Content]) -> None:
    """The figures page shows each figure with its language's alt text, caption and labels."""
    for lang, shown in editions.items():
        assert len(shown.figures) >= 12
        html = unescape((real_site / language(lang).folder / "figures/index.html").read_text(encoding="utf-8"))
        for figure in shown.figures.values():
            texts = figure.text(lang)
            assert f'id="fig-{figure.id}"' in html
            assert f"<title>{texts.alt}</title>" in html and texts.caption in html
            for label in figure.labels(lang):  # wrapped lines start with the label's first characters
                assert f">{label.split(chr(10))[0][:4]}" in html, (figure.id, lang, label)


def test_real_svgs_stay_within_budget(real_site: Path, content: Content) -> None:
    """Each figure's inline SVG (a chart's wide and phone drawings each) is at most 40 KB, in every edition."""
    charts = [f for f in content.figures.values() if f.diagram is None]
    for folder in (lang.folder for lang in LANGUAGES):
        html = (real_site / folder / "figures/index.html").read_text(encoding="utf-8")
        svgs = re.findall(r'<svg class="primer-figure__svg[" ].*?</svg>', html, re.S)
        assert len(svgs) == len(content.figures) + len(charts)
        assert max(len(svg.encode()) for svg in svgs) <= 40 * 1024


def test_figures_in_pdf_single_file_and_offline_archive(real_dist: Path, editions: dict[str, Content]) -> None:
    """pdftotext finds a timeline figure label (an era's name) in every edition's PDF; the single file carries
    the SVG and its stylesheet; the archive's pages carry the SVG."""
    from primer.figures.render import figure_stylesheet

    for lang, shown in editions.items():
        label = re.sub(r"\s+", "", shown.eras[1].name.get(lang))
        single = (real_dist / export_name(lang, "html")).read_text(encoding="utf-8")
        assert re.search(r'id="[a-z-]*--fig-timeline-eras"', single) and figure_stylesheet() in single
        pdf = real_dist / export_name(lang, "pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert str(shown.eras[1].start) in text and label in re.sub(r"\s+", "", text)
    with zipfile.ZipFile(real_dist / ARCHIVE) as archive:
        names = [n for n in archive.namelist() if n.endswith("timeline.html")]
        assert names and all('id="fig-timeline-eras"' in archive.read(n).decode() for n in names)


def luminance(css_colour: str) -> float:
    """Returns the relative luminance of an rgb()/rgba() colour (alpha ignored: fills here are opaque text)."""
    channels = [int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian chromium")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_text_contrast_in_both_schemes(new_tab, scheme: str) -> None:  # type: ignore[no-untyped-def]
    """Labels keep at least 4.5:1 contrast against the page in light and dark mode."""
    tab = new_tab(color_scheme=scheme)
    tab.page.goto(f"{tab.base}/en/figures/")
    fill = tab.page.eval_on_selector("#fig-ai-nesting svg text", "e => getComputedStyle(e).fill")
    background = tab.page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor")
    lighter, darker = sorted((luminance(fill), luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
    assert (luminance(fill) > luminance(background)) == (scheme == "dark")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian chromium")
def test_figures_page_does_not_scroll_sideways_on_a_phone(new_tab) -> None:  # type: ignore[no-untyped-def]
    """At 360 px every figure (the widest chart included) fits the screen."""
    tab = new_tab(viewport={"width": 360, "height": 740})
    tab.page.goto(f"{tab.base}/zh/figures/")
    assert tab.page.evaluate("document.documentElement.scrollWidth") <= 360
    assert tab.page.eval_on_selector("#fig-parameters-over-time svg", "e => e.getBoundingClientRect().width") <= 360


def test_changed_chinese_label_makes_the_english_figure_stale(tmp_path: Path) -> None:
    """Translation status tracks a figure's drawn words as well as its caption."""
    from primer.content.translation import mark_translated, translation_states

    project = fixture_project(tmp_path)
    states = [s for s in translation_states(load_content(project)[0]) if s.kind == "figure"]
    assert [s.status for s in states] == ["unrecorded"]
    list(mark_translated(project, states, None))
    path = project / "content/figures/nesting.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("外框标签", "新的外框标签"), encoding="utf-8")
    assert [s.status for s in translation_states(load_content(project)[0]) if s.kind == "figure"] == ["stale"]


def test_chart_points_are_in_the_data_exports(real_dist: Path, content: Content) -> None:
    """charts.json and charts.csv hold every plotted point with its source; undisclosed ones have no value."""
    import csv
    import json

    data = json.loads((real_dist / "data/charts.json").read_text(encoding="utf-8"))
    points = {p["model"]: p for p in data["measures"]["parameters"]}
    assert points["gpt-3"]["value"] == 175e9 and points["gpt-3"]["source"] == "brown-2020-gpt3"
    assert points["gpt-4"]["value"] is None and points["gpt-4"]["disclosed"] is False
    rows = list(csv.DictReader((real_dist / "data/charts.csv").read_text(encoding="utf-8").splitlines()))
    assert {(r["measure"], r["model"]) for r in rows} == {
        (measure, p["model"]) for measure, found in data["measures"].items() for p in found}
    assert next(r for r in rows if r["model"] == "gpt-4")["value"] == ""


def test_captions_are_in_the_search_index(real_site: Path, editions: dict[str, Content]) -> None:
    """Search finds a figure by its caption in every edition (Chinese after removing jieba's U+200B)."""
    import json

    for lang, shown in editions.items():
        index = json.loads((real_site / language(lang).folder / "search/search_index.json").read_text(encoding="utf-8"))
        text = "".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")
        for figure in shown.figures.values():
            assert figure.text(lang).caption[:12] in text, (lang, figure.id)


def test_eras_chart_draws_every_era_and_one_dot_per_event(content: Content) -> None:
    """The eras chart follows the content: a band per era, a dot per timeline event."""
    from primer.figures.eras import layout_eras
    from primer.pages.render import ui_strings

    layout = layout_eras(content, "en", ui_strings()["en"])
    assert len(layout.bands) == len(content.eras) and sum(len(band.dots) for band in layout.bands) == len(content.events)
    assert all(band.lines[-1].text.startswith(str(era.start)) for band, era in zip(layout.bands, content.eras,
                                                                                  strict=True))


def test_llms_full_text_describes_figures_in_words(content: Content) -> None:
    """Plain-text exports get the figure's number, caption and description instead of the placement line."""
    from primer.figures.placement import figures_as_text

    text = figures_as_text("前文。\n\n[[figure:timeline-eras]]\n\n见[](figure:timeline-eras)。", content, "zh")
    caption = content.figures["timeline-eras"].text("zh").caption
    assert text == f"前文。\n\n> 图 T-1：{caption}{content.figures['timeline-eras'].text('zh').description}\n\n" \
        "见[图 T-1](figure:timeline-eras)。"


def test_no_template_comment_reaches_a_page(real_site: Path) -> None:
    """Template comments stay in the templates: no page shows `{#`/`{##` … `#}` text."""
    for folder in (lang.folder for lang in LANGUAGES):
        for page in (real_site / folder).rglob("*.html"):
            text = re.sub(r"<(pre|code)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
            assert not re.search(r"\{##?[- ].*?#\}", text, re.S), page
