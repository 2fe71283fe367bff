"""The site's languages: the one place that lists them and says how each is written and published.

Every module, hook, template and export reads its languages from `LANGUAGES`; adding a language is
one entry here, its MkDocs config (INHERIT mkdocs.yml) and its interface words in
templates/strings.yml. A language is either written (contributors write its texts: `zh.md`,
`en:` fields) or derived: its texts are converted at load time from the language it names in
`derived_from` (the 繁體中文 edition is converted from Simplified Chinese)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Collation = Literal["pinyin", "stroke", "alphabetical"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """One edition of the site."""

    code: str  # how content, strings and code name it (`zh-Hant`); the key of `en:`/`zh:` fields
    name: str  # its own name, as the language switcher shows it
    tag: str  # BCP 47: `lang` attributes, hreflang, EPUB/JSON-LD `inLanguage`
    folder: str  # URL folder under the site root and folder under site/ (`zh-hant`)
    locale: str  # Open Graph locale (`zh_TW`)
    config: str  # its MkDocs config file
    search: tuple[str, ...]  # lunr languages of its search index (Material's `search.lang`)
    collation: Collation  # how the glossary's index orders terms
    date_format: str  # strftime pattern of dates shown to readers
    thousands: str  # digit group separator of large numbers ('' for none)
    # How large counts are said: (power of ten, unit word), largest first; none: all digits, grouped.
    count_units: tuple[tuple[int, str], ...] = ()
    pdf_fonts: tuple[str, ...]  # font families of the PDF's print CSS, most wanted first
    contributing: str  # the contributor guide it shows
    derived_from: str | None = None  # the written language its texts are converted from
    converter: str = ""  # how: a name of primer.content.derived.CONVERTERS
    browser_prefixes: tuple[str, ...] = ()  # navigator.language values (lower case) sent to it

    @property
    def written(self) -> bool:
        """True when contributors write this language's texts (not converted from another)."""
        return self.derived_from is None

    @property
    def text_source(self) -> str:
        """Returns the code of the written language its texts come from (itself when written)."""
        return self.derived_from or self.code


# Latin faces with real bold first, then a TrueType CJK face (WenQuanYi: Simplified and Traditional;
# Noto CJK's CFF outlines would print as Type 3), then DejaVu Sans for symbols neither has.
PDF_FONTS = ("Liberation Sans", "Arial", "WenQuanYi Micro Hei", "DejaVu Sans")
# Chinese books: WenQuanYi first, for Latin letters and digits too. One face per sentence: no font
# switch (and no Latin subsets to embed) at every English word, which made the zh PDF 6 % larger;
# and one weight for both scripts (WenQuanYi has no bold face; Chinese emphasis is coloured).
CJK_PDF_FONTS = ("WenQuanYi Micro Hei", "Liberation Sans", "DejaVu Sans")
LANGUAGES: tuple[Language, ...] = (
    Language(code="zh", name="简体中文", tag="zh-Hans", folder="zh", locale="zh_CN", config="mkdocs.yml",
             search=("zh", "en"), collation="pinyin", date_format="%Y年%-m月%-d日", thousands="",
             count_units=((12, "万亿"), (8, "亿"), (4, "万")), pdf_fonts=CJK_PDF_FONTS,
             contributing="CONTRIBUTING.zh.md", browser_prefixes=("zh",)),
    Language(code="en", name="English", tag="en", folder="en", locale="en_US", config="mkdocs.en.yml",
             search=("en", "zh"), collation="alphabetical", date_format="%-d %B %Y", thousands=",",
             count_units=((12, "T"), (9, "B"), (6, "M"), (3, "K")), pdf_fonts=PDF_FONTS,
             contributing="CONTRIBUTING.md", browser_prefixes=("en",)),
    # Taiwan's 繁體中文, converted from zh (OpenCC s2twp plus content/zh-hant/phrases.yml); Hong Kong
    # and Macau readers are sent here too: closer to what they read than Simplified.
    Language(code="zh-Hant", name="繁體中文", tag="zh-Hant", folder="zh-hant", locale="zh_TW",
             config="mkdocs.zh-Hant.yml", search=("zh", "en"), collation="stroke", date_format="%Y年%-m月%-d日",
             thousands="", count_units=((12, "兆"), (8, "億"), (4, "萬")), pdf_fonts=CJK_PDF_FONTS,
             contributing="CONTRIBUTING.zh.md", derived_from="zh",
             converter="hant", browser_prefixes=("zh-hant", "zh-tw", "zh-hk", "zh-mo")),
)
DEFAULT = LANGUAGES[0]  # the root page's fallback and hreflang x-default
BY_CODE = {language.code: language for language in LANGUAGES}
CODES = tuple(BY_CODE)
WRITTEN = tuple(language.code for language in LANGUAGES if language.written)  # keys of content fields


def language(code: str) -> Language:
    """Returns the language named `code`; raises KeyError naming the known ones otherwise."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown language {code!r}: the site has {', '.join(CODES)}") from None


def text_source(code: str) -> str:
    """Returns the written language whose texts `code` shows (converted, for a derived language)."""
    found = BY_CODE.get(code)
    return found.text_source if found else code


def by_folder(folder: str) -> Language:
    """Returns the language published under URL folder `folder`."""
    return next(candidate for candidate in LANGUAGES if candidate.folder == folder)


def browser_routes() -> list[tuple[str, str]]:
    """Returns (navigator.language prefix, URL folder) pairs, the longest prefix first, for the
    root page that sends a browser to its language (zh-tw before zh)."""
    pairs = [(prefix, lang.folder) for lang in LANGUAGES for prefix in lang.browser_prefixes]
    return sorted(pairs, key=lambda pair: -len(pair[0]))
