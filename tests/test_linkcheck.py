"""Built-site checks over every page of both languages and of the offline export."""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest

from primer.checks.linkcheck import broken_links
from tests.helpers import write

pytestmark = pytest.mark.slow


def test_checker_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    """The checker itself: a dead link and a dead anchor are reported, good ones are not."""
    write(tmp_path / "index.html", '<a href="a/">ok</a><a href="a/#x">ok</a><a href="b.html">dead</a>'
                                   '<a href="a/#nope">dead</a><a href="https://example.org/">external</a>')
    write(tmp_path / "a/index.html", '<h2 id="x">X</h2><img src="../img.png">')
    assert list(broken_links(tmp_path)) == [
        "a/index.html: ../img.png (no such file)",
        "index.html: b.html (no such file)",
        "index.html: a/#nope (no such anchor)",
    ]


def test_hosted_site_has_no_broken_links(real_site: Path) -> None:
    """Zero broken internal links and anchors in zh/, en/ and the root files."""
    assert list(broken_links(real_site)) == []


def test_offline_export_has_no_broken_links(unzipped: Path) -> None:
    """The unzipped offline archive is just as sound, with .html URLs throughout."""
    assert list(broken_links(unzipped)) == []


def test_every_page_parses_cleanly(real_site: Path) -> None:
    """html5lib (the WHATWG parsing algorithm) reports no parse error on any page."""
    problems = []
    for page in sorted(real_site.rglob("*.html")):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(page.read_bytes())
        problems += [f"{page.relative_to(real_site)}: {code} {data}" for _pos, code, data in parser.errors]
    assert problems == []
