"""Reads and rewrites what Markdown bodies refer to: heading ids, `[@source]` citations and
`section:`/`term:`/`event:`/`page:` links. Code spans and fenced blocks are left alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from primer.issues import Spot

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}$")
LINK_SCHEMES = ("section", "term", "event", "page", "figure")
TOKEN = re.compile(
    r"(?P<code>`+)(?:.*?)(?P=code)"
    r"|\[@(?P<cites>[^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]"
    rf"|\]\((?P<scheme>{'|'.join(LINK_SCHEMES)}):(?P<target>[^)\s#]*)(?:#(?P<anchor>[^)\s]*))?\)"
    r"|\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)"
)
# Where a TOKEN can start. Jumping between these and matching TOKEN there finds the same tokens
# as TOKEN.finditer, twice as fast on long lines (the alternation is tried at every character).
TOKEN_START = re.compile(r"`|\[@|\]\(")


def tokens(line: str) -> Iterator[re.Match[str]]:
    """Yields TOKEN's matches in one line, as `TOKEN.finditer(line)` does."""
    position = 0
    while (start := TOKEN_START.search(line, position)) is not None:
        match = TOKEN.match(line, start.start())
        if match:
            yield match
            position = match.end()
        else:
            position = start.start() + 1


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of a body: level, text without the id, explicit id (or ''), line."""

    level: int
    text: str
    id: str
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation(Spot):
    """A `[@source-id]` citation, where it stands."""

    source_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Link(Spot):
    """A Markdown link target, where it stands: an internal `scheme:target#anchor` or a plain URL
    (scheme '')."""

    scheme: str
    target: str
    anchor: str


@dataclass(frozen=True, slots=True)
class BodyRefs:
    """Everything a body refers to, with lines."""

    headings: tuple[Heading, ...]
    citations: tuple[Citation, ...]
    links: tuple[Link, ...]


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yields (line number, line) for lines outside fenced code blocks."""
    fence = ""
    for number, line in enumerate(text.split("\n"), start=1):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


@cache  # one entry per body: bounded by the content
def scan_body(text: str) -> BodyRefs:
    """Collects headings, citations and links of a Markdown body."""
    headings, citations, links = [], [], []
    for number, line in prose_lines(text):
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading:
            title = heading.group(2)
            found = HEADING_ID.search(title)
            headings.append(Heading(level=len(heading.group(1)), id=found.group(1) if found else "",
                                    text=HEADING_ID.sub("", title).strip(), line=number))
        for match in tokens(line):
            column = match.start() + 1
            if match.group("cites"):
                for cited in match.group("cites").split(";"):
                    citations.append(Citation(source_id=cited.strip().lstrip("@"), line=number, column=column))
            elif match.group("scheme"):
                links.append(Link(scheme=match.group("scheme"), target=match.group("target"),
                                  anchor=match.group("anchor") or "", line=number, column=column))
            elif match.group("url"):
                links.append(Link(scheme="", target=match.group("url"), anchor="", line=number, column=column))
    return BodyRefs(tuple(headings), tuple(citations), tuple(links))


def rewrite_body(
    text: str,
    *,
    cite: Callable[[str], str],
    link: Callable[[str, str, str], str],
) -> str:
    """Rewrites citations and internal links of a body, leaving code untouched.

    Arguments:
        cite: maps a source id to the Markdown that replaces its citation.
        link: maps (scheme, target, anchor) to a relative URL.
    """

    def replace(match: re.Match[str]) -> str:
        if match.group("cites"):
            ids = [cited.strip().lstrip("@") for cited in match.group("cites").split(";")]
            return "".join(cite(source_id) for source_id in ids)
        if match.group("scheme"):
            return f"]({link(match.group('scheme'), match.group('target'), match.group('anchor') or '')})"
        return match.group(0)

    lines = text.split("\n")
    for number, line in prose_lines(text):
        pieces: list[str] = []
        position = 0
        for match in tokens(line):
            pieces += (line[position:match.start()], replace(match))
            position = match.end()
        if pieces:
            lines[number - 1] = "".join(pieces) + line[position:]
    return "\n".join(lines)
