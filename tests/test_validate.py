"""Content validation: the golden everything-wrong fixture and the real content."""

from __future__ import annotations

from pathlib import Path

import pytest

from primer.content.loader import load_content
from primer.issues import errors_only
from primer.model import Content
from tests.helpers import FIXTURES, ROOT


def test_broken_fixture_reports_exactly_the_expected_issues() -> None:
    """Every deliberate mistake in tests/fixtures/broken is reported once, at its line."""
    _, issues = load_content(FIXTURES / "broken")
    expected = (FIXTURES / "broken" / "expected-issues.txt").read_text(encoding="utf-8").splitlines()
    assert [issue.format() for issue in issues] == expected


def test_real_content_is_valid() -> None:
    """The content we publish has no errors."""
    _, issues = load_content(ROOT)
    assert [issue.format() for issue in errors_only(issues)] == []


def test_real_content_has_the_promised_scope() -> None:
    """Six sections, at least 60 terms and 30 events, every section citing two or more sources."""
    content, _ = load_content(ROOT)
    assert [section.id for section in content.sections] == [
        "definition", "concepts", "history", "characteristics", "classification", "generalization"]
    assert all(len(section.sources) >= 2 for section in content.sections)
    assert len(content.terms) >= 60
    assert len(content.events) >= 30
    assert all(term.sources for term in content.terms.values())


def test_every_model_class_and_every_class_example_exist() -> None:
    """Models declare existing classes on every axis, and no class is without an example."""
    content, _ = load_content(ROOT)
    for axis in content.axes:
        for cls in axis.classes:
            assert any(cls.id in model.classes[axis.id] for model in content.models()), cls.id


def test_a_missing_translation_is_reported(tmp_path: Path) -> None:
    """Deleting en.md of a section yields one issue naming the file."""
    import shutil

    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    (tmp_path / "content/sections/01-basics/en.md").unlink()
    _, issues = load_content(tmp_path)
    assert [i.format() for i in issues] == ["content/sections/01-basics/en.md: missing translation: create en.md"]


def test_section_numbers_go_past_99_with_three_digits(tmp_path: Path) -> None:
    """`100-<id>` is a section after `99-<id>`; a four-digit number or a mismatched order is reported."""
    import shutil

    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    sections = tmp_path / "content/sections"
    shutil.copytree(sections / "01-basics", sections / "100-basics")
    shutil.rmtree(sections / "01-basics")
    meta = sections / "100-basics/meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("order: 1", "order: 100"), encoding="utf-8")
    content, issues = load_content(tmp_path)
    assert [i.format() for i in errors_only(issues)] == []
    assert [(s.id, s.order) for s in content.sections] == [("basics", 100)]

    (sections / "100-basics").rename(sections / "1000-basics")
    _, issues = load_content(tmp_path)
    assert [i.format() for i in errors_only(issues)] == [
        "content/sections/1000-basics: section folders are named NN-<id> (or NNN-<id> past 99), e.g. 01-definition"]


@pytest.mark.parametrize(("event_id", "era_id"), [("dartmouth-1956", "early"), ("deep-belief-networks-2006", "deep-learning"),
                                                  ("transformer-2017", "deep-learning"), ("bert-2018", "pretrained")])
def test_an_event_belongs_to_the_era_whose_years_cover_its_date(content: Content, event_id: str, era_id: str) -> None:
    """An event's era is found from its date and the eras' inclusive ranges (first and last years included)."""
    event = next(event for event in content.events if event.id == event_id)
    assert content.era_of(event) == era_id
