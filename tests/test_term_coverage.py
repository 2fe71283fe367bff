"""A newcomer meets no unexplained term: every technical term a section uses (its meta.yml `terms`,
kept as data there) has a glossary entry and is linked at its first use on the page, in both
languages. First use = the first occurrence of the term's name or an alias in body text, which
leaves out headings, links, code, <summary> (question titles), the references and the reading
time."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from primer.languages import CODES, language
from primer.model import Content
from primer.terms.termmatch import TermMatcher
from tests.helpers import article

LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too
NOT_BODY_TAGS = {"a", "code", "pre", "kbd", "samp", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "script",
                 "style", "button", "svg"}
NOT_BODY_CLASSES = {"references", "primer-reading-time", "no-crosslink", "headerlink"}
VOID = {"br", "hr", "img", "input", "wbr", "col", "source", "meta", "link"}


class BodyText(HTMLParser):
    """Splits an article into body-text runs and the terms linked in it, in reading order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, str]] = []  # (text, linked term id or "" for body text)
        self.stack: list[tuple[str, bool, str]] = []  # (tag, outside body text, linked term)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        term = values.get("data-term") or "" if "primer-term" in classes else ""
        outside = (tag in NOT_BODY_TAGS and not term) or bool(classes & NOT_BODY_CLASSES)
        self.stack.append((tag, outside, term))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(outside for _, outside, _ in self.stack):
            return
        term = next((term for _, _, term in reversed(self.stack) if term), "")
        self.runs.append((data, term))


def first_use_problems(html: str, term_ids: tuple[str, ...], matcher: TermMatcher) -> list[str]:
    """Returns why terms of `term_ids` are not linked at their first use in a page's article."""
    parser = BodyText()
    parser.feed(article(html))
    first: dict[str, tuple[int, str]] = {}  # term id -> (run index, "linked" or the unlinked words)
    for index, (text, linked) in enumerate(parser.runs):
        if linked:
            first.setdefault(linked, (index, "linked"))
            continue
        for match in matcher.find(text):
            first.setdefault(match.term_id, (index, text[match.start:match.end]))
    problems = []
    for term_id in term_ids:
        _, how = first.get(term_id, (0, ""))
        if not how:
            problems.append(f"'{term_id}' is not used in the body text (or only in headings, links, code)")
        elif how != "linked":
            problems.append(f"'{term_id}' is first used unlinked, as '{how}'")
    return problems


def coverage_problems(site: Path, editions: dict[str, Content]) -> list[str]:
    """Every section's problems in every language, as `lang/section: problem` lines."""
    problems = []
    for lang in LANGS:
        content = editions[lang]  # a derived edition's names are converted
        matcher = TermMatcher((name, term.id) for term in content.terms.values() for name in term.names(lang))
        for section in content.sections:
            missing = [term_id for term_id in section.terms if term_id not in content.terms]
            problems += [f"{section.id}/meta.yml: '{term_id}' has no glossary entry" for term_id in missing]
            html = (site / language(lang).folder / "sections" / section.id / "index.html").read_text(encoding="utf-8")
            known = tuple(term_id for term_id in section.terms if term_id in content.terms)
            problems += [f"{lang}/{section.id}: {p}" for p in first_use_problems(html, known, matcher)]
    return problems


PAGE = """<article class="md-content__inner md-typeset"><h1>Title</h1>
<h2 id="a">About RLHF</h2><p>We use <a class="primer-term" data-term="rlhf" href="#">RLHF</a>, then
<a href="#x">alignment</a>, then alignment.</p>
<details class="question"><summary>What is pre-training?</summary><p>It is <a class="primer-term" data-term="pre-training" href="#">pre-training</a>.</p></details>
</article>"""
MATCHER = TermMatcher([("RLHF", "rlhf"), ("alignment", "alignment"), ("pre-training", "pre-training"),
                       ("fine-tuning", "fine-tuning")])


@pytest.mark.parametrize(("term_id", "problem"), [
    ("rlhf", None),
    ("alignment", "'alignment' is first used unlinked, as 'alignment'"),
    ("pre-training", None),
    ("fine-tuning", "'fine-tuning' is not used in the body text (or only in headings, links, code)"),
])
def test_first_use_is_found_in_body_text_only(term_id: str, problem: str | None) -> None:
    """Headings, other links and <summary> do not count as a use; the first body-text use must be the link."""
    assert first_use_problems(PAGE, (term_id,), MATCHER) == ([problem] if problem else [])


@pytest.mark.slow
def test_every_section_term_is_in_the_glossary_and_linked_at_first_use(real_site: Path,
                                                                       editions: dict[str, Content]) -> None:
    """In every language each term of a section's meta.yml exists and links at its first use."""
    problems = coverage_problems(real_site, editions)
    assert problems == [], "\n".join(problems)
