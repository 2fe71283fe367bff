"""`build.py new term|event|source|figure <id>`: writes a valid starting file with both languages."""

from __future__ import annotations

import datetime
from pathlib import Path

from primer.content.fields import ID_PATTERN
from primer.pages.render import render

FOLDERS = {"term": "glossary", "event": "timeline", "source": "sources", "figure": "figures"}


class ScaffoldError(Exception):
    """Raised when a scaffold cannot be written; the message says what to do."""


def scaffold(root: Path, kind: str, item_id: str, source: str | None = None,
             today: datetime.date | None = None) -> Path:
    """Writes `content/<folder>/<id>.yml` from its template and returns the path.

    Arguments:
        source: the source id a term, event or figure cites (required for those kinds).
    """
    if not ID_PATTERN.match(item_id):
        raise ScaffoldError(f"'{item_id}' is not a valid id: use a-z, 0-9 and single '-'")
    path = root / "content" / FOLDERS[kind] / f"{item_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists")
    if kind != "source":
        if not source:
            raise ScaffoldError(f"a {kind} cites at least one source: add --source <source-id>")
        if not (root / "content" / "sources" / f"{source}.yml").exists():
            raise ScaffoldError(f"no source '{source}': create it first with `build.py new source {source}`")
    day = today or datetime.date.today()
    text = render(f"scaffold/{kind}.yml.j2", id=item_id, source=source or "", date=day.isoformat(), year=day.year)
    path.parent.mkdir(parents=True, exist_ok=True)  # the first figure creates content/figures/
    path.write_text(text, encoding="utf-8")
    return path
