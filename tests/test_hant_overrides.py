"""zh-Hant whole-page overrides: `build.py check` reports one that no longer has its zh.md's skeleton."""

from __future__ import annotations

from pathlib import Path

from primer.hant.overrides import check_page_overrides
from tests.helpers import FIXTURES, make_project, run_build

SOURCE = """## 什么是大模型 {#what-is}

大模型的参数很多[@smith-2020]，见[微调](term:fine-tuning)。

[[figure:ai-nesting]]

## 小结 {#summary}

参见[历史](section:history#early)[@jones-2021]。
"""
OVERRIDE = SOURCE.replace("什么是大模型", "什麼是大模型").replace("大模型的参数很多", "大模型的參數很多（人工校訂）")


def project(tmp_path: Path, override: str, source: str | None = SOURCE) -> Path:
    """Writes a section folder with zh.md (unless None) and zh-Hant.md; returns the root."""
    folder = tmp_path / "content" / "sections" / "01-basics"
    folder.mkdir(parents=True)
    if source is not None:
        (folder / "zh.md").write_text(source, encoding="utf-8")
    (folder / "zh-Hant.md").write_text(override, encoding="utf-8")
    return tmp_path


def reported(root: Path) -> list[str]:
    return [issue.format() for issue in check_page_overrides(root)]


def test_an_override_with_its_sources_skeleton_passes(tmp_path: Path) -> None:
    """Different text, same heading ids, citations, figures and links: nothing to report."""
    assert reported(project(tmp_path, OVERRIDE)) == []


def test_a_renamed_heading_id_is_reported_at_its_brace(tmp_path: Path) -> None:
    """A heading id zh.md renamed is reported at the override's `{#…}`, naming both ids."""
    root = project(tmp_path, OVERRIDE, SOURCE.replace("{#summary}", "{#in-short}"))
    assert reported(root) == ["content/sections/01-basics/zh-Hant.md:7:7: stale override: heading id {#summary} "
                              "where zh.md:7 has {#in-short}; bring it in line with zh.md or delete it to use the "
                              "conversion again"]


def test_a_citation_added_to_the_source_is_reported_as_missing(tmp_path: Path) -> None:
    """A citation zh.md gained is reported at the override's end with the line of zh.md that has it."""
    root = project(tmp_path, OVERRIDE, SOURCE + "\n新的一段[@lee-2023]。\n")
    assert reported(root) == ["content/sections/01-basics/zh-Hant.md:9: stale override: zh.md:11 has the citation "
                              "[@lee-2023], which this page lacks; bring it in line with zh.md or delete it to use "
                              "the conversion again"]


def test_a_figure_placement_zh_md_dropped_is_reported(tmp_path: Path) -> None:
    """A `[[figure:…]]` line zh.md no longer has is reported at its column in the override."""
    root = project(tmp_path, OVERRIDE, SOURCE.replace("[[figure:ai-nesting]]\n", ""))
    assert reported(root) == ["content/sections/01-basics/zh-Hant.md:5:1: stale override: the figure placement "
                              "[[figure:ai-nesting]] is not in zh.md any more; bring it in line with zh.md or delete "
                              "it to use the conversion again"]


def test_a_changed_term_link_is_reported_at_its_column(tmp_path: Path) -> None:
    """A term link that now names another term is reported at the override's link target `](…)`."""
    root = project(tmp_path, OVERRIDE, SOURCE.replace("term:fine-tuning", "term:instruction-tuning"))
    assert reported(root) == ["content/sections/01-basics/zh-Hant.md:3:33: stale override: link term:fine-tuning "
                              "where zh.md:3 has term:instruction-tuning; bring it in line with zh.md or delete it "
                              "to use the conversion again"]


def test_an_override_without_its_source_is_reported(tmp_path: Path) -> None:
    """A zh-Hant.md left behind when its zh.md moved replaces nothing: an error at line 1."""
    assert reported(project(tmp_path, OVERRIDE, source=None)) == [
        "content/sections/01-basics/zh-Hant.md:1: a page override needs the zh.md it replaces beside it; "
        "delete this file or restore that one"]


def test_build_check_fails_on_a_stale_override(tmp_path: Path) -> None:
    """`build.py check` runs the comparison: a stale override of a real fixture section exits 1."""
    root = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    folder = next(path.parent for path in sorted((root / "content" / "sections").glob("*/zh.md")))
    source = (folder / "zh.md").read_text(encoding="utf-8")
    (folder / "zh-Hant.md").write_text(source + "\n## 多出來的一節 {#extra-part}\n", encoding="utf-8")
    result = run_build(root, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stale override: the heading id {#extra-part} is not in zh.md any more" in result.stdout + result.stderr
