"""Conversion of Markdown source: text is converted, syntax and machine-read parts are not.

Link targets (`section:`, `term:`, `event:`, `page:` and URLs), citations `[@source-id]`, attribute
lists `{#anchor}`, code and HTML markup are read by the generator or by a browser, so a changed
character breaks a link or a citation, or changes what a code sample means. An HTML tag is kept
except the values of its text-bearing attributes (`title`, `alt`, `aria-label`), which readers see.
Fences marked `text` hold prose shown as is (e.g. how a tokenizer cuts a Chinese sentence), not
code: a Traditional reader should read them in Traditional characters, so they are converted."""

from __future__ import annotations

import re
from collections.abc import Callable

Convert = Callable[[str], str]

# Kept as they are, in this order of precedence (a fence before the backticks inside it).
PROTECTED = re.compile(
    r"""
      (?P<open>^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n)                  # fenced code
      (?P<body>[\s\S]*?)(?P<close>^[ \t]*(?P=fence)[ \t]*$|\Z)
    | (?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`)     # code span
    | <!--[\s\S]*?-->                               # HTML comment
    | \]\([^)\n]*\)                                 # link target: ](section:history#eras)
    | ^[ \t]*\[[^\]\n]+\]:[^\n]*                    # link reference definition
    | \[@[^\]\n]*\]                                 # citation: [@brown-2020-gpt3]
    | \{[:#.][^}\n]*\}                              # attribute list: {#emergence}
    | <https?://[^>\s]*>                            # autolink
    | https?://[^\s)\]>\u3000-\u303f\uff00-\uffef]+    # bare URL, ends at CJK punctuation (，。)
    """,
    re.VERBOSE | re.MULTILINE,
)
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
TEXT_ATTRIBUTE = re.compile(r"""(\s(?:title|alt|aria-label)\s*=\s*)("[^"]*"|'[^']*')""", re.IGNORECASE)


def convert_markdown(source: str, convert: Convert) -> str:
    """Returns Markdown `source` with its text converted by `convert` and its syntax kept."""
    pieces: list[str] = []
    done = 0
    for match in PROTECTED.finditer(source):
        pieces += [_convert_html(source[done:match.start()], convert), _protected(match, convert)]
        done = match.end()
    pieces.append(_convert_html(source[done:], convert))
    return "".join(pieces)


def _protected(match: re.Match[str], convert: Convert) -> str:
    """Returns a protected span as it is, except the body of a `text` fence, converted."""
    if match.group("fence") and match.group("info").strip() == "text":
        return match.group("open") + convert(match.group("body")) + match.group("close")
    return match.group()


def _convert_html(text: str, convert: Convert) -> str:
    """Converts text around HTML tags, and inside a tag only its text-bearing attributes."""
    pieces: list[str] = []
    done = 0
    for tag in TAG.finditer(text):
        pieces += [convert(text[done:tag.start()]), _convert_attributes(tag.group(), convert)]
        done = tag.end()
    pieces.append(convert(text[done:]))
    return "".join(pieces)


def _convert_attributes(tag: str, convert: Convert) -> str:
    return TEXT_ATTRIBUTE.sub(lambda match: match.group(1) + convert(match.group(2)), tag)
