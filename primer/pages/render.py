"""The one Jinja environment for generated pages (templates in files, autoescape, StrictUndefined)."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from primer.build.cache import cache_dir
from primer.content.yamlsource import safe_load
from primer.languages import LANGUAGES
from primer.pages.sanitize import sanitize_html

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
MARKDOWN_CHARS = re.compile(r"[*_`\[\]()<>&\\!#~|=:]")


def template_cache() -> jinja2.BytecodeCache:
    """Keeps compiled templates between builds (keyed by template file and source, Jinja writes
    them by rename); compiling Material's templates costs ~0.2 s per build otherwise."""
    return jinja2.FileSystemBytecodeCache(str(cache_dir()), "primer-jinja-%s.cache")


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """Returns the shared environment; built once per process."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        # HTML and Markdown are escaped; plain-text outputs (llms.txt, YAML scaffolds) are not HTML.
        autoescape=jinja2.select_autoescape(disabled_extensions=("txt.j2", "yml.j2"), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids look like `{#id}`, so Jinja comments are `{## … ##}` here.
        comment_start_string="{##",
        comment_end_string="##}",
        bytecode_cache=template_cache(),
    )
    env.filters["inline_md"] = inline_markdown
    env.filters["plain"] = plain_text
    env.filters["jsonld"] = json_ld
    env.filters["filesize"] = file_size
    return env


@lru_cache(maxsize=4)
def ui_strings(templates: Path = TEMPLATES) -> dict[str, dict[str, str]]:
    """Returns the interface words of generated pages per language."""
    data: dict[str, dict[str, str]] = safe_load((templates / "strings.yml").read_text(encoding="utf-8"))
    for derived in LANGUAGES:
        if derived.derived_from is not None and derived.derived_from in data:
            data[derived.code] = derived_strings(templates.parent, derived.code, data[derived.derived_from],
                                                 data.get(derived.code, {}))
    return data


def derived_strings(root: Path, code: str, source: dict[str, str], written: dict[str, str]) -> dict[str, str]:
    """Returns the interface words of derived language `code`: converted from its source
    language's, except those written for it under its own key in strings.yml."""
    from primer.content.derived import text_converter  # it imports the model, which renders nothing

    convert = text_converter(root, code)
    return {key: convert(value) for key, value in source.items()} | written


def render(template: str, **context: Any) -> str:
    """Renders one template file with the shared environment."""
    return environment().get_template(template).render(**context)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """One converter for short texts (creating one per text costs ~1 ms each)."""
    return markdown.Markdown(output_format="html")


def markdown_html(text: str) -> str:
    """Converts a short Markdown text to (unsanitized) HTML."""
    html: str = _markdown().reset().convert(text)
    return html


def has_markup(text: str) -> bool:
    """Tells whether a text could mean anything to Markdown; most definitions are plain prose."""
    return MARKDOWN_CHARS.search(text) is not None


@cache  # definitions are read several times per build (page, tooltip, JSON-LD)
def inline_markdown(text: str) -> Markup:
    """Renders a short inline-Markdown text (a definition, a summary) to sanitized HTML."""
    if not has_markup(text):
        return Markup.escape(" ".join(text.split()))  # same result, without a Markdown pass
    html = markdown_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(sanitize_html(html))


@cache
def plain_text(text: str) -> str:
    """Returns the readable text of an inline-Markdown string (for tooltips and meta tags)."""
    if not has_markup(text):
        return " ".join(text.split())
    return " ".join(Markup(markdown_html(text)).striptags().split())


SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s+[A-Z0-9“\"(])")


def first_sentence(text: str) -> str:
    """Returns the first sentence of a plain text (a Chinese full stop, or an English one followed by
    a capitalised word, so 'e.g. GPT-3.5 is' stays whole)."""
    end = SENTENCE_END.search(text)
    return text[: end.end()] if end else text


def json_ld(data: Any) -> Markup:
    """Serializes structured data for a `<script type="application/ld+json">` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # `<` cannot close the script element once escaped; the JSON stays equivalent.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def file_size(size: int) -> str:
    """Formats a byte count for readers: 512 B, 3.4 KB, 12.0 MB."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
