"""`build.py check`: every content problem at once — validation errors, typography and
unfinished-text warnings, optionally unused terms — and the safe typography fix."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from primer.build.cache import FileMemo, cached, content_version
from primer.checks.remote import remote_resource_issues
from primer.checks.typography import check_file, check_text
from primer.content.fields import LANGS
from primer.content.loader import load_content_cached
from primer.content.yamlsource import read_text
from primer.hant.overrides import check_page_overrides
from primer.hant.phrases import TABLE as PHRASE_TABLE
from primer.hant.phrases import check_phrase_table_cached
from primer.issues import Issue, relpath
from primer.model import Content
from primer.terms.termmatch import term_matcher

TODO = re.compile(r"\bTODO\b")
# The files holding Chinese text: zh.md bodies and content YAML (paths as `relpath` shows them).
CHINESE_FILE = re.compile(
    r"^content/(?:(?:sections|pages)/[^/]+/zh\.md|(?:glossary|timeline)/[^/]+\.yml|eras\.yml|taxonomy\.yml)$")


def content_files(root: Path) -> Iterator[Path]:
    """Yields every Markdown and YAML file under content/, in a stable order."""
    for folder, folders, files in os.walk(root / "content"):
        folders.sort()
        for name in sorted(files):
            if name.endswith((".yml", ".md")):
                yield Path(folder, name)


def fix_typography(root: Path) -> None:
    """Rewrites the Chinese files whose typography the safe fix changes (line ends become LF)."""
    for path in content_files(root):
        shown = relpath(path, root)
        if CHINESE_FILE.match(shown):
            _found, fixed = check_file(path, shown)
            if fixed is not None:
                path.write_text(fixed, encoding="utf-8")


def todo_lines(text: str, shown: str) -> list[Issue]:
    """Returns a warning for each line of a file's text that still says TODO."""
    if "TODO" not in text:
        return []
    return [Issue(path=shown, line=number, severity="warning",
                  message="unfinished: replace the TODO text before publishing")
            for number, line in enumerate(text.split("\n"), start=1) if TODO.search(line)]


def warnings_of(path: Path, shown: str) -> list[Issue]:
    """Returns the typography (Chinese files) and TODO warnings and the remote-resource errors of one
    file, read once."""
    text, _unreadable = read_text(path, shown)
    if text is None:
        return []  # unreadable: the loader reports it
    found = check_text(text, path.suffix == ".md", shown)[0] if CHINESE_FILE.match(shown) else []
    return found + todo_lines(text, shown) + remote_resource_issues(text, shown)


def file_warnings(root: Path) -> list[Issue]:
    """Returns every file's `warnings_of`, reading again only files changed since last time."""
    memo = FileMemo(root, "text")
    issues: list[Issue] = []
    for path in content_files(root):
        shown = relpath(path, root)
        issues += memo.get("warnings", path, partial(warnings_of, path, shown))
    memo.save()
    return issues


def unused_terms(content: Content) -> Iterator[Issue]:
    """Warns about glossary terms that no section, page or event mentions in either language."""
    mentioned: set[str] = set()
    for lang in LANGS:
        matcher = term_matcher(content, lang)
        texts = [doc.body(lang) for doc in (*content.sections, *content.pages.values())]
        texts += [event.summary.get(lang) for event in content.events]
        mentioned |= {match.term_id for text in texts for match in matcher.find_in_prose(text)}
    for term in content.terms.values():
        if term.id not in mentioned:
            yield Issue(path=term.origin.path, line=1, severity="warning",
                        message=f"term '{term.id}' is not mentioned on any page")


def run_check(root: Path, *, fix: bool = False, list_unused: bool = False) -> tuple[Content, list[Issue]]:
    """Returns the content under `root` and every issue of it, sorted."""
    if fix:  # the rewritten files have new modification times: the caches below miss for them
        fix_typography(root)
    version = content_version(root)  # nothing changed since the last check: its results stand
    content, issues = load_content_cached(root, version)
    issues = issues + cached("style", root, version, lambda: file_warnings(root))
    if (root / PHRASE_TABLE).is_file():  # the 繁體中文 edition's reviewed phrases (primer/hant)
        issues += check_phrase_table_cached(root)
    issues += check_page_overrides(root)  # its whole-page overrides (zh-Hant.md) against their zh.md
    if list_unused:
        issues += list(unused_terms(content))
    return content, sorted(set(issues))
