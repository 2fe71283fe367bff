"""Cross-reference checks over the whole content model; each check yields Issues."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator

from primer.checks.section_structure import check_section_structure
from primer.content.fields import ID_PATTERN, LANGS
from primer.content.markdown_refs import BodyRefs, scan_body
from primer.figures.checks import check_figures
from primer.issues import Issue
from primer.model import Content, Document, Origin, Term
from primer.pages.sitemap import page_names
from primer.terms.termmatch import match_key

REQUIRED_PAGES = ("home", "about")
RESERVED_IDS = {"references", "page-title"}
SAFE_URL = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


def validate(content: Content) -> Iterator[Issue]:
    """Yields every cross-reference problem of `content`."""
    yield from check_documents(content)
    yield from check_section_structure(content)
    yield from check_terms(content)
    yield from check_events(content)
    yield from check_eras(content)
    yield from check_taxonomy(content)
    yield from check_known_names(content)
    yield from check_figures(content)


def unknown(ids: Iterable[str], known: Container[str], origin: Origin, key: str, what: str) -> Iterator[Issue]:
    """Yields an issue for each id in `ids` that is not in `known` (a dict or set: looked up, not scanned)."""
    for item in ids:
        if item not in known:
            yield Issue(path=origin.path, line=origin.line_of(key),
                        message=f"unknown {what} '{item}' in '{key}'; check the id or add it")


def check_documents(content: Content) -> Iterator[Issue]:
    """Checks sections and pages: metadata references and both Markdown bodies."""
    for page_id in REQUIRED_PAGES:
        if page_id not in content.pages:
            yield Issue(path=f"content/pages/{page_id}",
                        message=f"missing page '{page_id}': create meta.yml, zh.md, en.md")
    targets = LinkTargets(content)
    for document in (*content.sections, *content.pages.values()):
        yield from unknown(document.terms, content.terms, document.origin, "terms", "term")
        yield from unknown(document.sources, content.sources, document.origin, "sources", "source")
        refs = {lang: scan_body(document.body(lang)) for lang in LANGS}
        for lang in LANGS:
            yield from check_body(content, targets, refs[lang], document.body_paths.get(lang))
        yield from check_same_headings(document, refs)


def check_body(content: Content, targets: LinkTargets, refs: BodyRefs, path: str) -> Iterator[Issue]:
    """Checks one body's headings, citations and links."""
    seen: set[str] = set()
    for heading in refs.headings:
        if heading.level == 1:
            yield Issue(path=path, line=heading.line,
                        message="no '# ' headings: the title comes from meta.yml; use '## '")
        if not heading.id:
            yield Issue(path=path, line=heading.line,
                        message=f"heading '{heading.text}' has no id; add one like {{#my-id}} (a-z, 0-9, -)")
        elif not ID_PATTERN.match(heading.id):
            yield Issue(path=path, line=heading.line,
                        message=f"heading id '{heading.id}' must use a-z, 0-9 and single '-'")
        elif heading.id in seen or heading.id in RESERVED_IDS:
            yield Issue(path=path, line=heading.line, message=f"heading id '{heading.id}' is used twice on this page")
        seen.add(heading.id)
    for citation in refs.citations:
        if citation.source_id not in content.sources:
            yield citation.issue(path, f"unknown source '{citation.source_id}' in citation; "
                                       f"add content/sources/{citation.source_id}.yml or fix the id")
    for link in refs.links:
        message = targets.problem(link.scheme, link.target, link.anchor, seen)
        if message:
            yield link.issue(path, message)


class LinkTargets:
    """What `section:`, `term:`, `event:` and `page:` links may point at, collected once per check."""

    def __init__(self, content: Content) -> None:
        self.sections = {section.id: section for section in content.sections}
        self.known: dict[str, Container[str]] = {
            "section": self.sections, "term": content.terms,
            "event": {event.id for event in content.events}, "page": page_names(), "figure": content.figures,
        }
        self._heading_ids: dict[str, set[str]] = {}

    def heading_ids(self, section_id: str) -> set[str]:
        """Returns the heading ids of a section (the same in both languages; zh is checked)."""
        if section_id not in self._heading_ids:
            section = self.sections[section_id]
            self._heading_ids[section_id] = {h.id for h in scan_body(section.body("zh")).headings} | {"references"}
        return self._heading_ids[section_id]

    def problem(self, scheme: str, target: str, anchor: str, own_ids: set[str]) -> str:
        """Returns why a link cannot be resolved, or '' when it can."""
        if not scheme:
            if not SAFE_URL.match(target):
                return (f"link '{target}' is not allowed; use https:// URLs "
                        "or section:, term:, event:, page:, figure: links")
            if target.startswith("#") and target[1:] not in own_ids and target != "#references":
                return f"link '{target}' points at no heading of this page"
            return ""
        if target not in self.known[scheme]:
            return f"unknown {scheme} '{target}' in link; use one of the existing ids"
        if scheme == "section" and anchor and anchor not in self.heading_ids(target):
            return f"section '{target}' has no heading id '{anchor}'"
        return ""


def check_same_headings(document: Document, refs: dict[str, BodyRefs]) -> Iterator[Issue]:
    """Both languages must have the same heading ids in the same order (stable anchors)."""
    if not document.body("zh").strip() or not document.body("en").strip():
        return  # the missing body is reported already
    zh_headings = refs["zh"].headings
    for index, heading in enumerate(refs["en"].headings):
        expected = zh_headings[index] if index < len(zh_headings) else None
        if expected is None:
            wanted = "zh.md has no heading at this position"
        elif heading.id != expected.id:
            wanted = (f"zh.md has '{expected.id}' here" if expected.id
                      else f"zh.md's heading here ('{expected.text}') has no id")
        else:
            continue
        yield Issue(path=document.body_paths.en, line=heading.line,
                    message=f"heading id '{heading.id}' does not match: {wanted}; "
                    "keep the same heading ids in the same order in both languages")
        return
    missing = [h.id or h.text for h in zh_headings[len(refs["en"].headings):]]
    if missing:
        yield Issue(path=document.body_paths.en, line=1,
                    message=f"headings missing compared with zh.md: {', '.join(missing)}")


def check_terms(content: Content) -> Iterator[Issue]:
    """Checks glossary references, classes and that no surface form names two terms."""
    axes = {axis.id: {cls.id for cls in axis.classes} for axis in content.axes}
    for term in content.terms.values():
        yield from unknown(term.related, content.terms, term.origin, "related", "term")
        if term.id in term.related:
            yield Issue(path=term.origin.path, line=term.origin.line_of("related"),
                        message="a term cannot be related to itself")
        yield from unknown(term.sources, content.sources, term.origin, "sources", "source")
        yield from check_classes(term, axes)
    for lang in LANGS:
        yield from check_ambiguous_names(content.terms.values(), lang)


def check_classes(term: Term, axes: dict[str, set[str]]) -> Iterator[Issue]:
    """Models declare a class on every axis; others declare none."""
    line = term.origin.line_of("classes")
    if term.kind != "model":
        if term.classes:
            yield Issue(path=term.origin.path, line=line, message="only terms of kind 'model' have 'classes'")
        return
    for axis_id, class_ids in term.classes.items():
        if axis_id not in axes:
            yield Issue(path=term.origin.path, line=line, message=f"unknown classification axis '{axis_id}'")
            continue
        for class_id in class_ids:
            if class_id not in axes[axis_id]:
                yield Issue(path=term.origin.path, line=line, message=f"unknown class '{class_id}' on axis '{axis_id}'")
    for axis_id in axes:
        if axis_id not in term.classes:
            yield Issue(path=term.origin.path, line=line, message=f"model is missing 'classes.{axis_id}'")


def check_ambiguous_names(terms: Iterable[Term], lang: str) -> Iterator[Issue]:
    """An alias or term shared by two terms would make cross-links ambiguous."""
    owners: dict[str, str] = {}
    for term in terms:
        for name in set(term.names(lang)):
            key = match_key(name)
            other = owners.setdefault(key, term.id)
            if other != term.id:
                yield Issue(path=term.origin.path, line=term.origin.line_of(lang),
                            message=f"{lang} name '{name}' also names term '{other}'; each name must point at one term")


def check_events(content: Content) -> Iterator[Issue]:
    """Checks timeline references."""
    for event in content.events:
        yield from unknown(event.terms, content.terms, event.origin, "terms", "term")
        yield from unknown(event.sources, content.sources, event.origin, "sources", "source")


def check_eras(content: Content) -> Iterator[Issue]:
    """Eras must not overlap; only the last may be open-ended."""
    for earlier, later in zip(content.eras, content.eras[1:], strict=False):
        if earlier.end is None or earlier.end >= later.start:
            yield Issue(path=later.origin.path, line=later.origin.line_of("start"),
                        message=f"era '{later.id}' overlaps era '{earlier.id}'; eras must not overlap")


def check_taxonomy(content: Content) -> Iterator[Issue]:
    """Every class has at least one example model."""
    for axis in content.axes:
        yield from unknown(axis.sources, content.sources, axis.origin, "sources", "source")
        for cls in axis.classes:
            if not any(cls.id in term.classes.get(axis.id, ()) for term in content.models()):
                yield Issue(path=cls.origin.path, line=cls.origin.line,
                            message=f"class '{cls.id}' has no example model; add it to a model's 'classes.{axis.id}'")


def check_known_names(content: Content) -> Iterator[Issue]:
    """A known name must not be a term's own name (then it would hide the term); the schema
    reports a name listed twice."""
    origin = content.names_origin
    if origin is None:
        return
    for lang in LANGS:
        term_names = {match_key(name): term.id for term in content.terms.values() for name in term.names(lang)}
        for name in content.names.get(lang, ()):
            key = match_key(name)
            if key in term_names:
                yield Issue(path=origin.path, line=origin.line_of(lang),
                            message=f"'{name}' is a name of term '{term_names[key]}'; remove it from '{lang}'")
