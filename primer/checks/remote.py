"""Finds what in contributors' Markdown, raw HTML or YAML text would make a reader's browser load a
file from another host: images, media, frames, objects, `srcset`, SVG `href`, CSS `url()` and
`@import`, `<link>`. The site promises that every page loads only its own files (offline archive
included). Links to other sites (`<a href>`, `[text](https://…)`) are not loads and stay allowed.

Code (fenced blocks and code spans) is text, not markup, and is skipped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from primer.content.markdown_refs import prose_lines
from primer.issues import Issue, Spot

CODE_SPAN = re.compile(r"(`+).*?\1")
MD_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)")
MD_IMAGE_BY_LABEL = re.compile(r"!\[((?:[^\]\\]|\\.)*)\](?!\()(?:\[((?:[^\]\\]|\\.)*)\])?")
REFERENCE = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*<?([^\s>]+)", re.M)
TAG = re.compile(r"<([a-zA-Z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|$)", re.S | re.I)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
# A scheme (other than data:, which names no host) or a network path (`//host`, `\\host`).
REMOTE_URL = re.compile(r"^(?!data:)(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2})")
URL_ATTRIBUTES = frozenset({"src", "poster", "data", "background", "lowsrc", "dynsrc", "xlink:href", "codebase",
                            "archive", "manifest", "icon", "ping", "formaction", "action", "cite", "longdesc"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
# <a href> is a link the reader chooses to follow; href on any other element (link, image, use,
# feImage, base, area's siblings) is fetched by the browser.
LINK_ELEMENTS = frozenset({"a", "area"})


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoteResource(Spot):
    """A reference that loads from another host: where it starts, what holds it, the URL."""

    holder: str
    url: str


def is_remote(url: str) -> bool:
    """Tells whether a browser would fetch `url` from a host other than the page's."""
    return bool(REMOTE_URL.match("".join(html.unescape(url).split())))


def without_code(text: str) -> str:
    """Returns `text` with fenced code blocks and code spans blanked out; offsets are kept."""
    lines = text.split("\n")
    prose = dict(prose_lines(text))
    for index, line in enumerate(lines):
        blank = index + 1 not in prose
        lines[index] = " " * len(line) if blank else CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    return "\n".join(lines)


def remote_resources(text: str) -> Iterator[RemoteResource]:
    """Yields every remote resource `text` (Markdown, raw HTML or YAML) would load, in order."""
    prose = without_code(text)
    found: list[tuple[int, str, str]] = []  # (offset, holder, url)
    found += [(m.start(1), "image", m.group(1)) for m in MD_IMAGE.finditer(prose) if is_remote(m.group(1))]
    labels = {(m.group(2) or m.group(1)).lower() for m in MD_IMAGE_BY_LABEL.finditer(prose)}
    found += [(m.start(2), "image", m.group(2)) for m in REFERENCE.finditer(prose)
              if m.group(1).lower() in labels and is_remote(m.group(2))]
    for tag in TAG.finditer(prose):
        found += _in_tag(tag)
    for style in STYLE_ELEMENT.finditer(prose):
        found += [(style.start(1) + offset, "<style>", url) for offset, url in _css_urls(style.group(1))]
    for offset, holder, url in sorted(found):
        line = prose.count("\n", 0, offset) + 1
        yield RemoteResource(line=line, column=offset - (prose.rfind("\n", 0, offset) + 1) + 1, holder=holder, url=url)


def _in_tag(tag: re.Match[str]) -> list[tuple[int, str, str]]:
    """Remote URLs in one tag's attributes, as (offset, holder, url)."""
    name = tag.group(1).lower()
    found = []
    for attribute in ATTRIBUTE.finditer(tag.group(2)):
        key, quoted = attribute.group(1).lower(), attribute.group(2) or ""
        value = quoted[1:-1] if quoted[:1] in "\"'" and len(quoted) > 1 else quoted
        offset = tag.start(2) + attribute.start(2) + (1 if quoted[:1] in "\"'" else 0)
        holder = f"<{name} {key}>"
        if key in URL_ATTRIBUTES or (key == "href" and name not in LINK_ELEMENTS) or key.endswith(":href"):
            urls = [value]
        elif key in SRCSET_ATTRIBUTES:
            urls = [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
        elif key == "style":
            found += [(offset + inner, holder, url) for inner, url in _css_urls(html.unescape(value))]
            continue
        else:
            continue
        found += [(offset, holder, url) for url in urls if is_remote(url)]
    return found


def _css_urls(css: str) -> Iterator[tuple[int, str]]:
    """Remote `url(…)` and `@import` targets in CSS, with their offsets (escapes undone)."""
    for match in CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        unescaped = CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), url)
        if is_remote(unescaped):
            yield match.start(), url


def remote_resource_issues(text: str, shown: str) -> list[Issue]:
    """Returns an error for each remote resource in a content file's text."""
    return [found.issue(shown, f"{found.holder} '{found.url}' would be loaded from another host; pages load only "
                               "the site's own files: put the file under the site's assets (docs/assets/) instead, "
                               "or link to the page that shows it")
            for found in remote_resources(text)]
