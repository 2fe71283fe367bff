"""Reading time of a section, estimated at build time from its Markdown text.

Rates: the International Reading Speed Texts (Trauzettel-Klosinski & Dietz, IReST, Invest.
Ophthalmol. Vis. Sci. 53(9):5452–5461, 2012, doi:10.1167/iovs.11-8284), Table 2: native adult
readers of texts matched across languages read Chinese at about 255 characters a minute and
English at about 228 words a minute. One study for both languages keeps the two editions'
estimates comparable; Brysbaert's meta-analysis (J. Mem. Lang. 109, 2019) puts silent reading of
English non-fiction at 238 words a minute, close to the figure used here."""

from __future__ import annotations

import math
import re

from primer.content.markdown_refs import prose_lines

CHINESE_CHARACTERS_PER_MINUTE = 255
ENGLISH_WORDS_PER_MINUTE = 228

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Latin word, number or name (GPT-3, 1750, self-attention) counts as one word in either language.
WORD = re.compile(r"[A-Za-z0-9]+(?:['’.\-][A-Za-z0-9]+)*")
# What a reader does not read: link targets, citations, heading ids, attribute lists, raw HTML tags,
# admonition and details markers (their quoted titles are read).
MARKUP = re.compile(
    r"\]\([^)]*\)|\[@[^\]]*\]|\{[:#.][^}]*\}|<[^>]+>|^\s*(?:!!!|\?\?\?)\+?\s*[a-z-]+|\bhttps?://\S+", re.M)


def readable_text(markdown: str) -> str:
    """Returns the words a reader reads in a Markdown body: no code blocks, link targets or markup."""
    lines = [line for _, line in prose_lines(markdown)]
    return MARKUP.sub(" ", "\n".join(lines))


def reading_minutes(markdown: str) -> int:
    """Returns the estimated minutes to read a body, rounded, at least 1: Han characters at the
    Chinese rate, Latin words (also the names and numbers in Chinese text) at the English rate."""
    text = readable_text(markdown)
    han = len(HAN.findall(text))
    words = len(WORD.findall(HAN.sub(" ", text)))
    minutes = han / CHINESE_CHARACTERS_PER_MINUTE + words / ENGLISH_WORDS_PER_MINUTE
    return max(1, math.floor(minutes + 0.5))
