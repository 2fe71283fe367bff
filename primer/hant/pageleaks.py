"""Simplified leaks in a built zh-Hant page: its text and attribute values, in the page's language.

An element marked as another language keeps its own script: the language switcher names 简体中文 in
Simplified characters (`lang="zh-Hans"`), as a reader of that language expects to find it. Such
elements and everything inside them are skipped; everything else must be Traditional."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from primer.hant.leaks import Leak, find_leaks

OWN_LANGUAGES = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True, slots=True)
class PageLeak:
    """A Simplified-only character in a page: where (`text` or an attribute's name) and the phrase."""

    where: str
    leak: Leak

    def describe(self, page: str) -> str:
        """Returns `page: text '…这是…' has 这`, the form a failing test prints."""
        return f"{page}: {self.where} '{self.leak.context}' has {self.leak.character}"


def page_leaks(html: str) -> list[PageLeak]:
    """Returns the Simplified-only characters of a page's text and attributes, in document order."""
    scanner = _LeakScanner()
    scanner.feed(html)
    scanner.close()
    return scanner.leaks


def _foreign(attrs: list[tuple[str, str | None]]) -> bool:
    """Tells whether an element declares a language other than Traditional Chinese."""
    lang = dict(attrs).get("lang")
    return lang is not None and not lang.lower().startswith(OWN_LANGUAGES)


class _LeakScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.leaks: list[PageLeak] = []
        self._open: list[tuple[str, bool]] = []  # (tag, inside another language)

    @property
    def _skipping(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        foreign = self._skipping or _foreign(attrs)
        if not foreign:
            self.leaks += [PageLeak(name, leak) for name, value in attrs if value for leak in find_leaks(value)]
        if tag not in VOID:
            self._open.append((tag, foreign))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not (self._skipping or _foreign(attrs)):
            self.leaks += [PageLeak(name, leak) for name, value in attrs if value for leak in find_leaks(value)]

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.leaks += [PageLeak("text", leak) for leak in find_leaks(data)]
