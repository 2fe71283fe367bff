"""Loads the `content/` tree into a `Content` object and collects every file-level problem."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from primer.build.cache import FileMemo, cached, code_version, content_version
from primer.checks.validate import validate
from primer.content.fields import LANGS, FieldReader
from primer.content.structure import structure_issues
from primer.content.yamlsource import Loaded, Mapping, load_yaml, read_text
from primer.issues import Issue, relpath
from primer.model import Content, Document, Era, Figure, Localized, Origin, Source, TaxonomyAxis, Term, TimelineEvent

SECTION_FOLDER = re.compile(r"^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
# The schema (schemas/<kind>.schema.json) of each folder's or file's YAML.
KIND_OF = {"sources": "source", "sections": "document", "pages": "document", "glossary": "term",
           "timeline": "event", "figures": "figure", "eras.yml": "eras", "taxonomy.yml": "taxonomy",
           "names.yml": "names"}


class HasId(Protocol):
    """Anything loaded from `content/<folder>/<id>.yml`."""

    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


class ContentLoader:
    """Reads one content tree; `issues` holds every problem found while reading."""

    def __init__(self, root: Path, memo: FileMemo | None = None) -> None:
        self.root = root
        self.content_dir = root / "content"
        self.issues: list[Issue] = []
        self.memo = memo
        # Memo entries hold schema results: they stand only for the code and schemas that made them.
        self.memo_kind = f"checked-yaml-{code_version()}" if memo else ""

    def shown(self, path: Path) -> str:
        """Returns a path as printed in messages."""
        return relpath(path, self.root)

    def reader(self, path: Path, kind: str) -> FieldReader | None:
        """Loads a YAML file of a content kind and checks it against the kind's schema; returns a
        reader when its top level is a mapping."""
        shown = self.shown(path)
        loaded = self.memo.get(self.memo_kind, path, lambda: checked_yaml(path, shown, kind)) if self.memo \
            else checked_yaml(path, shown, kind)
        self.issues.extend(loaded.issues)
        return FieldReader(loaded.data, shown, self.issues) if isinstance(loaded.data, Mapping) else None

    def load(self) -> Content:
        """Loads everything; check `issues` afterwards."""
        eras = self.load_eras()
        return Content(
            sources=self.load_folder("sources", Source.from_yaml),
            sections=tuple(sorted(self.load_documents("sections", is_section=True).values(),
                                  key=lambda section: section.order)),
            pages=self.load_documents("pages", is_section=False),
            terms=self.load_folder("glossary", Term.from_yaml),
            eras=eras,
            events=tuple(sorted(self.load_folder("timeline", lambda r: TimelineEvent.from_yaml(r, eras)).values(),
                                key=lambda event: (event.date, event.id))),
            axes=self.load_axes(),
            **self.load_names(),
            figures=self.load_figures(),
        )

    def load_figures(self) -> dict[str, Figure]:
        """Loads `content/figures/<id>.yml`; a content tree without figures has no such folder."""
        if not (self.content_dir / "figures").is_dir():
            return {}
        return self.load_folder("figures", Figure.from_yaml)

    def load_folder(self, name: str, build: Callable[[FieldReader], T]) -> dict[str, T]:
        """Loads `content/<name>/<id>.yml` files, one object each, checking file name = id."""
        folder = self.content_dir / name
        objects: dict[str, T] = {}
        if not folder.is_dir():
            self.issues.append(Issue(path=self.shown(folder), message=f"missing folder content/{name}/"))
            return objects
        for path in sorted(folder.iterdir(), key=os.fspath):
            if not self.is_yaml_file(path):
                continue
            reader = self.reader(path, KIND_OF[name])
            if reader is None:
                continue
            item = build(reader)
            item_id = item.id
            if item_id and item_id != path.stem:
                reader.error("id", f"id '{item_id}' differs from the file name '{path.name}'; "
                             f"rename the file to {item_id}.yml or fix the id")
            elif item_id:
                objects[item_id] = item
        return objects

    def is_yaml_file(self, path: Path) -> bool:
        """Tells whether a folder entry is a content file; reports entries that are not."""
        if path.name.startswith(".") or path.name == "README.md":
            return False
        if path.suffix == ".yml" and path.is_file():
            return True
        self.issues.append(Issue(path=self.shown(path),
                                 message="unexpected file; content files are named <id>.yml"))
        return False

    def load_documents(self, name: str, *, is_section: bool) -> dict[str, Document]:
        """Loads `content/<name>/<folder>/` each holding `meta.yml`, `zh.md` and `en.md`."""
        folder = self.content_dir / name
        documents: dict[str, Document] = {}
        if not folder.is_dir():
            self.issues.append(Issue(path=self.shown(folder), message=f"missing folder content/{name}/"))
            return documents
        for path in sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=os.fspath):
            document = self.load_document(path, is_section=is_section)
            if document is not None and document.id:
                documents[document.id] = document
        return documents

    def load_document(self, folder: Path, *, is_section: bool) -> Document | None:
        """Loads one section or page folder."""
        expected_id, expected_order = folder.name, 0
        match = SECTION_FOLDER.match(folder.name)
        if is_section and not match:
            self.issues.append(Issue(path=self.shown(folder), message="section folders are named NN-<id> "
                                     "(or NNN-<id> past 99), e.g. 01-definition"))
            return None
        if match and is_section:
            expected_order, expected_id = int(match.group(1)), match.group(2)
        reader = self.reader(folder / "meta.yml", "document")
        bodies = {lang: self.load_body(folder / f"{lang}.md") for lang in LANGS}
        if reader is None:
            return None
        document = Document.from_yaml(
            reader, bodies=Localized.of(bodies), is_section=is_section,
            body_paths=Localized.of({lang: self.shown(folder / f"{lang}.md") for lang in LANGS}),
        )
        if document.id and document.id != expected_id:
            reader.error("id", f"id '{document.id}' differs from the folder name '{folder.name}'")
        if is_section and document.order and document.order != expected_order:
            reader.error("order", f"'order' is {document.order} but the folder starts with {expected_order:02d}")
        return document

    def load_body(self, path: Path) -> str:
        """Reads one Markdown body; a missing language is reported."""
        if not path.is_file():
            self.issues.append(Issue(path=self.shown(path), message=f"missing translation: create {path.name}"))
            return ""
        text, issues = read_text(path, self.shown(path))
        self.issues.extend(issues)
        if text is not None and not text.strip():
            self.issues.append(Issue(path=self.shown(path), line=1, message="body is empty"))
        return text or ""

    def load_list(self, name: str, key: str) -> list[FieldReader]:
        """Returns readers for the items of the top-level list `key` in `content/<name>`."""
        path = self.content_dir / name
        if not path.exists():
            self.issues.append(Issue(path=self.shown(path), message=f"missing file content/{name}"))
            return []
        reader = self.reader(path, KIND_OF[name])
        items = reader.data.get(key) if reader else None
        if reader is None or not isinstance(items, list):
            return []
        return [FieldReader(item, reader.path, self.issues) for item in items if isinstance(item, Mapping)]

    def load_eras(self) -> tuple[Era, ...]:
        """Loads `content/eras.yml`, ordered by start year."""
        return tuple(sorted((Era.from_yaml(r) for r in self.load_list("eras.yml", "eras")),
                            key=lambda era: era.start))

    def load_axes(self) -> tuple[TaxonomyAxis, ...]:
        """Loads `content/taxonomy.yml`."""
        return tuple(TaxonomyAxis.from_yaml(r) for r in self.load_list("taxonomy.yml", "axes"))

    def load_names(self) -> dict[str, Any]:
        """Loads `content/names.yml` (optional): the known proper names of each language."""
        path = self.content_dir / "names.yml"
        reader = self.reader(path, "names") if path.exists() else None
        if reader is None:
            return {}
        return {"names": {lang: reader.strings(lang) for lang in LANGS},
                "names_origin": Origin.of(reader)}


def checked_yaml(path: Path, shown: str, kind: str) -> Loaded:
    """Loads one YAML file and adds the problems its schema finds (a file that did not parse has
    none to add)."""
    loaded = load_yaml(path, shown)
    if loaded.data is None:
        return loaded
    return Loaded(loaded.data, (*loaded.issues, *structure_issues(kind, loaded.data, shown)))


def load_content(root: Path, memo: FileMemo | None = None) -> tuple[Content, list[Issue]]:
    """Loads and cross-checks the content under `root`; returns the model and every issue.

    Arguments:
        memo: parsed YAML files from earlier runs (see `FileMemo`); the caller saves it.
    """
    loader = ContentLoader(root, memo)
    content = loader.load()
    issues = loader.issues + list(validate(content))
    return content, sorted(set(issues))


def load_content_cached(root: Path, version: str | None = None) -> tuple[Content, list[Issue]]:
    """`load_content`, reusing the model of an unchanged content tree from the cache folder.

    Each build loads the content three times (the check and one process per language); files
    that all keep their size and modification time, read by the same code, give the same model."""
    def load() -> tuple[Content, list[Issue]]:
        memo = FileMemo(root, "yaml")
        loaded = load_content(root, memo)
        memo.save()
        return loaded

    return cached("content", root, version or content_version(root), load)
