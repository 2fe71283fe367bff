"""The content of a derived language (primer/languages.py): the written model with the texts of
the language it comes from converted, made once per content version and cached like the model.

Only texts change: ids, paths, numbers and URLs stay. Markdown (bodies, definitions, summaries)
is converted as Markdown, so code, links and attributes are kept; a section or page folder's
`zh-Hant.md`, written by a contributor, replaces its converted body."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from primer.build.cache import cached, digest
from primer.hant.convert import HantConverter
from primer.hant.markdown import convert_markdown
from primer.hant.phrases import hant_body, hant_converter
from primer.languages import WRITTEN, Language, language
from primer.model import Content, Document, Localized, Origin, Source

Convert = Callable[[str], str]
# The converters a derived language can name (`Language.converter`): Simplified to Taiwan's Traditional.
CONVERTERS: dict[str, Callable[[Path], HantConverter]] = {"hant": hant_converter}


def converter_of(root: Path, code: str) -> HantConverter:
    """Returns the converter of derived language `code`."""
    return CONVERTERS[language(code).converter](root)


@lru_cache(maxsize=8)
def text_converter(root: Path, code: str, *, code_too: bool = False) -> Convert:
    """Returns the function that turns Markdown of the source language into language `code`
    (`code_too`: code and HTML as well, when they hold prose)."""
    converter = converter_of(root, code)
    return converter.convert if code_too else lambda text: convert_markdown(text, converter.convert)


def derived_content(root: Path, content: Content, code: str, version: str) -> Content:
    """Returns the content as language `code` shows it: `content` itself for a written language,
    else converted (cached for `version`, the content version the model was loaded from)."""
    lang = language(code)
    if lang.written:
        return content
    return cached(f"content-{code}", root, digest(version, code), lambda: derive(root, content, lang))


def derive(root: Path, content: Content, lang: Language) -> Content:
    """Returns `content` with every text of `lang`'s source language converted to `lang`."""
    assert lang.derived_from is not None
    convert = text_converter(root, lang.code)
    converter = converter_of(root, lang.code)
    source = lang.derived_from

    def body(document: Document) -> str:
        folder = root / document.body_paths.get(source).rsplit("/", 1)[0]
        return hant_body(folder, converter)

    derived: Content = Deriver(source, convert, body).value(content)
    return derived


@dataclasses.dataclass(frozen=True, slots=True)
class Deriver:
    """Walks the model and converts the source language's texts (see `derive`)."""

    source: str
    convert: Convert
    body: Callable[[Document], str]

    def value(self, value: Any) -> Any:
        if isinstance(value, Source):  # a Chinese title is shown in the edition's characters
            return dataclasses.replace(value, title=self.convert(value.title), venue=self.convert(value.venue))
        if isinstance(value, Origin | str | int | float | bool) or value is None:
            return value  # origins and bare strings hold paths and ids, not texts
        if isinstance(value, Localized):
            return dataclasses.replace(value, **{self.source: self.convert(value.get(self.source))})
        if isinstance(value, Document):
            converted = self.fields(value, skip=("bodies", "body_paths"))
            bodies = dataclasses.replace(value.bodies, **{self.source: self.body(value)})
            return dataclasses.replace(converted, bodies=bodies)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self.fields(value)
        if isinstance(value, dict):
            return self.mapping(value)
        if isinstance(value, tuple | list):
            return type(value)(self.value(item) for item in value)
        return value

    def fields(self, value: Any, skip: tuple[str, ...] = ()) -> Any:
        changes = {f.name: self.value(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.init and f.name not in skip}
        return dataclasses.replace(value, **changes)

    def mapping(self, value: dict[Any, Any]) -> dict[Any, Any]:
        if self.source in value and set(value) <= set(WRITTEN):  # a text per language: convert one
            return {key: self.texts(item) if key == self.source else item for key, item in value.items()}
        return {key: self.value(item) for key, item in value.items()}

    def texts(self, value: Any) -> Any:
        """Converts every string of a per-language value (a string, strings, a dataclass of them)."""
        if isinstance(value, str):
            return self.convert(value)
        if isinstance(value, tuple | list):
            return type(value)(self.texts(item) for item in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: self.texts(getattr(value, f.name))
                                                 for f in dataclasses.fields(value) if f.init})
        return value
