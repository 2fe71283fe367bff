"""The learning aids every article section carries, in both languages: a takeaways box at the very
top (`!!! takeaways "…"`) and, at the very end, a `#check-yourself` part of 3–5 `??? question` items
whose answers open on demand."""

from __future__ import annotations

import re
from collections.abc import Iterator

from primer.content.fields import LANGS
from primer.content.markdown_refs import Heading, prose_lines, scan_body
from primer.issues import Issue
from primer.model import Content, Document
from primer.pages.render import ui_strings

# The switch: the rule is an error while this is on. Turn it off only while sections are being
# brought up to the structure (content merged after the rule), then on again.
REQUIRED = True

CHECK_ID = "check-yourself"
MIN_QUESTIONS, MAX_QUESTIONS = 3, 5
TAKEAWAYS = re.compile(r"^!!!\+? takeaways\b")
QUESTION = re.compile(r"^\?\?\?\+? question\b")


def hint(lang: str, part: str) -> str:
    """Returns the Markdown line that starts a section's `part` (takeaways, check) in `lang`."""
    return ui_strings()[lang][f"{part}_hint"]


def check_section_structure(content: Content) -> Iterator[Issue]:
    """Yields an issue for each section body without its takeaways box or its self-check."""
    if not REQUIRED:
        return
    for section in content.sections:
        for lang in LANGS:
            if section.body(lang).strip():  # a missing body is reported already
                yield from check_body_structure(section, lang)


def check_body_structure(section: Document, lang: str) -> Iterator[Issue]:
    """Checks one body: takeaways first, the self-check part last with 3–5 questions."""
    path, body = section.body_paths.get(lang), section.body(lang)
    lines = without_front_matter([(number, line) for number, line in prose_lines(body) if line.strip()])
    first_number, first_line = lines[0] if lines else (1, "")
    if not TAKEAWAYS.match(first_line):
        yield Issue(path=path, line=first_number, column=1,
                    message=f"a section starts with its takeaways box: put `{hint(lang, 'takeaways')}` and "
                    "3–5 indented '- ' bullets before everything else")
    headings = scan_body(body).headings
    part = next((h for h in headings if h.id == CHECK_ID), None)
    if part is None:
        yield Issue(path=path, line=lines[-1][0] if lines else 1, column=1,
                    message=f"a section ends with a self-check: add `{hint(lang, 'check')}` and "
                    f"{MIN_QUESTIONS}–{MAX_QUESTIONS} `??? question \"…\"` items at the end")
        return
    yield from check_self_check(path, part, headings, lines)


def without_front_matter(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drops a leading `---` … `---` block: the takeaways come first after it."""
    if lines and lines[0][1].strip() == "---":
        end = next((index for index, (_, line) in enumerate(lines[1:], start=1) if line.strip() == "---"), 0)
        if end:
            return lines[end + 1:]
    return lines


def check_self_check(path: str, part: Heading, headings: tuple[Heading, ...],
                     lines: list[tuple[int, str]]) -> Iterator[Issue]:
    """The self-check part is the last heading, level 2, and holds 3–5 question items."""
    later = [h for h in headings if h.line > part.line]
    if part.level != 2 or later:
        where = later[0].line if later else part.line
        yield Issue(path=path, line=where, column=1,
                    message=f"the `## … {{#{CHECK_ID}}}` part must be the last part of the section "
                    "(a level-2 heading with nothing but its questions after it)")
    count = sum(1 for number, line in lines if number > part.line and QUESTION.match(line))
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        yield Issue(path=path, line=part.line, column=1,
                    message=f"the self-check has {count} `??? question` item(s); "
                    f"write {MIN_QUESTIONS}–{MAX_QUESTIONS}")
