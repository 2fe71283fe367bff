"""Content problems as values: validators yield them, one reporter prints them all."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Issue:
    """One problem in one content file, located by line (1-based; 0 = whole file)."""

    path: str
    line: int = 0
    column: int = 0
    message: str
    severity: Severity = "error"

    def format(self) -> str:
        """Returns the `path:line:col: message` form editors and CI understand."""
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def github_annotation(self) -> str:
        """Returns the same problem as a GitHub Actions workflow command."""
        kind = "error" if self.severity == "error" else "warning"
        props = f"file={self.path}"
        if self.line:
            props += f",line={self.line}"
        if self.column:
            props += f",col={self.column}"
        text = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} {props}::{text}"


@dataclass(frozen=True, slots=True)
class Spot:
    """Where something written stands in its file (1-based line and column), so that a check
    that finds a problem there can say so in `path:line:col` form."""

    line: int
    column: int

    def issue(self, path: str, message: str) -> Issue:
        """Returns the error `message` located here in `path`."""
        return Issue(path=path, line=self.line, column=self.column, message=message)


class ContentError(Exception):
    """Raised when content has errors that must stop a build; carries all of them."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = sorted(issues)
        super().__init__("\n".join(issue.format() for issue in self.issues))


def relpath(path: Path | str, root: Path | str) -> str:
    """Returns `path` relative to the project root in POSIX form, as shown in messages.

    Plain string work: `Path.relative_to` cost a quarter of a second per 7,000-file check."""
    text, prefix = os.fspath(path), os.fspath(root).rstrip(os.sep) + os.sep
    if prefix == "." + os.sep:
        prefix = ""  # a relative root: paths under it are already relative
    if text.startswith(prefix):
        text = text[len(prefix):]
    return text.replace(os.sep, "/") if os.sep != "/" else text


def errors_only(issues: Iterable[Issue]) -> list[Issue]:
    """Returns the issues that must stop a build."""
    return [issue for issue in issues if issue.severity == "error"]


def report(issues: Iterable[Issue], stream: TextIO | None = None) -> None:
    """Prints every issue sorted by place (to stderr by default); adds GitHub annotations in Actions."""
    stream = stream or sys.stderr
    ordered = sorted(issues)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for issue in ordered:
        print(issue.format(), file=stream)
        if annotate:
            print(issue.github_annotation(), file=stream)
