"""`build.py check`: every content problem at once — validation errors, typography and
unfinished-text warnings, optionally unused terms — and the safe typography fix."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from primer.cache import FileMemo, cached
from primer.fields import LANGS
from primer.hant.overrides import check_page_overrides
from primer.hant.phrases import TABLE as PHRASE_TABLE
from primer.hant.phrases import check_phrase_table_cached
from primer.issues import Issue, relpath
from primer.loader import content_version, load_content, load_content_cached
from primer.model import Content
from primer.remote import remote_resource_issues
from primer.termmatch import term_matcher
from primer.typography import check_file, check_text
from primer.yamlsource import read_text

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


def chinese_files(root: Path) -> Iterator[Path]:
    """Yields the files holding Chinese text."""
    return (path for path in content_files(root) if CHINESE_FILE.match(relpath(path, root)))


def typography(root: Path, fix: bool) -> list[Issue]:
    """Returns typography warnings; with `fix`, rewrites the files and returns what is left."""
    issues: list[Issue] = []
    for path in chinese_files(root):
        found, fixed = check_file(path, relpath(path, root))
        if fix and fixed is not None:
            path.write_text(fixed, encoding="utf-8")  # line ends are normalized to LF by the fix
            found, _ = check_file(path, relpath(path, root))
        issues.extend(found)
    return issues


def unfinished(root: Path) -> Iterator[Issue]:
    """Warns about scaffold text (TODO) that was never replaced."""
    for path in content_files(root):
        shown = relpath(path, root)
        text, _unreadable = read_text(path, shown)
        yield from todo_lines(text or "", shown)


def remote_resources(root: Path) -> Iterator[Issue]:
    """Errors for every file from another host that content would make readers' browsers load."""
    for path in content_files(root):
        shown = relpath(path, root)
        text, _unreadable = read_text(path, shown)
        yield from remote_resource_issues(text or "", shown)


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
    """Returns the typography and TODO warnings, reading again only files changed since last time."""
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
    if fix:
        style = typography(root, fix)
        content, issues = load_content(root)
        issues = issues + style + list(unfinished(root)) + list(remote_resources(root))
    else:  # nothing changed since the last check: its results stand
        version = content_version(root)
        content, issues = load_content_cached(root, version)
        issues = issues + cached("style", root, version, lambda: file_warnings(root))
    if (root / PHRASE_TABLE).is_file():  # the 繁體中文 edition's reviewed phrases (primer/hant)
        issues += check_phrase_table_cached(root)
    issues += check_page_overrides(root)  # its whole-page overrides (zh-Hant.md) against their zh.md
    if list_unused:
        issues += list(unused_terms(content))
    return content, sorted(set(issues))
