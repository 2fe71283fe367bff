"""Chinese typography rules of CONTRIBUTING.md ("Style"), as warnings with a safe automatic fix:
one space between CJK and Latin letters or digits, full-width punctuation next to CJK, and no
space between CJK and full-width punctuation. Code, URLs, link targets and ids are never touched."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from primer.content.markdown_refs import prose_lines
from primer.content.yamlsource import read_text
from primer.issues import Issue

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_PUNCT = "，。、；：？！（）“”「」《》"
PROTECTED = re.compile(
    r"`+[^`]*`+"                      # inline code
    r"|\]\([^)]*\)"                   # link targets
    r"|\{[^}]*\}"                     # attribute lists such as {#id}
    r"|\[@[^\]]*\]"                   # citations
    r"|<[^>]+>"                       # HTML tags
    r"|https?://\S+"                  # bare URLs
)
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One typography rule: what it finds, how it is fixed, what it says."""

    pattern: re.Pattern[str]
    fix: Callable[[re.Match[str]], str]
    message: str


RULES = (
    Rule(re.compile(rf"(?<=[{CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])(?=[{CJK}])"),
         lambda m: " ",
         "put one space between Chinese and Latin letters or digits"),
    Rule(re.compile(rf"(?<=[{CJK}])([,;:?!])|([,;:?!])(?=[{CJK}])"),
         lambda m: HALF_TO_FULL[m.group(1) or m.group(2)],
         "use full-width punctuation in Chinese text (，；：？！)"),
    Rule(re.compile(rf"(?<=[{CJK}])\(([^()]*)\)|\(([^()]*)\)(?=[{CJK}])"),
         lambda m: f"（{m.group(1) if m.group(1) is not None else m.group(2)}）",
         "use full-width parentheses （） in Chinese text"),
    Rule(re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{FULL_PUNCT}])|(?<=[{FULL_PUNCT}])[ \t]+(?=[{CJK}])"),
         lambda m: "",
         "no space between Chinese text and full-width punctuation"),
)


# Any place where some rule applies: most lines have none and skip the rules one by one.
ANY_RULE = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in RULES))
# What every match of a rule contains: two neighbouring characters of the right kinds. Unlike
# ANY_RULE it has no look-arounds, so it scans a clean line about three times faster; a line
# without such a pair has nothing to fix anywhere, protected parts included.
NEIGHBOURS = re.compile(
    rf"[{CJK}][A-Za-z0-9,;:?!(]|[A-Za-z0-9%,;:?!)][{CJK}]|[{CJK}][ \t]+[{FULL_PUNCT}]|[{FULL_PUNCT}][ \t]+[{CJK}]"
)


def prose_spans(line: str) -> Iterator[tuple[int, int]]:
    """Yields the [start, end) spans of a line that are prose (not code, URLs, ids, tags)."""
    position = 0
    for protected in PROTECTED.finditer(line):
        if protected.start() > position:
            yield position, protected.start()
        position = protected.end()
    if position < len(line):
        yield position, len(line)


def check_line(line: str) -> tuple[list[tuple[int, str]], str]:
    """Returns (column, message) problems of one line and the line with all of them fixed."""
    if not NEIGHBOURS.search(line):
        return [], line
    return check_spans(line)


def check_spans(line: str) -> tuple[list[tuple[int, str]], str]:
    """`check_line` without the shortcut for clean lines: every prose span against every rule."""
    problems: list[tuple[int, str]] = []
    pieces, position = [], 0
    for start, end in prose_spans(line):
        pieces.append(line[position:start])
        text = line[start:end]
        if not ANY_RULE.search(text):
            pieces.append(text)
            position = end
            continue
        for rule in RULES:  # positions are reported in the original line
            found = rule.pattern.finditer(line[start:end])
            problems.extend((start + match.start() + 1, rule.message) for match in found)
        for rule in RULES:
            text = rule.pattern.sub(rule.fix, text)
        pieces.append(text)
        position = end
    pieces.append(line[position:])
    return sorted(set(problems)), "".join(pieces)


YAML_TEXT_KEY = re.compile(r"^(\s*)(?:- )?(term|definition|summary|description|title|name)(:\s*)(.*)$")
YAML_ZH_BLOCK = re.compile(r"^(\s*)(?:- )?zh:\s*$")


def yaml_text_lines(lines: list[str]) -> Iterator[tuple[int, int]]:
    """Yields (line index, column where Chinese text starts) of block-style `zh:` values in YAML.

    Flow-style lines (`zh: {…}`, `[a, b]`) are skipped: their commas are YAML syntax."""
    zh_indent = -1
    in_block_scalar = -1
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if line.strip() and zh_indent >= 0 and indent <= zh_indent:
            zh_indent = -1
        if in_block_scalar >= 0:
            if not line.strip() or indent > in_block_scalar:
                yield index, indent
                continue
            in_block_scalar = -1
        block = YAML_ZH_BLOCK.match(line)
        if block:
            zh_indent = len(block.group(1))
            continue
        key = YAML_TEXT_KEY.match(line)
        if zh_indent >= 0 and key:
            value = key.group(4)
            if value.startswith((">", "|")):
                in_block_scalar = indent
            elif value and not value.startswith(("{", "[", "'", '"')):
                yield index, len(line) - len(value)


def check_file(path: Path, shown: str) -> tuple[list[Issue], str | None]:
    """Returns the typography warnings of a zh.md or content YAML file and its fixed text
    (None when nothing changes)."""
    text, _unreadable = read_text(path, shown)
    if text is None:
        return [], None  # unreadable: the loader reports it
    return check_text(text, path.suffix == ".md", shown)


def check_text(text: str, markdown: bool, shown: str) -> tuple[list[Issue], str | None]:
    """`check_file` for a file's text (Markdown, else content YAML)."""
    if not NEIGHBOURS.search(text):  # no line has anything to fix (the usual case)
        return [], None
    lines = text.split("\n")
    targets = [(number - 1, 0) for number, _ in prose_lines(text)] if markdown else list(yaml_text_lines(lines))
    issues = []
    for index, column in targets:
        head, body = lines[index][:column], lines[index][column:]
        problems, fixed = check_line(body)
        for col, message in problems:
            issues.append(Issue(path=shown, line=index + 1, column=column + col, message=message, severity="warning"))
        lines[index] = head + fixed
    fixed_text = "\n".join(lines)
    return issues, (fixed_text if fixed_text != text else None)
