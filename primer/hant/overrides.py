"""Checks of whole-page overrides: a `zh-Hant.md` beside a `zh.md` must still have its skeleton.

A contributor writes `zh-Hant.md` when a page's conversion needs more than the phrase table. From
then on the Traditional page no longer follows edits of `zh.md`: a heading id renamed there (and in
`en.md`) breaks the language switcher's anchors and every `section:…#id` link into the edition, a
citation or figure added there is missing from it. So the override must keep, in order, the
skeleton of its `zh.md`: heading ids, citations, figure placements and internal links (terms,
sections, events, pages, figures). The first place it differs is reported, with what `zh.md` has
there; text may differ freely."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from primer.content.markdown_refs import prose_lines, scan_body
from primer.figures.placement import PLACEMENT
from primer.hant.phrases import PAGE_OVERRIDE
from primer.hant.sources import SOURCE
from primer.issues import Issue

OVERRIDES = (f"content/sections/*/{PAGE_OVERRIDE}", f"content/pages/*/{PAGE_OVERRIDE}")
KINDS = ("heading id", "citation", "figure placement", "link")


@dataclass(frozen=True, slots=True)
class Mark:
    """One element of a body's skeleton: what it is, its key (`{#id}`, `@source`, …) and where."""

    kind: str
    key: str
    line: int
    column: int


def skeleton(body: str) -> dict[str, list[Mark]]:
    """Returns a body's heading ids, citations, figure placements and internal links, in order."""
    refs, lines = scan_body(body), body.split("\n")
    marks: dict[str, list[Mark]] = {kind: [] for kind in KINDS}
    marks["heading id"] = [Mark("heading id", f"{{#{h.id}}}", h.line, lines[h.line - 1].rfind("{") + 1 or 1)
                           for h in refs.headings]
    marks["citation"] = [Mark("citation", f"[@{c.source_id}]", c.line, c.column) for c in refs.citations]
    marks["link"] = [Mark("link", f"{link.scheme}:{link.target}" + (f"#{link.anchor}" if link.anchor else ""),
                          link.line, link.column) for link in refs.links if link.scheme]
    for number, line in prose_lines(body):
        if placed := PLACEMENT.match(line):
            marks["figure placement"].append(Mark("figure placement", f"[[figure:{placed.group(2)}]]",
                                                  number, len(placed.group(1)) + 1))
    return marks


def check_page_overrides(root: Path) -> Iterator[Issue]:
    """Yields an error for each override whose skeleton differs from its `zh.md`, or that has none."""
    for pattern in OVERRIDES:
        for override in sorted(root.glob(pattern)):
            shown = override.relative_to(root).as_posix()
            source = override.with_name(f"{SOURCE}.md")
            if not source.is_file():
                yield Issue(path=shown, line=1, message=f"a page override needs the {source.name} it replaces "
                            "beside it; delete this file or restore that one")
                continue
            yield from compare(shown, override.read_text(encoding="utf-8"), source.read_text(encoding="utf-8"))


def compare(path: str, override: str, source: str) -> Iterator[Issue]:
    """Yields the first difference of each kind between an override and its source body."""
    written, expected = skeleton(override), skeleton(source)
    last_line = max(1, override.count("\n"))
    for kind in KINDS:
        for found, wanted in zip_longest(written[kind], expected[kind]):
            if found is not None and wanted is not None and found.key == wanted.key:
                continue
            yield stale(path, kind, found, wanted, last_line)
            break


def stale(path: str, kind: str, found: Mark | None, wanted: Mark | None, last_line: int) -> Issue:
    """Describes one difference at the override's mark (or its end, when the override lacks one)."""
    fix = f"bring it in line with {SOURCE}.md or delete it to use the conversion again"
    if found is None:
        assert wanted is not None
        return Issue(path=path, line=last_line, message=f"stale override: {SOURCE}.md:{wanted.line} has the "
                     f"{kind} {wanted.key}, which this page lacks; {fix}")
    if wanted is None:
        return Issue(path=path, line=found.line, column=found.column, message=f"stale override: the {kind} "
                     f"{found.key} is not in {SOURCE}.md any more; {fix}")
    return Issue(path=path, line=found.line, column=found.column, message=f"stale override: {kind} {found.key} "
                 f"where {SOURCE}.md:{wanted.line} has {wanted.key}; {fix}")
