"""The section-structure rule: takeaways box first, a self-check of 3–5 questions last."""

from __future__ import annotations

import pytest

from primer.checks import section_structure
from primer.checks.section_structure import check_body_structure, check_section_structure
from primer.model import Document
from primer.model.common import Localized, Origin

TAKEAWAYS = '!!! takeaways "Key takeaways"\n    - One.\n    - Two.\n    - Three.\n\n'
BODY = "## Part {#part}\n\nText.\n\n"


def questions(count: int) -> str:
    return "".join(f'??? question "{n}. Why?"\n    Because.\n\n' for n in range(1, count + 1))


CHECK = "## Check yourself {#check-yourself}\n\n" + questions(3)


def section(en: str, zh: str = "") -> Document:
    return Document(id="basics", order=1, title=Localized(zh="基础", en="Basics"),
                    description=Localized(zh="基础", en="Basics"), terms=(), sources=(),
                    bodies=Localized(zh=zh or TAKEAWAYS + BODY + CHECK, en=en),
                    body_paths=Localized(zh="content/sections/01-basics/zh.md", en="content/sections/01-basics/en.md"),
                    origin=Origin(path="content/sections/01-basics/meta.yml"))


def messages(body: str) -> list[str]:
    return [issue.format() for issue in check_body_structure(section(body), "en")]


def test_a_complete_section_passes() -> None:
    """Takeaways first, then parts, then a self-check of three questions: no issue."""
    assert messages(TAKEAWAYS + BODY + CHECK) == []


def test_front_matter_comes_before_the_takeaways() -> None:
    """A leading `---` front-matter block is skipped: the takeaways box is first after it."""
    assert messages("---\ntitle: x\n---\n\n" + TAKEAWAYS + BODY + CHECK) == []


def test_open_variants_and_five_questions_pass() -> None:
    """`!!!+`/`???+` (open by default) count, and five questions are allowed."""
    body = TAKEAWAYS.replace("!!!", "!!!+") + BODY + "## Check yourself {#check-yourself}\n\n" + questions(5)
    assert messages(body.replace("??? question", "???+ question", 1)) == []


@pytest.mark.parametrize(("body", "expected"), [
    (BODY + CHECK, "en.md:1:1: a section starts with its takeaways box"),
    ("Intro.\n\n" + TAKEAWAYS + BODY + CHECK, "en.md:1:1: a section starts with its takeaways box"),
    ('!!! note "Key takeaways"\n    - One.\n\n' + BODY + CHECK, "en.md:1:1: a section starts with its takeaways box"),
    (TAKEAWAYS + BODY, "en.md:8:1: a section ends with a self-check"),
    (TAKEAWAYS + BODY + CHECK + "## Later {#later}\n\nMore.\n", "en.md:21:1: the `## … {#check-yourself}` part must be the last"),
    (TAKEAWAYS + BODY + CHECK.replace("## Check", "### Check"), "en.md:10:1: the `## … {#check-yourself}` part must be the last"),
    (TAKEAWAYS + BODY + "## Check yourself {#check-yourself}\n\n" + questions(2), "en.md:10:1: the self-check has 2"),
    (TAKEAWAYS + BODY + "## Check yourself {#check-yourself}\n\n" + questions(6), "en.md:10:1: the self-check has 6"),
    (TAKEAWAYS + BODY + "## Check yourself {#check-yourself}\n\n```\n" + questions(3) + "```\n", "the self-check has 0"),
])
def test_broken_structures_are_reported(body: str, expected: str) -> None:
    """Each missing or misplaced piece gives one path:line:col error pointing at it."""
    found = messages(body)
    assert len(found) == 1 and expected in found[0], found


def test_both_languages_are_checked() -> None:
    """A section whose Chinese body lacks the structure is reported on zh.md."""
    content = type("Content", (), {"sections": (section(TAKEAWAYS + BODY + CHECK, zh=BODY + "正文。\n"),)})()
    found = [issue.format() for issue in check_section_structure(content)]  # type: ignore[arg-type]
    assert [line.split(": ")[0] for line in found] == ["content/sections/01-basics/zh.md:1:1",
                                                       "content/sections/01-basics/zh.md:5:1"]
    assert "本节要点" in found[0] and "自测" in found[1]


def test_the_switch_turns_the_rule_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """With REQUIRED off nothing is reported (the rule ships on)."""
    content = type("Content", (), {"sections": (section(BODY),)})()
    assert list(check_section_structure(content)) != []  # type: ignore[arg-type]
    monkeypatch.setattr(section_structure, "REQUIRED", False)
    assert list(check_section_structure(content)) == []  # type: ignore[arg-type]
