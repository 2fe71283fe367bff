"""Links glossary terms in rendered page HTML: text nodes only, never inside links, code,
headings, interface controls (a link inside a summary, button or label would be an interactive
element inside another) or opted-out spans, first mention per term per page."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from primer.terms.termmatch import CHUNK_SEPARATOR, Match, TermMatcher

TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)>", re.S)
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
ENTRY_ATTR = re.compile(r"""\bdata-term-entry\s*=\s*"([a-z0-9-]+)\"""")
SKIP_TAGS = frozenset({
    "a", "code", "pre", "kbd", "samp", "abbr", "script", "style", "textarea", "button", "select",
    "svg", "math", "var", "h1", "h2", "h3", "h4", "h5", "h6", "title", "dfn",
    "summary", "label", "option", "optgroup", "legend", "datalist", "output", "meter", "progress",
})
RAW_TEXT = frozenset({"script", "style", "textarea"})
SKIP_CLASSES = frozenset({"no-crosslink", "arithmatex", "headerlink", "primer-term"})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
})
SEPARATOR = CHUNK_SEPARATOR


@dataclass(slots=True)
class _Open:
    name: str
    skip: bool
    entry: str


@dataclass(frozen=True, slots=True)
class TextNode:
    """An eligible text node: its span in the HTML, unescaped text, and a term it must not link."""

    start: int
    end: int
    text: str
    own_term: str


@dataclass(slots=True)
class LinkResult:
    """Linked HTML plus every term mentioned (linked or not)."""

    html: str
    mentioned: set[str] = field(default_factory=set)


def text_nodes(html: str) -> Iterator[TextNode]:
    """Yields the text nodes of `html` that may receive links."""
    stack: list[_Open] = []
    skipping, entry = 0, ""  # open elements that forbid links; innermost glossary entry
    position = 0
    unescape = html_lib.unescape
    for tag in TAG.finditer(html):
        start = tag.start()
        if start < position:  # inside a raw-text element we already skipped
            continue
        if start > position and not skipping:
            yield TextNode(position, start, unescape(html[position:start]), entry)
        position = tag.end()
        closing, name, attrs = tag.groups()
        if name is None:  # a comment
            continue
        name = name.lower()
        if name in VOID_TAGS or (attrs and attrs.rstrip().endswith("/")):
            continue
        attrs = attrs or ""
        if closing:
            if _close(stack, name):
                skipping = sum(item.skip for item in stack)
                entry = next((item.entry for item in reversed(stack) if item.entry), "")
        elif name in RAW_TEXT:
            end = html.lower().find(f"</{name}", position)
            position = len(html) if end < 0 else end
        else:
            opened = _Open(name, _skips(name, attrs), _entry(attrs) if "data-term-entry" in attrs else "")
            stack.append(opened)
            skipping += opened.skip
            entry = opened.entry or entry
    if position < len(html) and not skipping:
        yield TextNode(position, len(html), html_lib.unescape(html[position:]), entry)


def _close(stack: list[_Open], name: str) -> bool:
    """Pops up to and including the innermost open `name` (tolerates unclosed inner tags);
    tells whether anything that affects linking was popped."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].name == name:
            changed = any(item.skip or item.entry for item in stack[index:])
            del stack[index:]
            return changed
    return False


def _skips(name: str, attrs: str) -> bool:
    if name in SKIP_TAGS:
        return True
    if "class" not in attrs:
        return False
    found = CLASS_ATTR.search(attrs)
    return bool(found and SKIP_CLASSES.intersection(found.group(1).strip("'\"").split()))


def _entry(attrs: str) -> str:
    found = ENTRY_ATTR.search(attrs)
    return found.group(1) if found else ""


def link_terms(
    html: str,
    matcher: TermMatcher,
    render_link: Callable[[str, str], str],
    *,
    first_only: bool = True,
) -> LinkResult:
    """Links term mentions in `html`.

    Arguments:
        matcher: the language's term automaton.
        render_link: (term id, matched text) -> the HTML of the link.
        first_only: link only the first mention of each term on the page.
    """
    nodes = list(text_nodes(html))
    joined = SEPARATOR.join(node.text for node in nodes)
    matches = matcher.find_in_prose(joined)
    result = LinkResult(html=html, mentioned={m.term_id for m in matches})
    per_node = _assign(nodes, matches, first_only)
    if not per_node:
        return result
    pieces, position = [], 0
    for index, node_matches in sorted(per_node.items()):
        node = nodes[index]
        pieces.append(html[position:node.start])
        pieces.append(_relink(node.text, node_matches, render_link))
        position = node.end
    pieces.append(html[position:])
    result.html = "".join(pieces)
    return result


def _assign(nodes: list[TextNode], matches: list[Match], first_only: bool) -> dict[int, list[Match]]:
    """Maps node index -> matches to link inside it, with offsets local to the node."""
    starts, offset = [], 0
    for node in nodes:
        starts.append(offset)
        offset += len(node.text) + len(SEPARATOR)
    per_node: dict[int, list[Match]] = {}
    linked: set[str] = set()
    index = 0
    for match in matches:
        while index + 1 < len(starts) and starts[index + 1] <= match.start:
            index += 1
        if nodes[index].own_term == match.term_id or (first_only and match.term_id in linked):
            continue
        linked.add(match.term_id)
        local = Match(match.start - starts[index], match.end - starts[index], match.term_id)
        per_node.setdefault(index, []).append(local)
    return per_node


def _relink(text: str, matches: list[Match], render_link: Callable[[str, str], str]) -> str:
    """Re-escapes a text node with links around its matches."""
    out, position = [], 0
    for match in matches:
        out.append(html_lib.escape(text[position:match.start], quote=False))
        out.append(render_link(match.term_id, text[match.start:match.end]))
        position = match.end
    out.append(html_lib.escape(text[position:], quote=False))
    return "".join(out)
