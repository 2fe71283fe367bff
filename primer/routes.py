"""Where each generated page lives in a language's site, and relative links between them."""

from __future__ import annotations

import posixpath

PAGE_URIS = {
    "home": "index.md",
    "about": "about.md",
    "glossary": "glossary.md",
    "timeline": "timeline.md",
    "classification": "classification/index.md",
}


def section_uri(section_id: str) -> str:
    """Returns the source URI of an article section's page."""
    return f"sections/{section_id}.md"


def axis_uri(axis_id: str) -> str:
    """Returns the source URI of a classification axis page."""
    return f"classification/{axis_id}.md"


def target_uri(scheme: str, target: str) -> tuple[str, str]:
    """Returns (page URI, anchor) that an internal link `scheme:target` points at."""
    if scheme == "section":
        return section_uri(target), ""
    if scheme == "term":
        return PAGE_URIS["glossary"], target
    if scheme == "event":
        return PAGE_URIS["timeline"], target
    return PAGE_URIS[target], ""


def relative(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """Returns a link from one source URI to another, as MkDocs resolves `.md` links."""
    path = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{path}#{anchor}" if anchor else path
