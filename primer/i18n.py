"""Language alternates of a page: both languages publish the same page paths side by side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HREFLANG = {"zh": "zh-Hans", "en": "en"}


@dataclass(frozen=True, slots=True)
class Alternate:
    """The same page in one language: relative link for the switcher, absolute URL for hreflang."""

    lang: str
    hreflang: str
    name: str
    href: str
    url: str
    current: bool


def alternates(*, page_url: str, base_url: str, current: str, languages: list[dict[str, Any]],
               site_url: str) -> list[Alternate]:
    """Returns the page in every language.

    Arguments:
        page_url: the page's URL relative to its language root (`sections/history/`).
        base_url: the relative path from the page to its language root (`../..`).
        site_url: the absolute URL of the current language root, if configured.
    """
    root = site_url.rstrip("/").rsplit("/", 1)[0] + "/" if site_url else ""
    result = []
    for language in languages:
        lang = language["lang"]
        href = f"{base_url}/../{lang}/{page_url}"
        result.append(Alternate(lang=lang, hreflang=HREFLANG.get(lang, lang), name=language["name"], href=href,
                                url=f"{root}{lang}/{page_url}" if root else href, current=lang == current))
    return result
