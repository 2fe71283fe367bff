"""The language registry is the only list of languages: product code reads it, and a new entry
is a new edition."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from primer.hant.pageleaks import page_leaks
from primer.languages import BY_CODE, LANGUAGES, WRITTEN, browser_routes, by_folder, language
from tests.helpers import FIXTURES, ROOT, make_project, run_build

REGISTRY = ROOT / "primer" / "languages.py"
PRODUCT_CODE = ("primer/**/*.py", "hooks/*.py", "build.py")
PRODUCT_TEMPLATES = ("templates/**/*.j2", "overrides/**/*.html", "mkdocs*.yml")
NAMES = {name for lang in LANGUAGES for name in (lang.code, lang.folder, lang.tag)} | {"zh-Hant", "zh-hant"}
# A template that spells out languages: two language names in one list or comparison chain.
TEMPLATE_LIST = re.compile(r"""["'](?:zh|en|zh-Hant|zh-hant|zh-Hans)["']\s*(?:,|===?|==)\s*["'](?:zh|en|zh-Hant|zh-hant|zh-Hans)["']""")


def language_lists(tree: ast.AST) -> Iterator[int]:
    """Yields the line of every literal tuple, list, set or dict (keys) naming two or more languages."""
    for node in ast.walk(tree):
        items = node.keys if isinstance(node, ast.Dict) else node.elts if isinstance(
            node, (ast.Tuple, ast.List, ast.Set)) else []
        named = [item.value for item in items if isinstance(item, ast.Constant) and item.value in NAMES]
        if len(set(named)) >= 2:
            yield node.lineno


def product_files(patterns: tuple[str, ...]) -> list[Path]:
    return sorted(path for pattern in patterns for path in ROOT.glob(pattern) if path != REGISTRY)


def test_no_language_list_outside_the_registry() -> None:
    """No module, hook or build script spells out a list of languages: they read primer/languages.py."""
    found = [f"{path.relative_to(ROOT)}:{line}" for path in product_files(PRODUCT_CODE)
             for line in language_lists(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def test_the_literal_list_check_finds_a_list() -> None:
    """The scanner sees tuples, dicts and Literal subscripts of language codes, not a lone code."""
    code = 'A = ("zh", "en")\nB = {"zh": 1, "en": 2}\nC = Literal["zh", "en"]\nD = "zh"\nE = ("zh", "x")\n'
    assert list(language_lists(ast.parse(code))) == [1, 2, 3]


def test_no_language_list_in_templates_or_configs() -> None:
    """Templates, overrides and MkDocs configs neither list languages nor carry `extra.alternate`."""
    found = [f"{path.relative_to(ROOT)}:{number}" for path in product_files(PRODUCT_TEMPLATES)
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if TEMPLATE_LIST.search(line) or re.match(r"\s*alternate:", line)]
    assert found == []


def test_every_language_is_complete_and_unique() -> None:
    """Codes, folders and tags are unique; folders are URL-safe; a derived language names a written one."""
    for field in ("code", "folder", "tag", "config"):
        values = [getattr(lang, field) for lang in LANGUAGES]
        assert len(set(values)) == len(values), field
    for lang in LANGUAGES:
        assert re.fullmatch(r"[a-z0-9-]+", lang.folder), lang.code
        assert (ROOT / lang.config).is_file(), lang.config
        assert lang.derived_from is None or lang.derived_from in WRITTEN, lang.code
        assert by_folder(lang.folder) is lang and language(lang.code) is lang
    assert LANGUAGES[0].written and set(BY_CODE) >= set(WRITTEN)


def test_a_regional_browser_language_goes_to_the_longest_matching_prefix() -> None:
    """Routes for the root page list longer prefixes first, so zh-tw is tried before zh."""
    prefixes = [prefix for prefix, _ in browser_routes()]
    assert prefixes == sorted(prefixes, key=len, reverse=True)
    assert {prefix for lang in LANGUAGES for prefix in lang.browser_prefixes} == set(prefixes)


HONG_KONG = '''    Language(code="zh-HK", name="繁體中文（香港）", tag="zh-HK", folder="zh-hk", locale="zh_HK",
             config="mkdocs.zh-HK.yml", search=("zh", "en"), collation="stroke", date_format="%Y年%-m月%-d日",
             thousands="", pdf_fonts=PDF_FONTS, contributing="CONTRIBUTING.zh.md", derived_from="zh",
             converter="hant"),
)
DEFAULT = LANGUAGES[0]'''


@pytest.mark.slow
def test_one_registry_entry_and_its_config_make_a_new_edition(tmp_path: Path) -> None:
    """A fixture project with one more registry entry (a derived edition) and its MkDocs config
    builds that edition beside the others, in every page's switcher, hreflang links and the root page."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    registry = project / "primer" / "languages.py"
    text = registry.read_text(encoding="utf-8")
    assert text.count(")\nDEFAULT = LANGUAGES[0]") == 1
    registry.write_text(text.replace(")\nDEFAULT = LANGUAGES[0]", HONG_KONG), encoding="utf-8")
    config = (project / "mkdocs.zh-Hant.yml").read_text(encoding="utf-8")
    (project / "mkdocs.zh-HK.yml").write_text(config.replace("zh-hant", "zh-hk").replace("zh-Hant", "zh-HK"),
                                              encoding="utf-8")
    result = run_build(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = (site / "zh-hk" / "sections" / "basics" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="zh-HK" href="https://large-model-primer.github.io/zh-hk/sections/basics/"' in page
    switcher = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-lang="([\w-]+)"', switcher) == ["zh", "en", "zh-Hant", "zh-HK"]
    assert 'href="zh-hk/index.html" hreflang="zh-HK"' in (site / "index.html").read_text(encoding="utf-8")
    assert page_leaks(page) == []
