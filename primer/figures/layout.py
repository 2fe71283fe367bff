"""Text measurement and line wrapping for SVG labels, without a font at build time.

Widths are estimated per character class, on the generous side so a label that fits here fits in
the reader's font: a CJK character is about 1 em wide, Latin letters about half of one."""

from __future__ import annotations

import re
import unicodedata

FONT_SIZES = {"small": 12.0, "normal": 14.0, "large": 17.0}
LINE_HEIGHT = 1.3
NARROW = set("ilIjtf.,:;'|!()[] ")
WIDE_UPPER = set("MWmw@%")
# Where a line may break: after a space, or around any CJK character (not before closing punctuation).
TOKEN = re.compile(r"[ \t]+|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|.", re.S)
NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


def char_width(char: str) -> float:
    """Returns the estimated width of one character in em."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char in NARROW:
        return 0.3
    if char in WIDE_UPPER:
        return 0.85
    if char.isupper() or char.isdigit():
        return 0.64
    return 0.56


def text_width(text: str, size: str = "normal") -> float:
    """Returns the estimated width of `text` in px at a font size name."""
    return sum(char_width(char) for char in text) * FONT_SIZES[size]


def wrap(text: str, width: float, size: str = "normal") -> list[str]:
    """Splits `text` into lines no wider than `width` px where it can (explicit newlines kept).

    A single word wider than `width` stays on its own line; the caller reports it."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for token in TOKEN.findall(paragraph):
            candidate = current + token
            if current and text_width(candidate.rstrip(), size) > width and token.strip() \
                    and token[0] not in NO_LINE_START:
                lines.append(current.rstrip())
                current = token.lstrip()
            else:
                current = candidate
        lines.append(current.strip())
    return lines


def line_height(size: str = "normal") -> float:
    """Returns the distance between two baselines in px."""
    return FONT_SIZES[size] * LINE_HEIGHT
