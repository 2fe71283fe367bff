"""What the browser's search needs beyond Material's index: every glossary name per entry, and the
index written in UTF-8.

How search works, index side (the query side is docs/assets/javascripts/workers/primer-search.js):
Material's plugin cuts every Han run of a page with jieba, whose user dictionary holds every
glossary term, alias and model name (`primer.search.segmentation`), and joins the words with U+200B. The
browser then splits the text with the `separator` of mkdocs.yml and builds a lunr index. Three
reasons the index itself made readers miss, fixed in the `search:` blocks of mkdocs.yml and
mkdocs.en.yml:

- The separator `[\\s\\u200b\\-]+` left Latin words glued to Chinese punctuation: jieba only cuts
  Han runs, so `GPT、ChatGPT` was one token `gpt、chatgpt` that `chatgpt` could not find.
- The English site's pipeline had no stemmer (Material's English default keeps only the stop-word
  filter), so `tokens` was indexed as `tokens` and `token` as `token`.
- The Chinese site ran lunr's English stemmer on queries only (`lunr.zh` replaces the index
  pipeline but not the query pipeline), so a stemmed query word could never meet its indexed form.

Material writes the index with `json.dumps` defaults: every Chinese character and every U+200B as
a six-byte `\\uXXXX` escape. Written as UTF-8 the same index is a third smaller, which pays for the
glossary names the ranking needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from primer.content.fields import LANGS
from primer.model import Content


def glossary_names(content: Content, glossary: str) -> dict[str, list[str]]:
    """Returns every name of every term in both languages (term, aliases, abbreviation), keyed by
    the location of its glossary entry in the search index (`glossary`: the glossary page's URL), in
    a stable order."""
    names: dict[str, list[str]] = {}
    for term_id in sorted(content.terms):
        term = content.terms[term_id]
        found = [name for lang in LANGS for name in term.names(lang)]
        names[f"{glossary}#{term_id}"] = list(dict.fromkeys(found))
    return names


def add_search_data(index: dict[str, Any], names: dict[str, list[str]]) -> dict[str, Any]:
    """Returns the index with the glossary names of entries it holds, under `config.primer`
    (Material hands the whole config to its worker)."""
    locations = {doc["location"] for doc in index["docs"]}
    config = {**index["config"], "primer": {"names": {where: found for where, found in names.items()
                                                      if where in locations}}}
    return {**index, "config": config}


def index_json(index: dict[str, Any]) -> str:
    """Serializes the index as Material does, but in UTF-8 rather than ASCII escapes. U+2028 and
    U+2029 stay escaped: the offline archive inlines the JSON into a script."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def rewrite_search_index(site_dir: Path, content: Content, glossary: str) -> Path | None:
    """Adds the glossary names to the language's search index and writes it in UTF-8; returns its
    path, or None when the build has no search index."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    index = add_search_data(index, glossary_names(content, glossary))
    path.write_text(index_json(index), encoding="utf-8")
    return path
